package io.platform.redis.module;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code terraform test} / {@code tofu test} files shipped in the module's {@code tests/} folder. The behaviour
 * tests are written by hand (src/main/resources/module/tests); the validation test is generated from the rule
 * catalog, so every validation block and precondition is exercised by its rule's bad example: the preconditions one
 * run each (a failed precondition names its resource, not which condition failed), the variables' rules together,
 * the k-th rule of every variable in one run (a validation names its variable, and none reads another variable).
 */
public final class ModuleTests {
    public static final List<String> HANDWRITTEN = List.of("outputs.tftest.hcl", "security.tftest.hcl", "operations.tftest.hcl");
    public static final String GENERATED = "validation.tftest.hcl";

    private ModuleTests() {
    }

    public static Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        for (String name : HANDWRITTEN) {
            files.put("tests/" + name, ModuleExporter.resource("tests/" + name));
        }
        files.put("tests/" + GENERATED, validationTest());
        return files;
    }

    /** One case per rule: the variables to set, what must fail, and the run of the validation test that feeds them. */
    public record Case(String name, Map<String, Object> variables, String expectFailure, String run) {
    }

    public static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (Variable variable : RedisVariables.ALL) {
            int index = 1;
            for (Rule rule : variable.rules()) {
                cases.add(new Case(variable.name() + "_rule_" + index, Map.of(variable.name(), rule.badExample()),
                        "var." + variable.name(), "variables_rule_" + index));
                index++;
            }
        }
        int index = 1;
        for (CrossRule rule : RedisVariables.preconditions()) {
            cases.add(new Case("precondition_" + index, rule.badExample(), RedisModuleStack.GROUP, "precondition_" + index));
            index++;
        }
        return cases;
    }

    /** Attribute lines with their "=" aligned, as terraform fmt writes them. */
    private static void appendAligned(StringBuilder out, String indent, Map<String, Object> values) {
        int width = values.keySet().stream().mapToInt(String::length).max().orElse(0);
        values.forEach((k, v) -> out.append(indent).append(k).append(" ".repeat(width - k.length()))
                .append(" = ").append(Hcl.literal(v)).append('\n'));
    }

    static String validationTest() {
        StringBuilder out = new StringBuilder();
        out.append("# Generated from the module's rule catalog (RedisVariables.java); do not edit.\n")
                .append("# Each run breaks one AWS rule and expects the matching validation block or precondition to fail.\n\n")
                .append("mock_provider \"aws\" {}\n")
                .append("mock_provider \"random\" {}\n\n")
                .append("variables {\n");
        appendAligned(out, "  ", RedisVariables.EXAMPLE);
        out.append("}\n");
        Map<String, List<Case>> runs = new LinkedHashMap<>();
        cases().forEach(c -> runs.computeIfAbsent(c.run(), r -> new ArrayList<>()).add(c));
        runs.forEach((run, cases) -> {
            Map<String, Object> variables = new java.util.TreeMap<>();
            cases.forEach(c -> variables.putAll(c.variables()));
            out.append("\nrun \"").append(run).append("\" {\n")
                    .append("  command = plan\n\n")
                    .append("  variables {\n");
            appendAligned(out, "    ", variables);
            out.append("  }\n\n")
                    .append("  expect_failures = [").append(String.join(", ", cases.stream().map(Case::expectFailure).toList())).append("]\n")
                    .append("}\n");
        });
        return out.toString();
    }
}
