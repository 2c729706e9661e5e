package io.platform.redis.daytwo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.platform.redis.module.OnRunningCluster;
import io.platform.redis.module.RedisVariables;
import io.platform.redis.module.RunningChange;
import io.platform.redis.module.Variable;
import io.platform.redis.offline.OfflineCopy;
import io.platform.redis.support.ModuleRoot;
import io.platform.redis.support.RecordedState;
import io.platform.redis.support.Synthesized;
import io.platform.redis.support.Terraform;
import io.platform.redis.support.Tiers;
import io.platform.redis.files.Directories;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The change-safety matrix, proven by the real AWS provider: every documented change of the catalog
 * ({@code Variable.runningChanges()}) gets a module call of its own; one plan creates them all, its result is recorded
 * as the state of running clusters, and a second plan applies every edit at once against that state
 * ({@code -refresh=false}). The running plan reads the values AWS fills in at create as the state records them
 * ({@code RecordedState.knownAtPlan}), so an unedited call plans no change (the refused rows' calls, left running,
 * prove it) and whatever a call plans is its edit. The provider's own plan then says, per call, whether
 * the replication group is replaced, changed in place or left alone, and that must be what the module README and
 * docs/change-safety.md say. The rows are
 * planned in {@link #PARTS} parts, each in a root of its own on a thread of its own, started together: the same checks, while the
 * suite's longest path (this class) is shorter; the rows that replace the cluster, whose wire apply waits longest, are
 * a part of their own.
 */
@Tag(Tiers.TERRAFORM)
@Execution(ExecutionMode.CONCURRENT)
@Order(0) // the longest class (two plans of every row and the wire apply) starts first (junit-platform.properties)
class ChangeSafetyTest {
    private final Synthesized synthesized = Synthesized.get();

    /** The documented changes, one module call each, named c01, c02... */
    static Map<String, RunningChange> changes() {
        Map<String, RunningChange> changes = new LinkedHashMap<>();
        for (Variable variable : RedisVariables.ALL) {
            for (RunningChange change : variable.runningChanges()) {
                changes.put("c%02d".formatted(changes.size() + 1), change);
            }
        }
        return changes;
    }

    /**
     * Alarms add ten resources per call; only the alarm inputs' calls keep them. Each call's name starts with its id,
     * so every AWS name it derives (replication group, groups, users) says which row an ElastiCache call belongs to.
     */
    private static Map<String, Object> call(String id, RunningChange change, Map<String, Object> values) {
        Map<String, Object> call = new LinkedHashMap<>();
        if (!change.variable().startsWith("alarm")) {
            call.put("alarms_enabled", false);
        }
        call.putAll(values);
        call.put(RedisVariables.NAME.name(), id + "-" + values.get(RedisVariables.NAME.name()));
        return call;
    }

    /** The calls, each row edited when {@code edited} says so, running otherwise. */
    private static Map<String, Map<String, Object>> calls(Map<String, RunningChange> changes, java.util.function.Predicate<RunningChange> edited) {
        Map<String, Map<String, Object>> calls = new LinkedHashMap<>();
        changes.forEach((id, change) -> calls.put(id, call(id, change, edited.test(change) ? change.edited() : change.running())));
        return calls;
    }

    private static boolean refused(RunningChange change) {
        return change.expected() == OnRunningCluster.REFUSED;
    }

    /**
     * How many parts the matrix is planned in, each in a root and on a thread of its own: the suite's longest path is
     * this class. The first part holds the rows documented as replacing the cluster: their wire apply is the long one
     * (the AWS provider waits 30 s after DeleteReplicationGroup and again after CreateReplicationGroup), so their few
     * calls are planned first and their wait overlaps the other parts' plans. The other rows alternate between the
     * other parts, the refused ones among them (their unedited calls prove the recorded state plans no change). Which
     * part a row is in changes only when its checks end, never what they check.
     */
    static final int PARTS = 3;

    /** The rows of part {@code part}, with their ids. */
    static Map<String, RunningChange> part(Map<String, RunningChange> changes, int part) {
        Map<String, RunningChange> rows = new LinkedHashMap<>();
        int other = 0;
        for (Map.Entry<String, RunningChange> row : changes.entrySet()) {
            boolean replaces = row.getValue().expected() == OnRunningCluster.REPLACES;
            int in = replaces ? 0 : 1 + other++ % (PARTS - 1);
            if (in == part) {
                rows.put(row.getKey(), row.getValue());
            }
        }
        return rows;
    }

    /**
     * The parts run on threads of this test's own, started together: the suite's other classes then fill the cores
     * while each part's wire apply waits on the AWS provider's pollers (a JUnit invocation queued behind other
     * classes started its part minutes late, and its wire apply's waits ended the suite on idle cores).
     */
    @Test
    void everyDocumentedChangeDoesWhatTheRealProviderPlansAndElastiCacheAccepts() throws Exception {
        assumeTrue(Terraform.get().isPresent(), () -> "SKIPPED change-safety matrix: " + Terraform.unavailableReason());
        assertTrue(RedisVariables.ALL.stream().allMatch(v -> !v.runningChanges().isEmpty()),
                "every input documents what a change does to a running cluster");
        ExecutorService threads = Executors.newFixedThreadPool(PARTS);
        try {
            List<Future<List<String>>> parts = new ArrayList<>();
            for (int part = 0; part < PARTS; part++) {
                Map<String, RunningChange> rows = part(changes(), part);
                parts.add(threads.submit(() -> disagreements(Terraform.get().orElseThrow(), rows)));
            }
            List<String> disagreements = new ArrayList<>();
            for (Future<List<String>> part : parts) {
                try {
                    disagreements.addAll(part.get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof Error error) {
                        throw error; // a failed assertion of the part, as it was raised
                    }
                    throw e;
                }
            }
            assertEquals(List.of(), disagreements);
        } finally {
            threads.shutdownNow();
        }
    }

    /** One part's rows planned, refused and applied on the wire: every disagreement with the docs. */
    private List<String> disagreements(Terraform terraform, Map<String, RunningChange> changes) throws Exception {
        Path root = ModuleRoot.withModule(synthesized, "change-safety-");
        try {
            ModuleRoot.writeCalls(root, calls(changes, change -> false));
            try (OfflineCopy copy = OfflineCopy.of(root)) {
                Path dir = copy.asRoot(copy.dir());
                passwordsKnownAtPlan(dir);
                Terraform.Plan running = RecordedState.ofRunning(terraform, dir); // plans no change of itself
                ModuleRoot.writeCalls(dir, calls(changes, change -> !refused(change)));
                Terraform.Plan edited = terraform.plan(dir, "-refresh=false");

                List<String> disagreements = new ArrayList<>();
                List<String> table = new ArrayList<>();
                changes.forEach((id, change) -> {
                    if (refused(change)) {
                        return;
                    }
                    OnRunningCluster observed = observed(id, edited);
                    boolean agrees = change.expected().plansAnUpdate() ? observed == OnRunningCluster.IN_PLACE : observed == change.expected();
                    table.add("%s %-28s %-40s planned: %-10s documented: %s".formatted(id, change.variable(), change.describe(), observed,
                            change.expected()));
                    if (!agrees) {
                        disagreements.add(id + " " + change.variable() + " " + change.describe() + ": the provider plans " + observed
                                + ", the docs say " + change.expected());
                    }
                });
                System.out.println("[change safety] " + changes.size() + " changes planned against running clusters:\n  "
                        + String.join("\n  ", table));
                // the refused rows' calls are left running in this plan: the recorded state must plan no change for them
                changes.forEach((id, change) -> {
                    Map<String, List<String>> planned = changesOf(edited, id);
                    if (refused(change) && !planned.isEmpty()) {
                        disagreements.add(id + ": the recorded state plans a change of its unedited call: " + planned);
                    }
                });

                disagreements.addAll(refusedAtPlan(terraform, dir, running, changes));
                disagreements.addAll(WireCheck.run(terraform, dir, edited, changes));
                return disagreements;
            }
        } finally {
            Directories.deleteIfExists(root);
        }
    }

    /**
     * Makes the stand-ins of the generated passwords (OfflineCopy: a terraform_data per password) known at plan, as
     * they are once an apply created them ({@link RecordedState#outputsKnownAtPlan}), for every plan of {@code dir}:
     * the edited plan then holds the values the apply sends where it would leave a user's password set wholly unknown
     * (two passwords in a rotation), without applying anything.
     */
    private static void passwordsKnownAtPlan(Path dir) {
        RecordedState.outputsKnownAtPlan(dir.resolve("modules/redis"));
    }

    /**
     * The refused rows, edited together in a root of their own (their calls and their part of the recorded running
     * state; a plan reads every call's configuration and state, even one targeted at a few): the plan must fail, and
     * each row's cluster must be named in a message that says how to do the edit safely.
     */
    private static List<String> refusedAtPlan(Terraform terraform, Path dir, Terraform.Plan running, Map<String, RunningChange> changes) {
        Map<String, RunningChange> refusedRows = new LinkedHashMap<>();
        changes.forEach((id, change) -> {
            if (refused(change)) {
                refusedRows.put(id, change);
            }
        });
        if (refusedRows.isEmpty()) {
            return List.of(); // the part of the rows that replace the cluster
        }
        Path root = ModuleRoot.scratch("change-safety-refused-");
        try {
            RecordedState.rootOfCalls(terraform, dir, running, calls(refusedRows, ChangeSafetyTest::refused), root);
            return refusedAtPlan(terraform, root, refusedRows);
        } finally {
            Directories.deleteIfExists(root);
        }
    }

    private static List<String> refusedAtPlan(Terraform terraform, Path dir, Map<String, RunningChange> changes) {
        List<String> plan = List.of("plan", "-input=false", "-no-color", "-lock=false", "-refresh=false");
        Terraform.Result result = terraform.run(dir, plan.toArray(String[]::new));
        List<String> problems = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        String output = result.output().replaceAll("\\s+", " ");
        if (result.exitCode() == 0) {
            problems.add("the plan of the refused edits succeeded");
        }
        changes.forEach((id, change) -> {
            if (!refused(change)) {
                return;
            }
            int at = output.indexOf("Unsafe change to the running cluster " + id + "-");
            if (at < 0) {
                at = output.indexOf("Unsafe change to the cluster " + id + "-");
            }
            if (at < 0) {
                problems.add(id + " " + change.variable() + " " + change.describe() + ": documented as refused at plan, but the plan does "
                        + "not refuse it");
                return;
            }
            java.util.regex.Matcher end = java.util.regex.Pattern.compile("\\.( |$)").matcher(output);
            String message = output.substring(at, end.find(output.indexOf(": ", at)) ? end.start() + 1 : output.length());
            lines.add("%s %-28s %-40s refused at plan: %s".formatted(id, change.variable(), change.describe(), message));
        });
        System.out.println("[change safety] refused at plan, with the safe steps in the message:\n  " + String.join("\n  ", lines));
        return problems;
    }

    /**
     * What the edit did to call {@code id}: the replication group replaced, or some resource planned to change (the
     * recorded state plans no change of itself), or nothing.
     */
    static OnRunningCluster observed(String id, Terraform.Plan edited) {
        Map<String, List<String>> changes = changesOf(edited, id);
        List<String> group = changes.getOrDefault("module." + id + ".aws_elasticache_replication_group.this", List.of());
        return group.contains("delete") ? OnRunningCluster.REPLACES : changes.isEmpty() ? OnRunningCluster.NO_CHANGE : OnRunningCluster.IN_PLACE;
    }

    /** The resources of call {@code id} that the plan changes, with their actions. */
    @SuppressWarnings("unchecked")
    private static Map<String, List<String>> changesOf(Terraform.Plan plan, String id) {
        Map<String, List<String>> changes = new TreeMap<>();
        for (Map<String, Object> change : plan.changesInCalls(java.util.Set.of(id))) {
            List<String> actions = (List<String>) ((Map<String, Object>) change.get("change")).get("actions");
            if (!actions.equals(List.of("no-op"))) {
                changes.put((String) change.get("address"), actions);
            }
        }
        return changes;
    }
}
