package io.platform.redis.module;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule that ties several variables together (failover needs two nodes, AUTH needs TLS...). In the module it is a
 * precondition on the replication group, which every Terraform version from 1.2 evaluates; in Java it runs on the
 * effective inputs. {@code badExample} holds variable values that break it, on top of {@link RedisVariables#EXAMPLE}.
 *
 * @param reads the variables the condition depends on (a rule over an unknown or broken one is left to plan)
 */
public record CrossRule(String rule, String hclCondition, Set<String> reads, Predicate<ModuleInputs> check,
                        Map<String, Object> badExample) {
    private static final Pattern VARIABLE_REFERENCE = Pattern.compile("var\\.([a-z0-9_]+)");

    /** A rule whose condition reads the variables directly: they are the {@code var.x} references in it. */
    public CrossRule(String rule, String hclCondition, Predicate<ModuleInputs> check, Map<String, Object> badExample) {
        this(rule, hclCondition, variablesIn(hclCondition), check, badExample);
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
