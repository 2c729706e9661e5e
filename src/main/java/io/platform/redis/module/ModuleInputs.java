package io.platform.redis.module;

import java.util.Map;

/** The values one caller gives the Redis module, checked against {@link RedisVariables}. */
public final class ModuleInputs extends VariableValues {
    private ModuleInputs(Map<String, Object> values) {
        super(RedisVariables.ALL, values);
    }

    /** Values keyed by variable name; names and types must be the module's (see the stack file reader). */
    public static ModuleInputs of(Map<String, Object> values) {
        return new ModuleInputs(values);
    }
}
