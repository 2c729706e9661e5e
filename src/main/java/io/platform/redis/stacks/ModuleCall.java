package io.platform.redis.stacks;

import com.hashicorp.cdktf.TerraformHclModule;
import com.hashicorp.cdktf.TerraformHclModuleConfig;
import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.TerraformOutputConfig;
import com.hashicorp.cdktf.TerraformStack;
import java.util.Map;

/** A call of the exported module from a stack, and the stack outputs built on it. */
public final class ModuleCall {
    /** Where the module sits relative to each stack's folder; the synthesizer copies it there. */
    public static final String SOURCE = "./modules/redis";

    private ModuleCall() {
    }

    public static TerraformHclModule add(TerraformStack stack, String name, Map<String, Object> variables) {
        // cdktf would turn a "./" source into a hashed asset folder; the module is copied in by the synthesizer
        // instead, so the call reads like a Terraform team's own: source = "./modules/redis".
        TerraformHclModule module = new TerraformHclModule(stack, name, TerraformHclModuleConfig.builder()
                .source("redis")
                .variables(variables)
                .build());
        module.addOverride("source", SOURCE);
        return module;
    }

    /** A stack output with an exact name (construct ids of outputs and resources share one namespace). */
    public static void output(TerraformStack stack, String name, Object value, String description, boolean sensitive) {
        new TerraformOutput(stack, "output_" + name, TerraformOutputConfig.builder()
                .value(value).description(description).sensitive(sensitive).build())
                .overrideLogicalId(name);
    }
}
