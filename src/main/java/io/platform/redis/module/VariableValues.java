package io.platform.redis.module;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Immutable values for a catalog of {@link Variable}s. Only what the caller set is kept; {@link #get} falls back
 * to the variable's default, so defaults live in the catalog alone.
 */
public class VariableValues {
    private final List<Variable> catalog;
    private final Map<String, Object> explicit;

    protected VariableValues(List<Variable> catalog, Map<String, Object> values) {
        this(catalog, values, false);
    }

    /** With {@code checked}, names must still be the catalog's, but the typed API has checked the values itself. */
    protected VariableValues(List<Variable> catalog, Map<String, Object> values, boolean checked) {
        for (var entry : values.entrySet()) {
            Variable variable = find(catalog, entry.getKey())
                    .orElseThrow(() -> new IllegalArgumentException("unknown variable " + entry.getKey()));
            if (!checked && entry.getValue() != null && !variable.type().accepts(entry.getValue())) {
                throw new IllegalArgumentException(entry.getKey() + " must be " + variable.type().expected());
            }
        }
        this.catalog = catalog;
        this.explicit = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static Optional<Variable> find(List<Variable> catalog, String name) {
        return catalog.stream().filter(v -> v.name().equals(name)).findFirst();
    }

    public List<Variable> catalog() {
        return catalog;
    }

    /** The values the caller set, in the order given. */
    public Map<String, Object> explicit() {
        return explicit;
    }

    /** The effective value: the caller's, or the default. */
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

    @SuppressWarnings("unchecked")
    public Map<String, String> map(Variable variable) {
        return (Map<String, String>) get(variable);
    }
}
