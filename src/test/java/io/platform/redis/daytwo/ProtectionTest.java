package io.platform.redis.daytwo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.platform.redis.files.Directories;
import io.platform.redis.files.Json;
import io.platform.redis.module.RedisModuleStack;
import io.platform.redis.module.RedisVariables;
import io.platform.redis.offline.OfflineCopy;
import io.platform.redis.support.ModuleRoot;
import io.platform.redis.support.RecordedState;
import io.platform.redis.support.Synthesized;
import io.platform.redis.support.Terraform;
import io.platform.redis.support.Tiers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Day two of a protected cluster, planned by the real AWS provider against recorded states of running clusters
 * ({@code plan -refresh=false}): promotion and protection never move or destroy the replication group, states of the
 * former twin addresses upgrade without a replacement, and protection refuses a destroy and a replacement at plan
 * until the operator lifts it on purpose.
 *
 * <p>Every scenario is a module call of its own in one root, so the whole class costs a few terraform runs: one plan
 * records every call running, one plans every edit that must succeed, and a second root (the calls whose edit the guard
 * must refuse, with their part of the recorded state) plans the refused edits and a destroy.
 */
@Tag(Tiers.TERRAFORM)
@Execution(ExecutionMode.CONCURRENT)
class ProtectionTest {
    private static Plans plans;

    private static Map<String, Object> values(String environment, Object... more) {
        Map<String, Object> values = new LinkedHashMap<>(RedisVariables.EXAMPLE);
        values.put("environment", environment);
        values.put("alarms_enabled", false);
        for (int i = 0; i < more.length; i += 2) {
            values.put((String) more[i], more[i + 1]);
        }
        return values;
    }

    private static String group(String call) {
        return "module." + call + ".aws_elasticache_replication_group.this";
    }

    private static String guard(String call) {
        return "module." + call + "." + RedisModuleStack.GUARD + "[0]";
    }

    /** A scenario: the call's values while running, and after the edit (null: the call is removed). */
    private record Edit(Map<String, Object> running, Map<String, Object> edited) {
    }

    /** The scenarios whose edit plans: every call of the first root. */
    private static Map<String, Edit> planned() {
        Map<String, Edit> edits = new LinkedHashMap<>();
        edits.put("promoted", new Edit(values("staging"), values("prod")));
        edits.put("protected_staging", new Edit(values("staging"), values("staging", "prevent_destroy", true)));
        edits.put("prod_node_type", new Edit(values("prod"), values("prod", "node_type", "cache.t4g.small")));
        edits.put("lifted_to_staging", new Edit(values("prod"), values("staging")));
        edits.put("lifted_unprotected", new Edit(values("prod"), values("prod", "prevent_destroy", false)));
        edits.put("former_this", new Edit(values("staging"), values("staging")));
        edits.put("former_protected", new Edit(values("prod"), values("prod")));
        edits.put("restore_beside", new Edit(values("prod"), values("prod")));
        edits.put("restore_beside_restored", new Edit(null, restored()));
        edits.put("restore_retired", new Edit(values("prod"), null));
        edits.put("restore_retired_restored", new Edit(null, restored()));
        return edits;
    }

    /** The scenarios whose edit the guard refuses: every call of the second root. */
    private static Map<String, Edit> refused() {
        Map<String, Edit> edits = new LinkedHashMap<>();
        edits.put("demoted", new Edit(values("prod"), values("staging")));
        edits.put("unprotected", new Edit(values("prod"), values("prod", "prevent_destroy", false)));
        edits.put("port", new Edit(values("prod"), values("prod", "port", 6380)));
        return edits;
    }

    private static Map<String, Object> restored() {
        return values("prod", "name", "django-cache-r1", "snapshot_name", "django-cache-final-0a1b2c3d");
    }

    /** What terraform said: the plan of the edits, the refused plan and the refused destroy. */
    private record Plans(Terraform.Plan edited, Terraform.Result refusedEdits, Terraform.Result refusedDestroy) {
    }

    private static synchronized Plans plans() {
        assumeTrue(Terraform.get().isPresent(), () -> "SKIPPED protection plans: " + Terraform.unavailableReason());
        if (plans == null) {
            plans = plan(Terraform.get().orElseThrow(), Synthesized.get());
        }
        return plans;
    }

    private static Plans plan(Terraform terraform, Synthesized synthesized) {
        Map<String, Edit> planned = planned();
        Map<String, Edit> refused = refused();
        Path root = ModuleRoot.withModule(synthesized, "protection-");
        Path refusedRoot = ModuleRoot.scratch("protection-refused-");
        try (OfflineCopy copy = OfflineCopy.of(root)) {
            Path dir = copy.asRoot(copy.dir());
            Map<String, Edit> all = new LinkedHashMap<>(planned);
            all.putAll(refused);
            ModuleRoot.writeCalls(dir, calls(all, Edit::running));
            Terraform.Plan running = RecordedState.ofRunning(terraform, dir);

            // the refused edits, in a root of their own with their part of the state
            RecordedState.rootOfCalls(terraform, dir, running, calls(refused, Edit::edited), refusedRoot);
            Terraform.Result refusedEdits = terraform.run(refusedRoot, "plan", "-input=false", "-no-color", "-lock=false", "-refresh=false");
            ModuleRoot.writeCalls(refusedRoot, calls(refused, Edit::running));
            Terraform.Result refusedDestroy = terraform.run(refusedRoot, "plan", "-destroy", "-input=false", "-no-color", "-lock=false",
                    "-refresh=false");

            // the operator lifts the guard on purpose (the module README's command); the former module's addresses
            terraform.ok(dir, "state", "rm", guard("lifted_to_staging"), guard("lifted_unprotected"));
            asFormerModule(dir, "former_this", "this");
            asFormerModule(dir, "former_protected", "protected");
            ModuleRoot.writeCalls(dir, calls(planned, Edit::edited));
            terraform.ok(dir, "init", "-input=false", "-no-color"); // the restored calls are new: installed
            return new Plans(terraform.plan(dir, "-refresh=false"), refusedEdits, refusedDestroy);
        } finally {
            Directories.deleteIfExists(root);
            Directories.deleteIfExists(refusedRoot);
        }
    }

    private static Map<String, Map<String, Object>> calls(Map<String, Edit> edits, java.util.function.Function<Edit, Map<String, Object>> side) {
        Map<String, Map<String, Object>> calls = new TreeMap<>();
        edits.forEach((call, edit) -> {
            if (side.apply(edit) != null) {
                calls.put(call, side.apply(edit));
            }
        });
        return calls;
    }

    /** The recorded state of {@code call} as the former module wrote it: the group at {@code name[0]}, no guard. */
    @SuppressWarnings("unchecked")
    private static void asFormerModule(Path dir, String call, String name) {
        Map<String, Object> state = Json.read(dir.resolve("offline.tfstate"));
        List<Map<String, Object>> resources = (List<Map<String, Object>>) state.get("resources");
        String module = "module." + call;
        resources.removeIf(r -> module.equals(r.get("module")) && "terraform_data".equals(r.get("type"))
                && RedisModuleStack.GUARD.endsWith("." + r.get("name")));
        for (Map<String, Object> resource : resources) {
            if (module.equals(resource.get("module")) && "aws_elasticache_replication_group".equals(resource.get("type"))) {
                resource.put("name", name);
                ((List<Map<String, Object>>) resource.get("instances")).forEach(i -> i.put("index_key", 0));
            }
        }
        Json.write(dir.resolve("offline.tfstate"), state);
    }

    private static void assertKeepsTheCluster(Terraform.Plan plan, String call, String what) {
        List<String> actions = Terraform.actions(plan, group(call));
        assertTrue(!actions.contains("delete") && !actions.contains("create"), what + ": the replication group is " + actions);
    }

    private static void assertRefusedByTheGuard(Terraform.Result result, String call, String what) {
        assertEquals(1, result.exitCode(), what + ": " + result.output());
        String output = result.output().replaceAll("\\s+", " ");
        // the error names the call's own guard (the plan above the errors lists every call's resources)
        assertTrue(output.contains("Instance cannot be destroyed") && output.contains("Resource " + guard(call) + " has lifecycle.prevent_destroy set"),
                what + ": " + result.output());
    }

    @Test
    void promotionAndProtectionNeverMoveOrDestroyTheCluster() {
        Plans plans = plans();
        assertKeepsTheCluster(plans.edited(), "promoted", "staging -> prod");
        assertEquals(List.of("create"), Terraform.actions(plans.edited(), guard("promoted")), "staging -> prod adds the guard");
        assertKeepsTheCluster(plans.edited(), "protected_staging", "prevent_destroy on");
        assertEquals(List.of("create"), Terraform.actions(plans.edited(), guard("protected_staging")), "prevent_destroy on adds the guard");

        assertRefusedByTheGuard(plans.refusedEdits(), "demoted", "prod -> staging without lifting the guard");
        assertRefusedByTheGuard(plans.refusedEdits(), "unprotected", "prevent_destroy off without lifting the guard");
        assertKeepsTheCluster(plans.edited(), "lifted_to_staging", "prod -> staging after lifting the guard");
        assertKeepsTheCluster(plans.edited(), "lifted_unprotected", "prevent_destroy off after lifting the guard");
        System.out.println("[protection] staging -> prod and prevent_destroy on: the group stays at its address, the guard is "
                + "created; prod -> staging and prevent_destroy off: refused by the guard until it is lifted, then no destroy");
    }

    @Test
    void protectionRefusesAReplacementAndADestroyAtPlan() {
        Plans plans = plans();
        assertRefusedByTheGuard(plans.refusedEdits(), "port", "a port change of a protected cluster");
        assertRefusedByTheGuard(plans.refusedDestroy(), "port", "plan -destroy of a protected cluster");
        assertKeepsTheCluster(plans.edited(), "prod_node_type", "a node type change in prod");
        System.out.println("[protection] prod: port 6379 -> 6380 and plan -destroy refused by " + guard("port") + "; node_type in place");
    }

    /** The module README's restore runbook, step by step, against a running prod cluster. */
    @Test
    void theRestoreRunbookPlansANewClusterThenRetiresTheOldOne() {
        Plans plans = plans();
        // step 1: the restored call beside the running one
        assertKeepsTheCluster(plans.edited(), "restore_beside", "step 1, the running cluster");
        String newGroup = group("restore_beside_restored");
        assertEquals(List.of("create"), Terraform.actions(plans.edited(), newGroup));
        assertEquals("django-cache-final-0a1b2c3d", plans.edited().after("aws_elasticache_replication_group").get(newGroup).get("snapshot_name"));

        // step 3: Terraform's prevent_destroy covers blocks in the configuration only: removing the call is the
        // operator's explicit retirement, and the plan says what it destroys.
        assertEquals(List.of("delete"), Terraform.actions(plans.edited(), group("restore_retired")), "step 3 destroys the old cluster");
        assertTrue(!Terraform.actions(plans.edited(), group("restore_retired_restored")).contains("delete"),
                "step 3 leaves the restored cluster alone");
        System.out.println("[restore] step 1 plans " + newGroup + " from snapshot django-cache-final-0a1b2c3d beside the running "
                + "cluster; step 3 (the old call removed) destroys the old cluster only");
    }

    @Test
    void statesOfTheFormerTwinAddressesUpgradeWithoutAReplacement() {
        Plans plans = plans();
        assertKeepsTheCluster(plans.edited(), "former_this", "a state with aws_elasticache_replication_group.this[0]");
        assertKeepsTheCluster(plans.edited(), "former_protected", "a state with aws_elasticache_replication_group.protected[0]");
        assertEquals(List.of("create"), Terraform.actions(plans.edited(), guard("former_protected")),
                "the upgraded prod cluster gets its guard");
        System.out.println("[protection] states at .this[0] and .protected[0] (the former module's) move to "
                + "aws_elasticache_replication_group.this with no replacement");
    }
}
