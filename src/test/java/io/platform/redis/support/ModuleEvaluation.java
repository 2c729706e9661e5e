package io.platform.redis.support;

import io.platform.redis.module.ModuleOutput;
import io.platform.redis.module.RedisOutputs;
import io.platform.redis.offline.OfflineCopy;
import io.platform.redis.files.Directories;
import io.platform.redis.files.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The module's outputs and parameter group as terraform evaluates them for given inputs, with a local server's
 * address in place of the ElastiCache endpoint: one {@code terraform test} run over a root that calls the module once
 * per case, under a mocked AWS provider whose replication groups report {@code primary_endpoint_address = 127.0.0.1}.
 * The URLs are therefore built by the module's own output expressions, never by test code; {@code -verbose} prints
 * the resulting state, from which the outputs and each parameter group's parameters are read.
 */
public final class ModuleEvaluation {
    /** What one module call produced: its outputs (sensitive ones unwrapped for the test) and its parameters. */
    public record Evaluated(Map<String, Object> outputs, Map<String, String> parameters, Map<String, List<String>> userPasswords) {
        public String output(ModuleOutput output) {
            return String.valueOf(outputs.get(output.name()));
        }
    }

    private ModuleEvaluation() {
    }

    /**
     * Evaluates {@code module} (a folder of the exported module) once per case. Cases must be non-prod: the
     * endpoint is overridden on {@code aws_elasticache_replication_group.this}.
     */
    public static Map<String, Evaluated> evaluate(Terraform terraform, Path module, Map<String, Map<String, Object>> cases) {
        Map<String, Object> state = states(terraform, module, cases, List.of()).get(0);
        Map<String, Evaluated> evaluated = new LinkedHashMap<>();
        for (String name : cases.keySet()) {
            evaluated.put(name, evaluated(state, name));
        }
        return evaluated;
    }

    /**
     * One module call with {@code inputs}, applied once per step with the step's inputs on top (terraform test runs
     * that share one state, as applies of one configuration do): what the module produced after each step.
     */
    public static List<Evaluated> evaluateSteps(Terraform terraform, Path module, Map<String, Object> inputs, List<Map<String, Object>> steps) {
        return states(terraform, module, Map.of(STEPPED, inputs), steps).stream().map(state -> evaluated(state, STEPPED)).toList();
    }

    private static final String STEPPED = "stepped";

    private static Evaluated evaluated(Map<String, Object> state, String name) {
        return new Evaluated(outputs(state, name), parameters(state, name), userPasswords(state, name));
    }

    /** The state after each run: one run, or one per step (the steps' inputs as variables of the caller). */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> states(Terraform terraform, Path module, Map<String, Map<String, Object>> cases,
                                                    List<Map<String, Object>> steps) {
        Path root;
        try {
            root = Files.createTempDirectory(Path.of("target"), "module-evaluation-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Directories.copy(module, root.resolve("modules/redis"));
        Directories.deleteIfExists(root.resolve("modules/redis/tests"));
        try (OfflineCopy copy = OfflineCopy.of(root)) {
            writeCaller(copy.dir(), cases, steps);
            terraform.ok(copy.dir(), "init", "-input=false", "-no-color");
            Terraform.Result result = terraform.run(copy.dir(), "test", "-no-color", "-json", "-verbose");
            if (result.exitCode() != 0) {
                throw new AssertionError("terraform test of the module's outputs failed:\n" + result.output());
            }
            List<Map<String, Object>> states = result.output().lines().filter(line -> line.contains("\"test_state\""))
                    .map(line -> (Map<String, Object>) Json.parse(line).get("test_state")).toList();
            if (states.size() != Math.max(1, steps.size())) {
                throw new AssertionError("expected a state per run in the terraform test output:\n" + result.output());
            }
            return states;
        } finally {
            Directories.deleteIfExists(root);
        }
    }

    private static void writeCaller(Path dir, Map<String, Map<String, Object>> cases, List<Map<String, Object>> steps) {
        Map<String, Object> modules = new LinkedHashMap<>();
        Map<String, Object> outputs = new LinkedHashMap<>();
        Map<String, Object> variables = new LinkedHashMap<>();
        StringBuilder test = new StringBuilder("mock_provider \"aws\" {}\n\n");
        for (var c : cases.entrySet()) {
            if ("prod".equals(c.getValue().get("environment"))) {
                throw new IllegalArgumentException("case " + c.getKey() + ": only non-prod cases are evaluated");
            }
            Map<String, Object> call = new LinkedHashMap<>();
            call.put("source", "./modules/redis");
            call.putAll(c.getValue());
            // an input some step sets is a variable of the caller, its value the case's until a step sets it
            steps.forEach(step -> step.keySet().forEach(name -> {
                Map<String, Object> declaration = new LinkedHashMap<>();
                declaration.put("default", c.getValue().get(name)); // null when the case leaves it unset
                variables.put(name, declaration);
                call.put(name, "${var." + name + "}");
            }));
            modules.put(c.getKey(), call);
            for (ModuleOutput output : RedisOutputs.ALL) {
                String reference = "module." + c.getKey() + "." + output.name();
                outputs.put(c.getKey() + "__" + output.name(), Map.of("value",
                        "${" + (output.sensitive() ? "nonsensitive(" + reference + ")" : reference) + "}"));
            }
            test.append("override_resource {\n  target = module.").append(c.getKey())
                    .append(".aws_elasticache_replication_group.this\n  values = { primary_endpoint_address = \"127.0.0.1\" }\n}\n\n");
        }
        if (steps.isEmpty()) {
            test.append("run \"evaluate\" {}\n");
        }
        for (int i = 0; i < steps.size(); i++) {
            test.append("run \"step_").append(i).append("\" {\n  variables {\n");
            // JSON is HCL's literal syntax for the values a step sets (strings, numbers, lists, maps)
            steps.get(i).forEach((name, value) -> test.append("    ").append(name).append(" = ").append(Json.render(value).strip()).append("\n"));
            test.append("  }\n}\n\n");
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("terraform", Map.of("required_providers", Map.of("aws", Map.of("source", "hashicorp/aws"))));
        root.put("provider", Map.of("aws", Map.of("region", "eu-west-1")));
        if (!variables.isEmpty()) {
            root.put("variable", variables);
        }
        root.put("module", modules);
        root.put("output", outputs);
        Json.write(dir.resolve("caller.tf.json"), root);
        try {
            Files.createDirectories(dir.resolve("tests"));
            Files.writeString(dir.resolve("tests/evaluate.tftest.hcl"), test.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The passwords the module gives each RBAC user (aws_elasticache_user.this): what ElastiCache would hold. */
    @SuppressWarnings("unchecked")
    private static Map<String, List<String>> userPasswords(Map<String, Object> state, String caseName) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        for (Map<String, Object> resource : resources(state, caseName)) {
            if ("aws_elasticache_user".equals(resource.get("type")) && "this".equals(resource.get("name"))) {
                Map<String, Object> values = (Map<String, Object>) resource.get("values");
                Map<String, Object> mode = (Map<String, Object>) ((List<Object>) values.get("authentication_mode")).get(0);
                result.put((String) values.get("user_name"), (List<String>) mode.get("passwords"));
            }
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> resources(Map<String, Object> state, String caseName) {
        for (Object child : (List<Object>) ((Map<String, Object>) state.get("root_module")).getOrDefault("child_modules", List.of())) {
            Map<String, Object> module = (Map<String, Object>) child;
            if (("module." + caseName).equals(module.get("address"))) {
                return (List<Map<String, Object>>) module.get("resources");
            }
        }
        return List.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> outputs(Map<String, Object> state, String caseName) {
        Map<String, Object> all = (Map<String, Object>) state.get("outputs");
        Map<String, Object> result = new LinkedHashMap<>();
        for (ModuleOutput output : RedisOutputs.ALL) {
            Map<String, Object> entry = (Map<String, Object>) all.get(caseName + "__" + output.name());
            result.put(output.name(), entry == null ? null : entry.get("value"));
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> parameters(Map<String, Object> state, String caseName) {
        Map<String, String> result = new LinkedHashMap<>();
        for (Map<String, Object> resource : resources(state, caseName)) {
            if ("aws_elasticache_parameter_group".equals(resource.get("type"))) {
                Map<String, Object> values = (Map<String, Object>) resource.get("values");
                for (Object p : (List<Object>) values.get("parameter")) {
                    Map<String, Object> parameter = (Map<String, Object>) p;
                    result.put((String) parameter.get("name"), (String) parameter.get("value"));
                }
            }
        }
        if (result.isEmpty()) {
            throw new AssertionError("no parameter group planned for case " + caseName);
        }
        return result;
    }
}
