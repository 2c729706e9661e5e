package io.platform.redis.daytwo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.platform.redis.module.RedisModuleStack;
import io.platform.redis.module.RedisVariables;
import io.platform.redis.offline.OfflineCopy;
import io.platform.redis.support.ModuleRoot;
import io.platform.redis.support.RecordedState;
import io.platform.redis.support.Synthesized;
import io.platform.redis.support.Terraform;
import io.platform.redis.support.Tiers;
import io.platform.redis.files.Directories;
import io.platform.redis.files.Json;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Day two of a protected cluster, planned by the real AWS provider against recorded states of running clusters
 * ({@code plan -refresh=false}): promotion and protection never move or destroy the replication group, states of the
 * former twin addresses upgrade without a replacement, and protection refuses a destroy and a replacement at plan
 * until the operator lifts it on purpose.
 */
@Tag(Tiers.TERRAFORM)
@Execution(ExecutionMode.CONCURRENT)
class ProtectionTest {
    private static final String GROUP = "module.redis.aws_elasticache_replication_group.this";
    private static final String GUARD = "module.redis." + RedisModuleStack.GUARD + "[0]";

    private final Synthesized synthesized = Synthesized.get();

    private static Map<String, Object> values(String environment, Object... more) {
        Map<String, Object> values = new LinkedHashMap<>(RedisVariables.EXAMPLE);
        values.put("environment", environment);
        values.put("alarms_enabled", false);
        for (int i = 0; i < more.length; i += 2) {
            values.put((String) more[i], more[i + 1]);
        }
        return values;
    }

    /** One configuration folder, replanned with other module values against the state written in it. */
    private final class Cluster implements AutoCloseable {
        final Terraform terraform;
        final Path root;
        final OfflineCopy copy;
        final Path dir;

        Cluster(Terraform terraform) throws Exception {
            this.terraform = terraform;
            root = ModuleRoot.withModule(synthesized, "protection-");
            write(root, values("staging"));
            copy = OfflineCopy.of(root);
            dir = copy.asRoot(copy.dir());
        }

        void write(Path folder, Map<String, Object> values) {
            writeCalls(folder, Map.of("redis", values));
        }

        void writeCalls(Path folder, Map<String, Map<String, Object>> calls) {
            ModuleRoot.writeCalls(folder, calls);
        }

        /** Records the state of a cluster running with these values. */
        void running(Map<String, Object> values) {
            Directories.deleteIfExists(dir.resolve("offline.tfstate"));
            write(dir, values);
            RecordedState.ofRunning(terraform, dir);
        }

        /** The recorded state as the former module wrote it: the group at {@code name[0]}, no guard. */
        @SuppressWarnings("unchecked")
        void asFormerModule(String name) {
            Map<String, Object> state = Json.read(dir.resolve("offline.tfstate"));
            List<Map<String, Object>> resources = (List<Map<String, Object>>) state.get("resources");
            resources.removeIf(r -> "terraform_data".equals(r.get("type")) && RedisModuleStack.GUARD.endsWith("." + r.get("name")));
            for (Map<String, Object> resource : resources) {
                if ("aws_elasticache_replication_group".equals(resource.get("type"))) {
                    resource.put("name", name);
                    ((List<Map<String, Object>>) resource.get("instances")).forEach(i -> i.put("index_key", 0));
                }
            }
            Json.write(dir.resolve("offline.tfstate"), state);
        }

        Terraform.Plan plan(Map<String, Object> values, String... args) {
            write(dir, values);
            List<String> all = new java.util.ArrayList<>(List.of("-refresh=false"));
            all.addAll(List.of(args));
            return terraform.plan(dir, all.toArray(String[]::new));
        }

        Terraform.Plan planCalls(Map<String, Map<String, Object>> calls) {
            writeCalls(dir, calls);
            terraform.ok(dir, "init", "-input=false", "-no-color"); // a new module call must be installed
            return terraform.plan(dir, "-refresh=false");
        }

        Terraform.Result refused(Map<String, Object> values, String... args) {
            write(dir, values);
            List<String> all = new java.util.ArrayList<>(List.of("plan", "-input=false", "-no-color", "-lock=false", "-refresh=false"));
            all.addAll(List.of(args));
            return terraform.run(dir, all.toArray(String[]::new));
        }

        @Override
        public void close() {
            copy.close();
            Directories.deleteIfExists(root);
        }
    }

    private static Terraform terraform() {
        assumeTrue(Terraform.get().isPresent(), () -> "SKIPPED protection plans: " + Terraform.unavailableReason());
        return Terraform.get().orElseThrow();
    }

    private static void assertKeepsTheCluster(Terraform.Plan plan, String what) {
        List<String> actions = Terraform.actions(plan, GROUP);
        assertTrue(!actions.contains("delete") && !actions.contains("create"), what + ": the replication group is " + actions);
    }

    private static void assertRefusedByTheGuard(Terraform.Result result, String what) {
        assertEquals(1, result.exitCode(), what + ": " + result.output());
        assertTrue(result.output().contains("Instance cannot be destroyed") && result.output().contains(GUARD), what + ": " + result.output());
    }

    @Test
    void promotionAndProtectionNeverMoveOrDestroyTheCluster() throws Exception {
        try (Cluster cluster = new Cluster(terraform())) {
            cluster.running(values("staging"));
            Terraform.Plan promoted = cluster.plan(values("prod"));
            assertKeepsTheCluster(promoted, "staging -> prod");
            assertEquals(List.of("create"), Terraform.actions(promoted, GUARD), "staging -> prod adds the guard");
            Terraform.Plan protectedStaging = cluster.plan(values("staging", "prevent_destroy", true));
            assertKeepsTheCluster(protectedStaging, "prevent_destroy on");
            assertEquals(List.of("create"), Terraform.actions(protectedStaging, GUARD), "prevent_destroy on adds the guard");

            cluster.running(values("prod"));
            assertRefusedByTheGuard(cluster.refused(values("staging")), "prod -> staging without lifting the guard");
            assertRefusedByTheGuard(cluster.refused(values("prod", "prevent_destroy", false)), "prevent_destroy off without lifting the guard");
            cluster.terraform.ok(cluster.dir, "state", "rm", GUARD);
            assertKeepsTheCluster(cluster.plan(values("staging")), "prod -> staging after lifting the guard");
            assertKeepsTheCluster(cluster.plan(values("prod", "prevent_destroy", false)), "prevent_destroy off after lifting the guard");
            System.out.println("[protection] staging -> prod and prevent_destroy on: the group stays at " + GROUP + ", the guard is "
                    + "created; prod -> staging and prevent_destroy off: refused by the guard until it is lifted, then no destroy");
        }
    }

    @Test
    void protectionRefusesAReplacementAndADestroyAtPlan() throws Exception {
        try (Cluster cluster = new Cluster(terraform())) {
            cluster.running(values("prod"));
            assertRefusedByTheGuard(cluster.refused(values("prod", "port", 6380)), "a port change of a protected cluster");
            assertRefusedByTheGuard(cluster.refused(values("prod"), "-destroy"), "plan -destroy of a protected cluster");
            assertKeepsTheCluster(cluster.plan(values("prod", "node_type", "cache.t4g.small")), "a node type change in prod");
            System.out.println("[protection] prod: port 6379 -> 6380 and plan -destroy refused by " + GUARD + "; node_type in place");
        }
    }

    /** The module README's restore runbook, step by step, against a running prod cluster. */
    @Test
    void theRestoreRunbookPlansANewClusterThenRetiresTheOldOne() throws Exception {
        try (Cluster cluster = new Cluster(terraform())) {
            Map<String, Object> running = values("prod");
            cluster.running(running);
            Map<String, Object> restored = values("prod", "name", "django-cache-r1", "snapshot_name", "django-cache-final-0a1b2c3d");
            Terraform.Plan beside = cluster.planCalls(new java.util.TreeMap<>(Map.of("redis", running, "redis_restored", restored)));
            assertKeepsTheCluster(beside, "step 1, the running cluster");
            String newGroup = "module.redis_restored.aws_elasticache_replication_group.this";
            assertEquals(List.of("create"), Terraform.actions(beside, newGroup));
            assertEquals("django-cache-final-0a1b2c3d", beside.after("aws_elasticache_replication_group").get(newGroup).get("snapshot_name"));

            // Terraform's prevent_destroy covers blocks in the configuration only: removing the call is the operator's
            // explicit retirement, and the plan says what it destroys.
            Terraform.Plan retired = cluster.planCalls(Map.of("redis_restored", restored));
            assertEquals(List.of("delete"), Terraform.actions(retired, GROUP), "step 3 destroys the old cluster");
            assertTrue(!Terraform.actions(retired, newGroup).contains("delete"), "step 3 leaves the restored cluster alone");
            System.out.println("[restore] step 1 plans " + newGroup + " from snapshot django-cache-final-0a1b2c3d beside the running "
                    + "cluster; step 3 (the old call removed) destroys the old cluster only");
        }
    }

    @Test
    void statesOfTheFormerTwinAddressesUpgradeWithoutAReplacement() throws Exception {
        try (Cluster cluster = new Cluster(terraform())) {
            cluster.running(values("staging"));
            cluster.asFormerModule("this");
            assertKeepsTheCluster(cluster.plan(values("staging")), "a state with aws_elasticache_replication_group.this[0]");
            cluster.running(values("prod"));
            cluster.asFormerModule("protected");
            Terraform.Plan upgraded = cluster.plan(values("prod"));
            assertKeepsTheCluster(upgraded, "a state with aws_elasticache_replication_group.protected[0]");
            assertEquals(List.of("create"), Terraform.actions(upgraded, GUARD), "the upgraded prod cluster gets its guard");
            System.out.println("[protection] states at .this[0] and .protected[0] (the former module's) move to " + GROUP
                    + " with no replacement");
        }
    }
}
