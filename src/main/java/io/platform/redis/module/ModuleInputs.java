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

    /** Values the typed API has checked already; they may hold cdktf tokens, which no Java type check accepts. */
    public static ModuleInputs ofCheckedValues(Map<String, Object> values) {
        return new ModuleInputs(values, true);
    }

    private ModuleInputs(Map<String, Object> values, boolean checked) {
        super(RedisVariables.ALL, values, checked);
    }
}
