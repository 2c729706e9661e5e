package io.platform.redis.stacks;

import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.TerraformOutputConfig;
import com.hashicorp.cdktf.TerraformStack;

/** Where each stack finds the module, and the stack outputs built on a module call. */
public final class ModuleCall {
    /** Where the module sits relative to each stack's folder; the synthesizer copies it there. */
    public static final String SOURCE = io.platform.redis.RedisModule.BESIDE_THE_STACK;

    private ModuleCall() {
    }

    /** A stack output with an exact name (construct ids of outputs and resources share one namespace). */
    public static void output(TerraformStack stack, String name, Object value, String description, boolean sensitive) {
        new TerraformOutput(stack, "output_" + name, TerraformOutputConfig.builder()
                .value(value).description(description).sensitive(sensitive).build())
                .overrideLogicalId(name);
    }
}
