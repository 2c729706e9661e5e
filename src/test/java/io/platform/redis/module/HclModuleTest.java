package io.platform.redis.module;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.platform.redis.module.RedisOutputs;
import io.platform.redis.module.RedisVariables;
import io.platform.redis.support.HclFiles;
import io.platform.redis.offline.OfflineCopy;
import io.platform.redis.support.Synthesized;
import io.platform.redis.support.Terraform;
import io.platform.redis.support.Tiers;
import io.platform.redis.files.Directories;
import io.platform.redis.files.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The exported module is HCL rendered from the Java's Terraform JSON; these checks prove the two are one
 * configuration: parsed back by HashiCorp's HCL parser they are equal data, real terraform plans a caller through
 * either to the same values for several input sets, and the HCL is what terraform fmt writes.
 */
@Tag(Tiers.TERRAFORM)
@Execution(ExecutionMode.CONCURRENT) // terraform and hcl2json on copies of their own; two at a time use both cores
@Order(2)
class HclModuleTest {
    private final Synthesized synthesized = Synthesized.get();

    private static Path workDir(String prefix) throws Exception {
        return Files.createTempDirectory(Files.createDirectories(Path.of("target")).toAbsolutePath(), prefix);
    }

    @Test
    void theModuleIsHclOnly() throws Exception {
        try (Stream<Path> walk = Files.walk(synthesized.module)) {
            List<String> json = walk.map(p -> synthesized.module.relativize(p).toString()).filter(n -> n.endsWith(".tf.json")).toList();
            assertEquals(List.of(), json);
        }
        for (String file : List.of("versions.tf", "variables.tf", "main.tf", "security_group.tf", "logs.tf", "alarms.tf", "outputs.tf")) {
            String text = Synthesized.read(synthesized.module.resolve(file));
            // A whole value written as a "${...}" string is what Terraform JSON needs and HCL does not.
            assertTrue(!text.matches("(?s).*= \"\\$\\{[^{}\"]*\\}\"\n.*"), file + " wraps a whole value in \"${...}\"");
        }
    }

    /** Every difference between two documents, as "path: left != right", for a readable failure. */
    @SuppressWarnings("unchecked")
    private static void differences(String path, Object left, Object right, List<String> out) {
        if (left instanceof Map<?, ?> l && right instanceof Map<?, ?> r) {
            java.util.TreeSet<String> keys = new java.util.TreeSet<>();
            l.keySet().forEach(k -> keys.add((String) k));
            r.keySet().forEach(k -> keys.add((String) k));
            for (String key : keys) {
                differences(path + "." + key, ((Map<String, Object>) l).get(key), ((Map<String, Object>) r).get(key), out);
            }
        } else if (left instanceof List<?> l && right instanceof List<?> r && l.size() == r.size()) {
            for (int i = 0; i < l.size(); i++) {
                differences(path + "[" + i + "]", l.get(i), r.get(i), out);
            }
        } else if (!java.util.Objects.equals(left, right)) {
            out.add(path + ": " + left + " != " + right);
        }
    }

    private List<String> parsedBackVersusJava(Path module) {
        List<String> diff = new ArrayList<>();
        differences("", HclFiles.canonical(synthesized.moduleConfig, null), HclFiles.canonical(HclFiles.parse(module), null), diff);
        return diff;
    }

    @Test
    void theHclParsedBackIsTheJsonTheJavaSynthesizes() {
        assertEquals(List.of(), parsedBackVersusJava(synthesized.module));
    }

    @Test
    void theComparisonCatchesOneExpressionChangedByHand() throws Exception {
        Path copy = workDir("hcl-edited-");
        try {
            Directories.copy(synthesized.module, copy);
            Path main = copy.resolve("main.tf");
            String text = Files.readString(main);
            String edited = text.replace("name        = \"${var.name}-subnets\"", "name        = \"${var.name}-subnet\"");
            assertNotEquals(text, edited, "expression to edit not found");
            Files.writeString(main, edited);
            List<String> diff = parsedBackVersusJava(copy);
            assertEquals(1, diff.size(), diff.toString());
            assertTrue(diff.get(0).contains("aws_elasticache_subnet_group.this.name"), diff.toString());
        } finally {
            Directories.deleteIfExists(copy);
        }
    }

    @Test
    void terraformFmtLeavesTheModuleUnchanged() {
        assumeTrue(Terraform.get().isPresent(), () -> "SKIPPED terraform fmt: " + Terraform.unavailableReason());
        Terraform.Result result = Terraform.get().orElseThrow().run(synthesized.module, "fmt", "-check", "-recursive", "-diff", "-no-color");
        assertEquals(0, result.exitCode(), result.output());
    }

    /** Input sets a caller passes; each is planned through the HCL module and through the JSON one. */
    static Map<String, Map<String, Object>> inputSets() {
        Map<String, Map<String, Object>> sets = new LinkedHashMap<>();
        sets.put("django_defaults", new LinkedHashMap<>(RedisVariables.EXAMPLE));
        Map<String, Object> prod = new LinkedHashMap<>(RedisVariables.EXAMPLE);
        prod.put("environment", "prod");
        prod.put("snapshot_retention_limit", 30);
        prod.put("notification_topic_arn", "arn:aws:sns:eu-west-1:123456789012:platform-alerts");
        prod.put("allowed_security_group_ids", List.of("sg-0a1b2c3d"));
        sets.put("prod", prod);
        Map<String, Object> givenToken = new LinkedHashMap<>(RedisVariables.EXAMPLE);
        givenToken.put("auth_token_enabled", true);
        givenToken.put("auth_token", "Not-a-secret-fixture-hcl-1");
        sets.put("auth_given_token", givenToken);
        Map<String, Object> generated = new LinkedHashMap<>(RedisVariables.EXAMPLE);
        generated.put("auth_token_enabled", true);
        sets.put("auth_generated_token", generated);
        Map<String, Object> existingGroups = new LinkedHashMap<>(RedisVariables.EXAMPLE);
        existingGroups.put("create_security_group", false);
        existingGroups.put("security_group_ids", List.of("sg-0a1b2c3d", "sg-4e5f6a7b"));
        existingGroups.put("engine", "valkey");
        existingGroups.put("engine_version", "8.0");
        sets.put("existing_security_groups", existingGroups);
        return sets;
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCallerPlansTheSameThroughTheHclModuleAndThroughTheJson() throws Exception {
        assumeTrue(Terraform.get().isPresent(), () -> "SKIPPED plan equivalence: " + Terraform.unavailableReason());
        Terraform terraform = Terraform.get().orElseThrow();
        Path root = workDir("hcl-json-equivalence-");
        try {
            Directories.copy(synthesized.module, root.resolve("hcl"));
            Directories.deleteIfExists(root.resolve("hcl/tests"));
            Json.write(root.resolve("json/module.tf.json"), synthesized.moduleConfig);
            Map<String, Object> modules = new LinkedHashMap<>();
            Map<String, Object> outputs = new LinkedHashMap<>();
            for (var set : inputSets().entrySet()) {
                for (String form : List.of("hcl", "json")) {
                    Map<String, Object> call = new LinkedHashMap<>(set.getValue());
                    call.put("source", "./" + form);
                    modules.put(form + "_" + set.getKey(), call);
                    for (var output : RedisOutputs.ALL) {
                        String reference = "module." + form + "_" + set.getKey() + "." + output.name();
                        outputs.put(form + "_" + set.getKey() + "__" + output.name(),
                                Map.of("value", output.sensitive() ? "${nonsensitive(" + reference + ")}" : "${" + reference + "}"));
                    }
                }
            }
            Json.write(root.resolve("caller.tf.json"), Map.of("module", modules, "output", outputs,
                    "terraform", Map.of("required_providers", Map.of("aws", Map.of("source", "hashicorp/aws")))));
            try (OfflineCopy copy = OfflineCopy.of(root)) {
                Terraform.Plan plan = terraform.plan(copy.asRoot(copy.dir()));
                Map<String, Object> hcl = new TreeMap<>();
                Map<String, Object> json = new TreeMap<>();
                for (Object item : (List<Object>) plan.json().get("resource_changes")) {
                    Map<String, Object> change = (Map<String, Object>) item;
                    String address = (String) change.get("address");
                    Map<String, Object> body = (Map<String, Object>) change.get("change");
                    Object planned = List.of(body.get("actions"), String.valueOf(body.get("after")), String.valueOf(body.get("after_unknown")));
                    if (address.startsWith("module.hcl_")) {
                        hcl.put(address.substring("module.hcl_".length()), planned);
                    } else if (address.startsWith("module.json_")) {
                        json.put(address.substring("module.json_".length()), planned);
                    }
                }
                Map<String, Object> outputChanges = (Map<String, Object>) plan.json().get("output_changes");
                outputChanges.forEach((name, change) -> (name.startsWith("hcl_") ? hcl : json)
                        .put("output " + name.substring(name.indexOf('_') + 1), String.valueOf(((Map<String, Object>) change).get("after"))));
                assertTrue(hcl.size() > 50, "too few planned resources: " + hcl.keySet());
                assertEquals(json.keySet(), hcl.keySet());
                List<String> diff = new ArrayList<>();
                differences("", json, hcl, diff);
                assertEquals(List.of(), diff);
                System.out.println("[hcl = json] " + inputSets().size() + " input sets, " + hcl.size()
                        + " planned resources and outputs, identical through the HCL module and the JSON one");
            }
        } finally {
            Directories.deleteIfExists(root);
        }
    }

    /** The Django design's own Usage and Production examples, verbatim, plan against the module (no vpc_id). */
    @Test
    void theSeedsExamplesPlanAsWritten() throws Exception {
        assumeTrue(Terraform.get().isPresent(), () -> "SKIPPED seed examples: " + Terraform.unavailableReason());
        Terraform terraform = Terraform.get().orElseThrow();
        Path root = workDir("seed-examples-");
        try {
            Directories.copy(synthesized.module, root.resolve("modules/redis"));
            Directories.copy(Path.of("src/test/resources/seed-examples"), root.resolve("examples"));
            try (OfflineCopy copy = OfflineCopy.of(root)) {
                for (String example : List.of("production", "usage")) {
                    Path dir = copy.dir().resolve("examples").resolve(example);
                    terraform.ok(dir, "init", "-input=false", "-no-color");
                    String output = terraform.ok(dir, "test", "-no-color");
                    assertTrue(output.contains("Success!"), output);
                    System.out.println("[terraform test] seed example " + example + ": "
                            + output.lines().filter(l -> l.contains("passed")).reduce((a, b) -> b).orElse("").trim());
                }
            }
        } finally {
            Directories.deleteIfExists(root);
        }
    }
}
