package io.platform.redis.module;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A typical change of one input on a running cluster and what it does: the cluster runs with {@code from} (on top of
 * the catalog's example, in staging), then the stack file or module call changes to {@code to}.
 *
 * @param variable the input changed
 * @param from     the running cluster's values that differ from the example (e.g. AUTH on before a rotation)
 * @param to       the values after the edit: the input, and any companion the rules need with it
 * @param expected what the change does to the running cluster
 * @param note     why, in the words an operator needs
 */
public record RunningChange(String variable, Map<String, Object> from, Map<String, Object> to, OnRunningCluster expected,
                            String note) {

    public RunningChange {
        from = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(from));
        to = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(to));
    }

    /** The running cluster's values: the catalog's example in staging, with {@code from} over it. */
    public Map<String, Object> running() {
        Map<String, Object> values = new LinkedHashMap<>(RedisVariables.EXAMPLE);
        values.put("environment", "staging");
        values.putAll(from);
        return values;
    }

    /** In {@code to}: the edit removes the value (the input goes back to its default). */
    public static final Object UNSET = new Object() {
        @Override
        public String toString() {
            return "unset";
        }
    };

    /** The values after the edit. */
    public Map<String, Object> edited() {
        Map<String, Object> values = running();
        to.forEach((name, value) -> {
            if (value == UNSET) {
                values.remove(name);
            } else {
                values.put(name, value);
            }
        });
        return values;
    }

    /** A short description of the change: "6379 -> 6380". */
    public String describe() {
        if (RedisVariables.AUTH_TOKEN.name().equals(variable)) {
            return "a token -> another token";
        }
        Object before = running().containsKey(variable) ? running().get(variable)
                : VariableValues.find(RedisVariables.ALL, variable).map(Variable::defaultValue).orElse(null);
        return shown(before) + " -> " + shown(to.get(variable));
    }

    private static String shown(Object value) {
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }

    /**
     * What changing {@code variable} from {@code before} to {@code after} does to a running cluster, by the catalog:
     * an engine version that goes down, or a documented change to the same new value, picks its own row; otherwise
     * the variable's typical change says it.
     */
    public static RunningChange of(Variable variable, Object before, Object after) {
        List<RunningChange> changes = variable.runningChanges();
        if (variable == RedisVariables.ENGINE_VERSION && before instanceof String from && after instanceof String to) {
            boolean down = version(to) < version(from);
            return changes.stream().filter(c -> (c.expected() == OnRunningCluster.REPLACES) == down).findFirst().orElse(changes.get(0));
        }
        return changes.stream().filter(c -> java.util.Objects.equals(c.to().get(variable.name()), after)).findFirst().orElse(changes.get(0));
    }

    /** 7.1 -> 7.1, 6.x -> 6.9: comparable engine versions. */
    private static double version(String text) {
        try {
            return Double.parseDouble(text.replace("x", "9"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
