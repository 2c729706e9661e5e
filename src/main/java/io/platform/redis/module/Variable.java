package io.platform.redis.module;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One input variable of the exported module: its Terraform declaration (name, type, default, description,
 * validation) and the Java checks of the same rules. Stack files use {@link #name()} as their key.
 */
public final class Variable {
    private final String name;
    private final VariableType type;
    private final Object defaultValue;
    private final boolean required;
    private final boolean sensitive;
    private final String description;
    private final List<Rule> rules;
    private final FromResource fromResource;
    private final List<RunningChange> runningChanges;
    private final String engineParameter;
    private final Safeguard safeguard;

    /** A safeguard this variable holds: the values that turn it off, and what is then lost (listed by build/synth). */
    public record Safeguard(List<Object> unsafeValues, String consequence) {
    }

    private Variable(Builder builder) {
        this.name = builder.name;
        this.type = builder.type;
        this.defaultValue = builder.defaultValue;
        this.required = builder.required;
        this.sensitive = builder.sensitive;
        this.description = Objects.requireNonNull(builder.description, () -> "variable " + builder.name + " needs a description");
        this.rules = List.copyOf(builder.rules);
        this.fromResource = builder.fromResource;
        this.runningChanges = List.copyOf(builder.runningChanges);
        this.engineParameter = builder.engineParameter;
        this.safeguard = builder.safeguard;
        if (defaultValue != null && !type.accepts(defaultValue)) {
            throw new IllegalStateException("default of " + name + " is not " + type.expected());
        }
    }

    public static Builder string(String name) {
        return new Builder(name, VariableType.STRING);
    }

    public static Builder number(String name) {
        return new Builder(name, VariableType.NUMBER);
    }

    public static Builder bool(String name) {
        return new Builder(name, VariableType.BOOL);
    }

    public static Builder stringList(String name) {
        return new Builder(name, VariableType.STRING_LIST);
    }

    public static Builder stringMap(String name) {
        return new Builder(name, VariableType.STRING_MAP);
    }

    public String name() {
        return name;
    }

    public VariableType type() {
        return type;
    }

    /** The module's default; null with {@link #required()} false means "not set" (Terraform null). */
    public Object defaultValue() {
        return defaultValue;
    }

    public boolean required() {
        return required;
    }

    /** True when an unset value is null rather than a concrete default. */
    public boolean nullable() {
        return !required && defaultValue == null;
    }

    public boolean sensitive() {
        return sensitive;
    }

    public String description() {
        return description;
    }

    public List<Rule> rules() {
        return rules;
    }

    /**
     * The kind of resource attribute callers feed into this input, or null for an input that must be known at plan
     * (it decides how many resources exist, or their keys).
     */
    public FromResource fromResource() {
        return fromResource;
    }

    /** The engine parameter of the module's parameter group this input sets (maxmemory-policy...), or null. */
    public String engineParameter() {
        return engineParameter;
    }

    /** Typical changes of this input on a running cluster and what each does (the first is the typical one). */
    public List<RunningChange> runningChanges() {
        return runningChanges;
    }

    /** The safeguard this variable holds, or null. */
    public Safeguard safeguard() {
        return safeguard;
    }

    /** The rules {@code value} breaks, as "must ..." phrases; empty when it is valid or null. */
    public List<String> violations(Object value) {
        List<String> broken = new ArrayList<>();
        if (value == null) {
            return broken;
        }
        for (Rule rule : rules) {
            if (!rule.check().test(value)) {
                broken.add(rule.brokenBy(value));
            }
        }
        return broken;
    }

    public static final class Builder {
        private final String name;
        private final VariableType type;
        private Object defaultValue;
        private boolean required;
        private boolean sensitive;
        private String description;
        private final List<Rule> rules = new ArrayList<>();
        private FromResource fromResource;
        private Safeguard safeguard;
        private final List<RunningChange> runningChanges = new ArrayList<>();
        private String engineParameter;

        private Builder(String name, VariableType type) {
            this.name = name;
            this.type = type;
        }

        /** No default: every caller must set it. */
        /**
         * The variable holds a safeguard that a stack file turns off by setting one of {@code unsafeValues}; build/synth
         * lists it with {@code consequence}.
         */
        public Builder safeguard(List<?> unsafeValues, String consequence) {
            this.safeguard = new Safeguard(List.copyOf(unsafeValues), consequence);
            return this;
        }

        public Builder safeguard(Object unsafeValue, String consequence) {
            return unsafeValue instanceof List<?> values ? safeguard(values, consequence) : safeguard(List.of(unsafeValue), consequence);
        }

        public Builder required() {
            this.required = true;
            return this;
        }

        public Builder defaultValue(Object value) {
            this.defaultValue = value;
            return this;
        }

        public Builder sensitive() {
            this.sensitive = true;
            return this;
        }

        public Builder description(String text) {
            this.description = text;
            return this;
        }

        public Builder rule(Rule rule) {
            rules.add(rule);
            return this;
        }

        /** The input sets this engine parameter in the module's parameter group (left out while the input is null). */
        public Builder engineParameter(String parameter) {
            this.engineParameter = parameter;
            return this;
        }

        /** Callers may feed it from a resource of the same apply: the module must plan with its value unknown. */
        public Builder fromResource(FromResource kind) {
            this.fromResource = kind;
            return this;
        }

        /** Changing a running cluster's value (the example's, or the default) to {@code to} does {@code expected}. */
        public Builder onRunningCluster(OnRunningCluster expected, Object to, String note) {
            return onRunningCluster(expected, java.util.Map.of(), java.util.Map.of(name, to), note);
        }

        /** A running cluster with {@code from}, edited to {@code to}, does {@code expected}. */
        public Builder onRunningCluster(OnRunningCluster expected, java.util.Map<String, Object> from, java.util.Map<String, Object> to,
                                        String note) {
            runningChanges.add(new RunningChange(name, from, to, expected, note, List.of()));
            return this;
        }

        /**
         * The ElastiCache calls the apply of the last change makes, as the wire check records them (ChangeSafetyTest):
         * {@code Action(Parameter, ...)}, without ApplyImmediately. None: no ElastiCache call.
         */
        public Builder onApply(String... calls) {
            int last = runningChanges.size() - 1;
            runningChanges.set(last, runningChanges.get(last).withCalls(List.of(calls)));
            return this;
        }

        public Variable build() {
            return new Variable(this);
        }
    }
}
