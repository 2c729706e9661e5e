package io.platform.redis.module;

/**
 * One output of the exported module (or of a chat stack); stacks re-export each under the same name and
 * sensitivity, and the typed Java API reads it with a getter of its type.
 *
 * @param key for a map output, what one of its keys is ("user"), and {@code keysFrom} the variable whose keys they
 *            are: the typed API then reads one entry with a Terraform function ({@code getUserUrl("celery")})
 */
public record ModuleOutput(String name, VariableType type, String description, boolean sensitive, String key, Variable keysFrom) {
    public ModuleOutput(String name, VariableType type, String description, boolean sensitive) {
        this(name, type, description, sensitive, null, null);
    }

    /** This map output, read one entry at a time by a key of {@code keysFrom}. */
    public ModuleOutput keyedBy(String key, Variable keysFrom) {
        if (type != VariableType.STRING_MAP) {
            throw new IllegalStateException(name + ": only a map output has keys");
        }
        return new ModuleOutput(name, type, description, sensitive, key, keysFrom);
    }
}
