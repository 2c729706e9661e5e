package io.platform.redis.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.platform.redis.app.Main;
import io.platform.redis.chatdesign.ChatCluster;
import io.platform.redis.chatdesign.ChatSettings;
import io.platform.redis.config.StackFile;
import io.platform.redis.config.Workload;
import io.platform.redis.module.ModuleInputs;
import io.platform.redis.module.RedisVariables;
import io.platform.redis.support.JsiiLock;
import io.platform.redis.support.ModuleRoot;
import io.platform.redis.offline.OfflineCopy;
import io.platform.redis.support.Synthesized;
import io.platform.redis.support.Terraform;
import io.platform.redis.support.Tiers;
import io.platform.redis.files.Directories;
import io.platform.redis.files.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real terraform on what we generate: offline init, validate and plan of the module, of main/ and of every
 * environment stack, with the resource counts each plan creates; and the module's own {@code terraform test}.
 * The random provider cannot be installed here; {@link OfflineCopy} documents the stand-in used instead.
 */
@Tag(Tiers.TERRAFORM)
@Execution(ExecutionMode.CONCURRENT) // each test plans its own copy; two at a time use both cores
@Order(1) // a long class: right after ChangeSafetyTest on one thread (junit-platform.properties)
class TerraformOfflineTest {
    private final Synthesized synthesized = Synthesized.get();

    private Terraform terraform() {
        assumeTrue(Terraform.get().isPresent(), () -> "SKIPPED offline terraform checks: " + Terraform.unavailableReason());
        return Terraform.get().orElseThrow();
    }

    /** What one module instance creates for these inputs. */
    static Map<String, Integer> expectedModuleResources(ModuleInputs inputs) {
        return new TreeMap<>(io.platform.redis.module.ModuleResources.created(inputs));
    }

    /** What a whole stack creates: one module instance per cluster, plus the chat stacks' secret and token. */
    static Map<String, Integer> expectedResources(StackFile stack) {
        if (stack.workload() instanceof Workload.DjangoRedis django) {
            return expectedModuleResources(django.inputs());
        }
        ChatSettings chat = ((Workload.ChatRedis) stack.workload()).settings();
        Map<String, Integer> expected = new TreeMap<>();
        for (ChatCluster cluster : JsiiLock.locked(() -> ChatCluster.of(chat))) {
            Map<String, Object> values = new java.util.LinkedHashMap<>(cluster.inputs().explicit());
            values.put("auth_token", "given-by-the-stack-0123456789");
            expectedModuleResources(ModuleInputs.of(values)).forEach((type, n) -> expected.merge(type, n, Integer::sum));
        }
        expected.put("aws_secretsmanager_secret", 1);
        expected.put("aws_secretsmanager_secret_version", 1);
        expected.merge("terraform_data", 1, Integer::sum); // the stand-in of the stack's random_password
        return expected;
    }

    /** In prod, the plan creates the guarded group with Multi-AZ, a week of backups and a final snapshot. */
    static void assertProductionProtection(StackFile stack, Terraform.Plan plan) {
        Map<String, Map<String, Object>> groups = plan.after("aws_elasticache_replication_group");
        boolean prod = stack.stack().endsWith("prod");
        for (var group : groups.entrySet()) {
            String address = group.getKey();
            Map<String, Object> after = group.getValue();
            String guard = address.substring(0, address.indexOf(".aws_")) + "." + io.platform.redis.module.RedisModuleStack.GUARD + "[0]";
            assertEquals(prod, plan.after("terraform_data").containsKey(guard), guard);
            assertEquals(!prod, after.get("apply_immediately"), address + " apply_immediately");
            assertTrue(plan.unknownUntilApply(address, "final_snapshot_identifier"),
                    address + " final snapshot <name>-final-<suffix>, the suffix made at apply");
            assertEquals("true", String.valueOf(after.get("at_rest_encryption_enabled")), address);
            assertEquals(true, after.get("transit_encryption_enabled"), address);
            if (prod) {
                assertEquals(true, after.get("multi_az_enabled"), address);
                assertEquals(true, after.get("automatic_failover_enabled"), address);
                assertTrue(((Number) after.get("snapshot_retention_limit")).intValue() >= 7, address);
                System.out.println("[offline plan] " + stack.stack() + ": " + address + " is guarded by " + guard + ", Multi-AZ, "
                        + after.get("snapshot_retention_limit") + " days of snapshots, final snapshot " + after.get("replication_group_id") + "-final-<suffix>");
            }
        }
        assertTrue(!groups.isEmpty(), stack.stack());
    }


    /**
     * Every planned alarm watches one member node of its cluster (CacheClusterId <group id>-00N, never the group id)
     * and notifies the stack's topic.
     */
    @SuppressWarnings("unchecked")
    static void assertAlarmsPerMemberNode(StackFile stack, Terraform.Plan plan) {
        Map<String, Map<String, Object>> alarms = plan.after("aws_cloudwatch_metric_alarm");
        Map<String, Map<String, Object>> groups = plan.after("aws_elasticache_replication_group");
        for (var group : groups.entrySet()) {
            String module = group.getKey().substring(0, group.getKey().indexOf(".aws_"));
            String id = (String) group.getValue().get("replication_group_id");
            int nodes = ((Number) group.getValue().get("num_cache_clusters")).intValue();
            java.util.Set<String> members = new java.util.TreeSet<>();
            for (int i = 1; i <= nodes; i++) {
                members.add(String.format("%s-%03d", id, i));
            }
            java.util.Set<String> watched = new java.util.TreeSet<>();
            for (var alarm : alarms.entrySet()) {
                if (alarm.getKey().startsWith(module + ".")) {
                    Map<String, Object> after = alarm.getValue();
                    watched.add((String) ((Map<String, Object>) after.get("dimensions")).get("CacheClusterId"));
                    // Without a topic the provider plans no actions at all (null, not an empty set).
                    String topicArn = stackTopic(stack);
                    Object topic = topicArn == null ? null : List.of(topicArn);
                    assertEquals(topic, after.get("alarm_actions"), alarm.getKey());
                    assertEquals(topic, after.get("ok_actions"), alarm.getKey());
                }
            }
            assertEquals(members, watched, stack.stack() + " " + module + ": alarms must watch each member node");
            System.out.println("[offline plan] " + stack.stack() + ": " + module + " alarms on " + watched + " -> "
                    + (stackTopic(stack) == null ? "no topic" : stackTopic(stack)));
        }
    }

    private static String stackTopic(StackFile stack) {
        if (stack.workload() instanceof Workload.DjangoRedis django) {
            return django.inputs().string(RedisVariables.NOTIFICATION_TOPIC_ARN);
        }
        return (String) ((Workload.ChatRedis) stack.workload()).settings().get(io.platform.redis.chatdesign.ChatVariables.NOTIFICATION_TOPIC_ARN);
    }

    private static void report(String what, Map<String, Integer> counts) {
        System.out.println("[offline plan] " + what + ": " + counts.values().stream().mapToInt(Integer::intValue).sum()
                + " to create " + counts);
    }

    static List<String> stackNames() {
        return Synthesized.get().stacks.stream().map(StackFile::stack).toList();
    }

    @ParameterizedTest(name = "offline plan of stack {0}")
    @MethodSource("stackNames")
    void everyStackPlansOffline(String name) {
        StackFile stack = synthesized.stacks.stream().filter(s -> s.stack().equals(name)).findFirst().orElseThrow();
        Terraform.Plan plan = stacksPlan(terraform(), synthesized).ofModuleCall(name);
        report("stack " + name, plan.creates());
        assertEquals(expectedResources(stack), plan.creates(), name);
        assertProductionProtection(stack, plan);
        assertAlarmsPerMemberNode(stack, plan);
    }

    private static Terraform.Plan stacksPlan;

    /**
     * Every environment stack planned at once, each as a module call of one root (its provider block, module and
     * moved blocks as written, its backend left out: a child module has none): one plan and one show for all the
     * stacks, where a root per stack paid the AWS provider's schema twice per stack. Each stack's part of the plan is
     * what its own plan would show ({@link Terraform.Plan#ofModuleCall}); build/check plans a stack as a root
     * ({@code OfflineCheckTest}).
     */
    @SuppressWarnings("unchecked")
    private static synchronized Terraform.Plan stacksPlan(Terraform terraform, Synthesized synthesized) {
        if (stacksPlan == null) {
            Path root = ModuleRoot.scratch("stacks-");
            try {
                Map<String, Object> calls = new LinkedHashMap<>();
                for (String name : stackNames()) {
                    Path stack = root.resolve("stacks").resolve(name);
                    Directories.copy(synthesized.stackDir(name), stack);
                    Map<String, Object> config = Json.read(stack.resolve("cdk.tf.json"));
                    ((Map<String, Object>) config.get("terraform")).remove("backend");
                    Json.write(stack.resolve("cdk.tf.json"), config);
                    calls.put(name, Map.of("source", "./stacks/" + name));
                }
                Json.write(root.resolve("main.tf.json"), Map.of("module", calls));
                try (OfflineCopy copy = OfflineCopy.of(root)) {
                    for (String name : stackNames()) {
                        copy.asCalledModule(copy.dir().resolve("stacks").resolve(name));
                    }
                    stacksPlan = terraform.plan(copy.dir());
                }
            } finally {
                Directories.deleteIfExists(root);
            }
        }
        return stacksPlan;
    }

    /** A stack file that asks for Valkey and a customer-managed key: the main command, then an offline plan. */
    @Test
    @SuppressWarnings("unchecked")
    void aValkeyStackWithACustomerManagedKeyPlansOffline() throws Exception {
        Terraform terraform = terraform();
        Path project = Files.createTempDirectory(Files.createDirectories(Path.of("target")).toAbsolutePath(), "valkey-project-");
        String key = "arn:aws:kms:eu-west-1:123456789012:key/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d";
        Files.createDirectories(project.resolve("stacks"));
        Files.writeString(project.resolve("stacks/valkey.yaml"), String.join("\n",
                "stack: valkey", "region: eu-west-1", "redis:", "  name: django-valkey", "  environment: staging",
                "  engine: valkey", "  engine_version: \"8.0\"", "  node_type: cache.t4g.small", "  vpc_id: vpc-0a1b2c3d",
                "  subnet_ids: [subnet-0a1b2c3d, subnet-4e5f6a7b]", "  kms_key_arn: " + key, ""));
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        try {
            int status = JsiiLock.locked(() -> Main.run(project, project.resolve("cdktf.out"),
                    new java.io.PrintStream(java.io.OutputStream.nullOutputStream()),
                    new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8)));
            assertEquals(0, status, err.toString(java.nio.charset.StandardCharsets.UTF_8));
            try (OfflineCopy copy = OfflineCopy.of(project.resolve("cdktf.out/stacks/valkey"))) {
                Terraform.Plan plan = terraform.plan(copy.asRoot(copy.dir()));
                Map<String, Object> parameterGroup = plan.after("aws_elasticache_parameter_group").values().iterator().next();
                Map<String, Object> group = plan.after("aws_elasticache_replication_group").values().iterator().next();
                assertEquals("valkey8", parameterGroup.get("family"));
                assertEquals("django-valkey-valkey8", parameterGroup.get("name"));
                assertEquals("valkey", group.get("engine"));
                assertEquals("8.0", group.get("engine_version"));
                assertEquals(key, group.get("kms_key_id"));
                System.out.println("[offline plan] stack valkey: engine " + group.get("engine") + " " + group.get("engine_version")
                        + ", parameter group " + parameterGroup.get("name") + " (family " + parameterGroup.get("family")
                        + "), kms_key_id " + group.get("kms_key_id"));
            }
        } finally {
            Directories.deleteIfExists(project);
        }
    }

    @Test
    void moduleAloneValidatesAndPlansOffline() {
        Terraform terraform = terraform();
        try (OfflineCopy copy = OfflineCopy.of(synthesized.module)) {
            Path root = copy.asModuleRoot();
            terraform.initFromMirror(root);
            assertTrue(Synthesized.read(root.resolve(".terraform.lock.hcl")).contains("provider \"registry.terraform.io/hashicorp/aws\""),
                    "init must install hashicorp/aws from the offline mirror and lock it");
            // validate without variable values: the module as a caller's terraform validate sees it, and with no warning:
            // a deprecated argument of the last 5.x provider is one 6.x may have removed (Aws6SchemaTest checks 6.x)
            Map<String, Object> validate = Json.parse(terraform.ok(root, "validate", "-json", "-no-color"));
            assertEquals(true, validate.get("valid"), "terraform validate: " + validate);
            assertEquals(0, ((Number) validate.get("warning_count")).intValue(), "terraform validate warns: " + validate.get("diagnostics"));
            Map<String, Integer> counts = terraform.planCreates(root, "-var-file=example.tfvars.json");
            report("module redis (catalog example inputs)", counts);
            assertEquals(expectedModuleResources(ModuleInputs.of(RedisVariables.EXAMPLE)), counts);
        }
    }

    @Test
    void mainConsumesTheModuleAndPlansOffline() throws Exception {
        Terraform terraform = terraform();
        Path root = Files.createTempDirectory("redis-main-offline-");
        Directories.copy(Synthesized.PROJECT.resolve("main"), root.resolve("main"));
        Directories.copy(synthesized.module, root.resolve("modules/redis"));
        try (OfflineCopy copy = OfflineCopy.of(root)) {
            Map<String, Integer> counts = terraform.planCreates(copy.asRoot(copy.dir().resolve("main")), "-var-file=example.tfvars");
            report("main/", counts);
            Map<String, Integer> expected = new TreeMap<>(expectedModuleResources(ModuleInputs.of(Map.of(
                    "node_type", "cache.t4g.small", "environment", "prod", "allowed_security_group_ids", List.of("sg-0a1b2c3d4e5f6a7b8")))));
            expected.put("aws_sns_topic", 1);
            assertEquals(expected, counts);
        } finally {
            Directories.deleteIfExists(root);
        }
    }

    @Test
    void moduleTestsPassUnderTerraformTest() {
        Terraform terraform = terraform();
        try (OfflineCopy copy = OfflineCopy.of(synthesized.module)) {
            terraform.ok(copy.dir(), "init", "-input=false", "-no-color");
            String output = terraform.ok(copy.dir(), "test", "-no-color");
            String summary = output.lines().filter(l -> l.contains("passed")).reduce((a, b) -> b).orElse(output);
            System.out.println("[terraform test] modules/redis: " + summary.trim());
            assertTrue(output.contains("Success!"), output);
        }
    }

    /** Replaces {@code from} with {@code to} in {@code file} of a module copy; the text must be there. */
    private static void edit(Path file, String from, String to) throws java.io.IOException {
        String original = Files.readString(file);
        assertTrue(original.contains(from), file.getFileName() + ": not found: " + from);
        Files.writeString(file, original.replace(from, to));
    }

    /**
     * The validation runs are real checks too: a variable's rules share a run with the other variables' rules, and a
     * loosened rule still fails that run, naming the variable.
     */
    @Test
    void aSharedValidationRunFailsWhenOneVariablesRuleIsLoosened() throws Exception {
        Terraform terraform = terraform();
        try (OfflineCopy copy = OfflineCopy.of(synthesized.module)) {
            edit(copy.dir().resolve("variables.tf"), "condition     = var.port >= 1024 && var.port <= 65535 && floor(var.port) == var.port",
                    "condition     = var.port == var.port");
            // the test file's header and its first run, which breaks the first rule of every variable
            Path test = copy.dir().resolve("tests/" + io.platform.redis.module.ModuleTests.GENERATED);
            String text = Files.readString(test);
            int second = text.indexOf("\nrun \"", text.indexOf("\nrun \"") + 1);
            Files.writeString(test, text.substring(0, second + 1));
            terraform.ok(copy.dir(), "init", "-input=false", "-no-color");
            Terraform.Result result = terraform.run(copy.dir(), "test", "-no-color", "-filter=tests/" + io.platform.redis.module.ModuleTests.GENERATED);
            assertEquals(1, result.exitCode(), result.output());
            String output = result.output().replaceAll("\\s+", " ");
            assertTrue(output.contains("The checkable object, var.port, was expected to report an error but did not") && output.contains("variables_rule_1"), result.output());
            System.out.println("[terraform test] with the port rule loosened: variables_rule_1 fails on var.port");
        }
    }

    /** The module's tests are real checks: break the URL format and they must fail. */
    @Test
    void moduleTestsFailWhenAnOutputFormatBreaks() throws Exception {
        Terraform terraform = terraform();
        try (OfflineCopy copy = OfflineCopy.of(synthesized.module)) {
            edit(copy.dir().resolve("outputs.tf"), "${local.redis_host_port}/1${local.celery_tls_query}", "${local.redis_host_port}/2${local.celery_tls_query}");
            terraform.ok(copy.dir(), "init", "-input=false", "-no-color");
            Terraform.Result result = terraform.run(copy.dir(), "test", "-no-color", "-filter=tests/outputs.tftest.hcl");
            assertEquals(1, result.exitCode(), result.output());
            assertTrue(result.output().contains("celery_broker_url must use DB 1 and ask Celery"), result.output());
            System.out.println("[terraform test] with celery_broker_url broken to DB 2: fails as it must");
        }
    }
}
