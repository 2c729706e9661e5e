package io.platform.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.platform.redis.chat.ChatCluster;
import io.platform.redis.chat.ChatSettings;
import io.platform.redis.config.StackFile;
import io.platform.redis.config.Workload;
import io.platform.redis.module.ModuleInputs;
import io.platform.redis.module.RedisVariables;
import io.platform.redis.support.OfflineCopy;
import io.platform.redis.support.Synthesized;
import io.platform.redis.support.Terraform;
import io.platform.redis.synth.Directories;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real terraform on what we generate: offline init, validate and plan of the module, of main/ and of every
 * environment stack, with the resource counts each plan creates; and the module's own {@code terraform test}.
 * The random provider cannot be installed here; {@link OfflineCopy} documents the stand-in used instead.
 */
class TerraformOfflineTest {
    private final Synthesized synthesized = Synthesized.get();

    private Terraform terraform() {
        assumeTrue(Terraform.get().isPresent(), () -> "SKIPPED offline terraform checks: " + Terraform.unavailableReason());
        return Terraform.get().orElseThrow();
    }

    /** What one module instance creates for these inputs. */
    static Map<String, Integer> expectedModuleResources(ModuleInputs inputs) {
        Map<String, Integer> expected = new TreeMap<>();
        expected.put("aws_cloudwatch_log_group", 2);
        expected.put("aws_elasticache_parameter_group", 1);
        expected.put("aws_elasticache_replication_group", 1);
        expected.put("aws_elasticache_subnet_group", 1);
        expected.put("aws_security_group", 1);
        int ingress = inputs.list(RedisVariables.ALLOWED_SECURITY_GROUP_IDS).size() + inputs.list(RedisVariables.ALLOWED_CIDR_BLOCKS).size();
        if (ingress > 0) {
            expected.put("aws_vpc_security_group_ingress_rule", ingress);
        }
        if (inputs.bool(RedisVariables.AUTH_TOKEN_ENABLED)) {
            expected.put("terraform_data", 1); // the random_password stand-in
        }
        return expected;
    }

    /** What a whole stack creates: one module instance per cluster, plus the chat stacks' secret and token. */
    static Map<String, Integer> expectedResources(StackFile stack) {
        if (stack.workload() instanceof Workload.DjangoRedis django) {
            return expectedModuleResources(django.inputs());
        }
        ChatSettings chat = ((Workload.ChatRedis) stack.workload()).settings();
        Map<String, Integer> expected = new TreeMap<>();
        for (ChatCluster cluster : ChatCluster.of(chat)) {
            Map<String, Object> values = new java.util.LinkedHashMap<>(cluster.inputs().explicit());
            values.put("auth_token", "given-by-the-stack-0123456789");
            expectedModuleResources(ModuleInputs.of(values)).forEach((type, n) -> expected.merge(type, n, Integer::sum));
        }
        expected.put("aws_secretsmanager_secret", 1);
        expected.put("aws_secretsmanager_secret_version", 1);
        expected.merge("terraform_data", 1, Integer::sum); // the stand-in of the stack's random_password
        return expected;
    }

    /** In prod, the plan creates the prevent_destroy group with Multi-AZ, a week of backups and a final snapshot. */
    static void assertProductionProtection(StackFile stack, Terraform.Plan plan) {
        Map<String, Map<String, Object>> groups = plan.after("aws_elasticache_replication_group");
        boolean prod = stack.stack().endsWith("prod");
        for (var group : groups.entrySet()) {
            String address = group.getKey();
            Map<String, Object> after = group.getValue();
            assertEquals(prod, address.contains(".protected["), address);
            assertEquals(!prod, after.get("apply_immediately"), address + " apply_immediately");
            assertTrue(after.get("final_snapshot_identifier") instanceof String, address + " final snapshot");
            assertEquals("true", String.valueOf(after.get("at_rest_encryption_enabled")), address);
            assertEquals(true, after.get("transit_encryption_enabled"), address);
            if (prod) {
                assertEquals(true, after.get("multi_az_enabled"), address);
                assertEquals(true, after.get("automatic_failover_enabled"), address);
                assertTrue(((Number) after.get("snapshot_retention_limit")).intValue() >= 7, address);
                System.out.println("[offline plan] " + stack.stack() + ": " + address + " is prevent_destroy, Multi-AZ, "
                        + after.get("snapshot_retention_limit") + " days of snapshots, final snapshot " + after.get("final_snapshot_identifier"));
            }
        }
        assertTrue(!groups.isEmpty(), stack.stack());
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
        Terraform terraform = terraform();
        StackFile stack = synthesized.stacks.stream().filter(s -> s.stack().equals(name)).findFirst().orElseThrow();
        try (OfflineCopy copy = OfflineCopy.of(synthesized.stackDir(name))) {
            Terraform.Plan plan = terraform.plan(copy.asRoot(copy.dir()));
            report("stack " + name, plan.creates());
            assertEquals(expectedResources(stack), plan.creates(), name);
            assertProductionProtection(stack, plan);
        }
    }

    @Test
    void moduleAloneValidatesAndPlansOffline() {
        Terraform terraform = terraform();
        try (OfflineCopy copy = OfflineCopy.of(synthesized.module)) {
            Map<String, Integer> counts = terraform.planCreates(copy.asModuleRoot(), "-var-file=example.tfvars.json");
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
                    "allowed_security_group_ids", List.of("sg-0a1b2c3d4e5f6a7b8")))));
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

    /** The module's tests are real checks: break the URL format and they must fail. */
    @Test
    void moduleTestsFailWhenAnOutputFormatBreaks() throws Exception {
        Terraform terraform = terraform();
        try (OfflineCopy copy = OfflineCopy.of(synthesized.module)) {
            Path outputs = copy.dir().resolve("outputs.tf.json");
            String original = Files.readString(outputs);
            String broken = original.replace("${local.redis_base_url}/1${local.celery_tls_query}", "${local.redis_base_url}/2${local.celery_tls_query}");
            assertTrue(!broken.equals(original), "celery_broker_url template not found");
            Files.writeString(outputs, broken);
            terraform.ok(copy.dir(), "init", "-input=false", "-no-color");
            Terraform.Result result = terraform.run(copy.dir(), "test", "-no-color", "-filter=tests/outputs.tftest.hcl");
            assertEquals(1, result.exitCode(), result.output());
            assertTrue(result.output().contains("celery_broker_url must use DB 1 and ask Celery"), result.output());
            System.out.println("[terraform test] with celery_broker_url broken to DB 2: fails as it must");
        }
    }
}
