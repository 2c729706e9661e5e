package io.platform.redis.module;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values one caller gives the module, immutable. Only what the caller set is kept, so a stack passes exactly
 * its own choices to the module and every default lives in one place: {@link RedisVariables}.
 */
public final class ModuleInputs {
    private final Map<String, Object> explicit;

    private ModuleInputs(Map<String, Object> explicit) {
        this.explicit = Collections.unmodifiableMap(new LinkedHashMap<>(explicit));
    }

    /** Values keyed by variable name; the caller has checked names and types (see the stack file reader). */
    public static ModuleInputs of(Map<String, Object> values) {
        for (var entry : values.entrySet()) {
            Variable variable = RedisVariables.byName(entry.getKey())
                    .orElseThrow(() -> new IllegalArgumentException("unknown module variable " + entry.getKey()));
            if (entry.getValue() != null && !variable.type().accepts(entry.getValue())) {
                throw new IllegalArgumentException(entry.getKey() + " must be " + variable.type().expected());
            }
        }
        return new ModuleInputs(values);
    }

    /** The values the caller set, in the order given. */
    public Map<String, Object> explicit() {
        return explicit;
    }

    /** The effective value: the caller's, or the module default. */
    public Object get(Variable variable) {
        return explicit.containsKey(variable.name()) ? explicit.get(variable.name()) : variable.defaultValue();
    }

    public String string(Variable variable) {
        return (String) get(variable);
    }

    public int number(Variable variable) {
        return (Integer) get(variable);
    }

    public boolean bool(Variable variable) {
        return (Boolean) get(variable);
    }

    @SuppressWarnings("unchecked")
    public List<String> list(Variable variable) {
        return (List<String>) get(variable);
    }

    /** A copy with one more value set, for callers that derive a value (e.g. a per-cluster name). */
    public ModuleInputs with(Variable variable, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(explicit);
        copy.put(variable.name(), value);
        return of(copy);
    }
}
