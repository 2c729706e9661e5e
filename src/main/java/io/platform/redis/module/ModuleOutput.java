package io.platform.redis.module;

/**
 * One output of the exported module (or of a chat stack); stacks re-export each under the same name and
 * sensitivity, and the typed Java API reads it with a getter of its type.
 */
public record ModuleOutput(String name, VariableType type, String description, boolean sensitive) {
}
