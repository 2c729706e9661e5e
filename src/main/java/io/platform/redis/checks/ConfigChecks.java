package io.platform.redis.checks;

import com.hashicorp.cdktf.Token;
import io.platform.redis.module.CrossRule;
import io.platform.redis.module.ModuleInputs;
import io.platform.redis.module.RedisVariables;
import io.platform.redis.module.Variable;
import io.platform.redis.module.VariableType;
import io.platform.redis.module.VariableValues;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks behind the typed configurations' {@code build()}: every rule of the catalog, all problems at once, each
 * naming the input by its Java and its Terraform name. A value that is an unresolved cdktf token (a subnet id from
 * another resource, say) is not known yet: its rules, and every rule over several inputs that reads it, are left to
 * the module's validation blocks and preconditions at plan. Sensitive values are never shown.
 */
public final class ConfigChecks {
    private ConfigChecks() {
    }

    /** The values of a {@code RedisModuleConfig}, checked: every rule of the module, every problem found. */
    public static Checked redisModule(Map<String, Object> values) {
        return check(RedisVariables.ALL, RedisVariables.preconditions(), values);
    }

    /**
     * One problem: the inputs it is about (by Terraform name) and what is wrong. The typed configurations name each
     * input in Java and in Terraform; a stack file names its keys, at their lines: one check, two ways to say where.
     */
    public record Problem(List<String> inputs, String text) {
    }

    /**
     * The result of checking values against a catalog: the values (numbers normalized), every problem found, the
     * names whose values break a rule, and those whose values are still tokens (known only at plan).
     */
    public record Checked(Map<String, Object> values, List<Problem> problems, Set<String> broken, Set<String> tokens) {
    }



    /** Every single-value rule of {@code catalog} and every rule of {@code crossRules} whose inputs are all known. */
    public static Checked check(List<Variable> catalog, List<CrossRule> crossRules, Map<String, Object> given) {
        List<Problem> problems = new ArrayList<>();
        Set<String> tokens = new HashSet<>();
        Set<String> broken = new HashSet<>();
        Map<String, Object> values = new LinkedHashMap<>();
        for (Variable variable : catalog) {
            String name = variable.name();
            if (!given.containsKey(name) || given.get(name) == null) {
                if (variable.required()) {
                    problems.add(new Problem(List.of(name), "is required: " + variable.description()));
                    broken.add(name);
                }
                continue;
            }
            Object value = normalized(variable, given.get(name));
            values.put(name, value);
            if (isToken(value)) {
                tokens.add(name);
                continue;
            }
            if (!variable.type().accepts(value)) {
                problems.add(new Problem(List.of(name), shown(variable, value) + ": must be " + variable.type().expected()));
                broken.add(name);
                continue;
            }
            for (String rule : variable.violations(value)) {
                problems.add(new Problem(List.of(name), shown(variable, value) + ": must be " + rule));
                broken.add(name);
            }
        }
        ModuleInputs effective = crossRules.isEmpty() ? null : ModuleInputs.ofCheckedValues(values);
        for (CrossRule rule : crossRules) {
            Set<String> reads = rule.reads();
            if (reads.stream().anyMatch(v -> broken.contains(v) || tokens.contains(v))) {
                continue;
            }
            if (!rule.check().test(effective)) {
                problems.add(new Problem(List.copyOf(reads), rule.message(effective)));
            }
        }
        return new Checked(values, problems, broken, tokens);
    }

    /** Java numbers arrive as any Number; the catalog holds whole numbers as Integer. */
    private static Object normalized(Variable variable, Object value) {
        if (variable.type() == VariableType.NUMBER && value instanceof Number number && !isToken(value)
                && number.doubleValue() == Math.rint(number.doubleValue()) && Math.abs(number.doubleValue()) < Integer.MAX_VALUE) {
            return number.intValue();
        }
        return value;
    }

    /**
     * {@code key}, an entry of the map output {@code output} of a module call, checked against the keys of the call's
     * {@code variable} when they are known at synth: a name that is not there fails here, naming the keys there are,
     * rather than as a failed lookup at plan.
     */
    public static String outputKey(com.hashicorp.cdktf.TerraformHclModule module, String output, String variable, String key) {
        Object keys = module.getVariables().get(variable);
        if (key == null || key.isEmpty() || isToken(key)) {
            throw new IllegalArgumentException(module.getNode().getPath() + ": " + output + ": the key must be a literal name, got " + key);
        }
        if (!isToken(keys) && !(keys instanceof Map<?, ?> map && map.containsKey(key))) {
            throw new IllegalArgumentException(module.getNode().getPath() + ": " + output + " has no entry \"" + key + "\": "
                    + variable + (keys instanceof Map<?, ?> map ? " has " + new java.util.TreeSet<>(map.keySet().stream().map(String::valueOf).toList())
                    : " is not set"));
        }
        return key;
    }

    /**
     * A cdktf token, or a Terraform expression written as "${...}": both are only known at plan. Plain Java values
     * are told apart here without asking the jsii runtime (one round trip per value adds up over every variable of
     * every stack): tokens in strings, lists and maps are text markers ({@code ${TfToken[..]}}, and
     * {@code #{TfToken[..]}} / {@code &{TfToken[..]}} for list and map tokens). Only cdktf can tell a token-encoded
     * number or a resolvable object, so those still go to {@link Token#isUnresolved}.
     */
    public static boolean isToken(Object value) {
        if (value == null || value instanceof Boolean || value instanceof Integer || value instanceof Long) {
            return false;
        }
        if (value instanceof String text) {
            return text.contains("${") || text.contains("#{TfToken[") || text.contains("&{TfToken[");
        }
        if (value instanceof List<?> list) {
            return list.stream().anyMatch(ConfigChecks::isToken);
        }
        if (value instanceof Map<?, ?> map) {
            return map.keySet().stream().anyMatch(ConfigChecks::isToken) || map.values().stream().anyMatch(ConfigChecks::isToken);
        }
        return Token.isUnresolved(value);
    }

    /**
     * "snapshotRetentionLimit (snapshot_retention_limit)": the setter's name and the module variable's; one name when
     * they are the same (port).
     */
    public static String names(String terraformName) {
        String javaName = javaName(terraformName);
        return javaName.equals(terraformName) ? javaName : javaName + " (" + terraformName + ")";
    }

    /** snake_case to camelCase: the typed API's name for a module variable or output. */
    public static String javaName(String terraformName) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : terraformName.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    private static String shown(Variable variable, Object value) {
        return RedisVariables.display(variable, value);
    }
}
