package io.platform.redis.offline;

import java.util.Map;

/**
 * The environment of every terraform command this project starts without AWS, {@code build/check}'s and the tests'
 * alike: no prompt, no version check over the network, no instance metadata lookup, none of the caller's variable
 * values, workspace or data folder (a check must plan what is in the files), and Go's collector set for large plans
 * ({@link GoCollector}). Each caller adds its own (the mirror's CLI configuration; build/check also drops the
 * caller's AWS credentials).
 */
public final class TerraformEnvironment {
    private TerraformEnvironment() {
    }

    /** Applies the settings above to {@code env}, a child process's environment. */
    public static void offline(Map<String, String> env) {
        env.put("TF_IN_AUTOMATION", "1");
        env.put("TF_INPUT", "0");
        env.put("CHECKPOINT_DISABLE", "1");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.keySet().removeIf(key -> key.startsWith("TF_VAR_") || key.equals("TF_WORKSPACE") || key.equals("TF_DATA_DIR"));
        GoCollector.tune(env);
    }
}
