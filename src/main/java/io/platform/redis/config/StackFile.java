package io.platform.redis.config;

/**
 * One environment, as its stack file describes it: the stack-level settings and what it deploys.
 *
 * @param source the file it was read from, relative to the project, for messages
 * @param stack  the stack name, also its folder under cdktf.out/stacks
 */
public record StackFile(String source, String stack, String region, Backend backend, Workload workload) {
}
