package io.platform.redis.module;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Factories for the common shapes of {@link Rule}. Regular expressions stay within the syntax Java and Terraform
 * (RE2) read alike: character classes instead of backslash escapes, anchored with ^ and $.
 */
public final class Rules {
    private Rules() {
    }

    public static Rule matches(String regex, String rule, String badExample) {
        Pattern pattern = Pattern.compile(regex);
        return new Rule(rule, "can(regex(" + quote(regex) + ", VALUE))",
                value -> pattern.matcher((String) value).matches(), badExample);
    }

    public static Rule doesNotContain(String text, String rule, String badExample) {
        return new Rule(rule, "!strcontains(VALUE, " + quote(text) + ")",
                value -> !((String) value).contains(text), badExample);
    }

    public static Rule between(int min, int max, String why, int badExample) {
        return new Rule("between " + min + " and " + max + " (" + why + ")",
                "VALUE >= " + min + " && VALUE <= " + max + " && floor(VALUE) == VALUE",
                value -> (Integer) value >= min && (Integer) value <= max, badExample);
    }

    public static Rule atLeast(int min, String why, int badExample) {
        return new Rule("a whole number of at least " + min + " (" + why + ")", "VALUE >= " + min + " && floor(VALUE) == VALUE",
                value -> (Integer) value >= min, badExample);
    }

    public static Rule oneOf(List<String> allowed, String badExample) {
        return new Rule("one of " + String.join(", ", allowed), "contains(" + hclList(allowed) + ", VALUE)",
                allowed::contains, badExample);
    }

    /** A Terraform list of string literals. */
    static String hclList(List<String> values) {
        return values.stream().map(Rules::quote).collect(Collectors.joining(", ", "[", "]"));
    }

    public static Rule oneOfNumbers(List<Integer> allowed, String why, int badExample) {
        String list = allowed.stream().map(String::valueOf).collect(Collectors.joining(", "));
        return new Rule("one of " + list + " (" + why + ")", "contains([" + list + "], VALUE)",
                allowed::contains, badExample);
    }

    public static Rule notEmpty(String rule, List<String> badExample) {
        return new Rule(rule, "length(VALUE) > 0", value -> !((List<?>) value).isEmpty(), badExample);
    }

    /** Every element of a list(string) matches {@code regex}. */
    public static Rule eachMatches(String regex, String rule, List<String> badExample) {
        Pattern pattern = Pattern.compile(regex);
        return new Rule(rule, "alltrue([for item in VALUE : can(regex(" + quote(regex) + ", item))])",
                value -> ((List<?>) value).stream().allMatch(item -> pattern.matcher((String) item).matches()),
                badExample);
    }

    /** Every value of a map(string) matches {@code regex}. */
    public static Rule eachValueMatches(String regex, String rule, java.util.Map<String, String> badExample) {
        Pattern pattern = Pattern.compile(regex);
        return new Rule(rule, "alltrue([for item in values(VALUE) : can(regex(" + quote(regex) + ", item))])",
                value -> ((java.util.Map<?, ?>) value).values().stream().allMatch(item -> pattern.matcher((String) item).matches()),
                badExample);
    }

    /** A Terraform string literal; the rules' texts hold no quotes, backslashes or template sequences. */
    static String quote(String text) {
        if (text.contains("\"") || text.contains("\\") || text.contains("${") || text.contains("%{")) {
            throw new IllegalArgumentException("not a plain Terraform string literal: " + text);
        }
        return "\"" + text + "\"";
    }
}
