package io.platform.redis.module;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule that ties several variables together (failover needs two nodes, AUTH needs TLS...). In the module it is a
 * precondition on the replication group, which every Terraform version from 1.2 evaluates; in Java it runs on the
 * effective inputs. {@code badExample} holds variable values that break it, on top of {@link RedisVariables#EXAMPLE}.
 *
 * @param reads the variables the condition depends on (a rule over an unknown or broken one is left to plan)
 * @param hclDetail null, or an HCL string expression that says which values break the rule (joined to the message)
 * @param detail the same in Java, on the effective inputs
 */
public record CrossRule(String rule, String hclCondition, Set<String> reads, Predicate<ModuleInputs> check,
                        Map<String, Object> badExample, String hclDetail, Function<ModuleInputs, String> detail) {
    private static final Pattern VARIABLE_REFERENCE = Pattern.compile("var\\.([a-z0-9_]+)");

    public CrossRule(String rule, String hclCondition, Set<String> reads, Predicate<ModuleInputs> check,
                     Map<String, Object> badExample) {
        this(rule, hclCondition, reads, check, badExample, null, null);
    }

    /** A rule whose condition reads the variables directly: they are the {@code var.x} references in it. */
    public CrossRule(String rule, String hclCondition, Predicate<ModuleInputs> check, Map<String, Object> badExample) {
        this(rule, hclCondition, variablesIn(hclCondition), check, badExample);
    }

    /** This rule, whose message goes on to name the values that break it ({@code hclDetail} at plan, {@code detail} in Java). */
    public CrossRule withDetail(String hclDetail, Function<ModuleInputs, String> detail) {
        return new CrossRule(rule, hclCondition, reads, check, badExample, hclDetail, detail);
    }

    /** The message in Java for inputs that break the rule. */
    public String message(ModuleInputs inputs) {
        return detail == null ? rule : rule + ": " + detail.apply(inputs);
    }

    /** The message of the module's precondition (Terraform fills in the detail). */
    public String hclMessage() {
        return hclDetail == null ? rule : rule + ": ${" + hclDetail + "}";
    }

    /** The variables a condition reads through locals, in the order its message names them (Set.of has no order). */
    public static Set<String> reading(String... names) {
        return java.util.Collections.unmodifiableSet(new LinkedHashSet<>(java.util.List.of(names)));
    }

    public static Set<String> variablesIn(String expression) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = VARIABLE_REFERENCE.matcher(expression);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
