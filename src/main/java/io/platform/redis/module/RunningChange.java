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
                            String note, List<String> calls) {

    public RunningChange {
        from = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(from));
        to = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(to));
        calls = List.copyOf(calls);
    }

    /** The same change with the ElastiCache calls its apply makes ({@code Action(Parameter, ...)}), as recorded on the wire. */
    public RunningChange withCalls(List<String> calls) {
        return new RunningChange(variable, from, to, expected, note, calls);
    }

    /**
     * When the calls take effect: the replication group's own changes wait for the maintenance window in prod
     * (the module sends ApplyImmediately only outside prod, or when the cluster leaves a parameter group the apply
     * deletes); AUTH token and replica
     * count calls, parameter values, tags and new or deleted objects apply at once everywhere.
     */
    public String timing() {
        if (calls.isEmpty()) {
            return "no ElastiCache call";
        }
        // a parameter group the apply deletes must be left at once: the module then sends ApplyImmediately in prod too
        boolean groupDeleted = calls.contains("DeleteCacheParameterGroup");
        boolean windowed = !groupDeleted && calls.stream().anyMatch(c -> c.startsWith("ModifyReplicationGroup(") && !c.contains("AuthToken"));
        return windowed ? "at once outside prod; in prod the replication group's change waits for the maintenance window" : "at once, even in prod";
    }

    /** The running cluster's values: the catalog's example in staging, with {@code from} over it. */
    public Map<String, Object> running() {
        Map<String, Object> values = new LinkedHashMap<>(RedisVariables.EXAMPLE);
        values.put(RedisVariables.ENVIRONMENT.name(), "staging");
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
        List<String> context = new java.util.ArrayList<>();
        // in name order: an example written with Map.of iterates in a different order in every JVM
        new java.util.TreeMap<>(from).forEach((name, value) -> {
            if (!name.equals(variable) && !name.equals(RedisVariables.AUTH_TOKEN.name())) {
                context.add(name + " " + shown(value));
            }
        });
        return shown(before) + " -> " + shown(to.get(variable)) + (context.isEmpty() ? "" : " (running with " + String.join(", ", context) + ")");
    }

    private static String shown(Object value) {
        if (value instanceof Map<?, ?> map) {
            return String.valueOf(new java.util.TreeMap<>(map)); // the same text in every JVM
        }
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }

    /**
     * What changing {@code variable} from {@code before} to {@code after} does to a running cluster, by the catalog:
     * an engine version that goes down, or a documented change to the same new value, picks its own row; otherwise
     * the variable's typical change says it.
     */
    public static RunningChange of(Variable variable, Object before, Object after) {
        // refused rows are transitions, which DayTwoTransitions sees from both sets of values; the others classify
        List<RunningChange> changes = variable.runningChanges().stream().filter(c -> c.expected() != OnRunningCluster.REFUSED).toList();
        if (changes.isEmpty()) {
            changes = variable.runningChanges();
        }
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
