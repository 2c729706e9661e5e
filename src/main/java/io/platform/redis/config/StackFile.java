package io.platform.redis.config;

/**
 * One environment, as its stack file describes it: the stack-level settings and what it deploys.
 *
 * @param source the file it was read from, relative to the project, for messages
 * @param stack  the stack name, also its folder under cdktf.out/stacks
 * @param allowReplacement the keys whose change may replace a running prod cluster (the operator's explicit consent)
 * @param nameLine the line of the key its AWS names derive from ({@link Workload#nameKey()}), for messages
 */
public record StackFile(String source, String stack, String region, Backend backend, Workload workload,
                        java.util.List<String> allowReplacement, int nameLine) {
    public StackFile {
        allowReplacement = java.util.List.copyOf(allowReplacement);
    }
}
