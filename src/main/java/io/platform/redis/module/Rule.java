package io.platform.redis.module;

import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One AWS rule on one variable, written once for both worlds: a Java check run at synth time, and the same check as
 * a Terraform condition for HCL users of the exported module. {@code badExample} is a value that breaks the rule;
 * the tests feed it to both sides, so the two implementations cannot silently disagree.
 *
 * @param rule         what a valid value looks like, completing "must be ..." / "must ..."
 * @param hclCondition Terraform expression over {@code VALUE}, which stands for the variable reference
 * @param check        the same rule in Java; never called with null
 * @param badExample   a value of the variable's type that the rule rejects
 * @param hint         what the user probably meant, for a value that breaks the rule (Java only), or null
 */
public record Rule(String rule, String hclCondition, Predicate<Object> check, Object badExample, Function<Object, String> hint) {

    public Rule(String rule, String hclCondition, Predicate<Object> check, Object badExample) {
        this(rule, hclCondition, check, badExample, value -> null);
    }

    /** The same rule, with a suggestion for a value that breaks it. */
    public Rule withHint(Function<Object, String> suggestion) {
        return new Rule(rule, hclCondition, check, badExample, suggestion);
    }

    /** What a broken value violates, completing "must be ...", with the suggestion when there is one. */
    public String brokenBy(Object value) {
        String suggestion = hint.apply(value);
        return suggestion == null ? rule : rule + "; " + suggestion;
    }

    /** The placeholder in {@link #hclCondition} for the variable reference. */
    public static final String VALUE = "VALUE";

    /** The Terraform condition for variable {@code name}; a null value always passes (it means "not set"). */
    public String conditionFor(String name, boolean nullable) {
        String condition = hclCondition.replace(VALUE, "var." + name);
        return nullable ? "var." + name + " == null || " + "try(" + condition + ", false)" : condition;
    }
}
