package io.platform.redis.module;

/** One output of the exported module; environment stacks re-export each under the same name and sensitivity. */
public record ModuleOutput(String name, String description, boolean sensitive) {
}
