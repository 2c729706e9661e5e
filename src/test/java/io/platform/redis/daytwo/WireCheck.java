package io.platform.redis.daytwo;

import io.platform.redis.module.OnRunningCluster;
import io.platform.redis.module.RunningChange;
import io.platform.redis.support.ElastiCacheRecorder;
import io.platform.redis.support.ElastiCacheRecorder.Call;
import io.platform.redis.support.ElastiCacheRules;
import io.platform.redis.support.ModuleRoot;
import io.platform.redis.support.Synthesized;
import io.platform.redis.support.Terraform;
import io.platform.redis.support.WireRoot;
import io.platform.redis.files.Directories;
import io.platform.redis.files.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The change-safety rows on the wire: the ElastiCache resources of every edited module call (a {@link WireRoot} made
 * from the same plans as the change-safety matrix) applied by the real AWS provider against an
 * {@link ElastiCacheRecorder}; each row's recorded calls are then checked against the ElastiCache rules they touch
 * ({@link ElastiCacheRules}), against what the configuration asks the cluster to end with, and against the row's
 * documented class. One line per row: the edit, the calls, the verdict.
 */
final class WireCheck {
    private WireCheck() {
    }

    /** Applies the edited plan's ElastiCache resources on the wire; returns every disagreement (empty when all hold). */
    static List<String> run(Terraform terraform, Path planned, Terraform.Plan edited,
                            Map<String, RunningChange> changes) {
        Map<String, Object> schemas = terraform.providerSchemas(planned);
        Set<String> rows = new LinkedHashSet<>();
        changes.forEach((id, change) -> {
            if (change.expected() != OnRunningCluster.REFUSED) {
                rows.add(id);
            }
        });
        List<WireRoot.Resource> resources = WireRoot.resources(edited, rows, schemas, Synthesized.get().moduleConfig);
        Path wire = ModuleRoot.scratch("wire-");
        try (ElastiCacheRecorder recorder = ElastiCacheRecorder.start()) {
            WireRoot.write(wire, resources, schemas);
            terraform.ok(wire, "init", "-input=false", "-no-color");
            terraform.okWithOwnProvider(WireRoot.providerEnvironment(recorder.endpoint()), wire,
                    "apply", "-auto-approve", "-input=false", "-no-color", "-lock=false", "-refresh=false", "-parallelism=40");
            List<String> problems = verdicts(recorder.calls(), resources, changes, rows);
            if (!recorder.retried().isEmpty()) {
                System.out.println("[wire] SDK retries of a recorded call, recorded once: " + recorder.retried());
            }
            if (problems.isEmpty()) {
                Directories.deleteIfExists(wire);
            } else {
                // with the plan it was made from
                Json.write(wire.resolve("edited-plan.json"), edited.json());
                System.out.println("[wire] the wire root is kept for a look, with the plan it comes from: " + wire);
            }
            return problems;
        }
    }

    static List<String> verdicts(List<Call> calls, List<WireRoot.Resource> resources, Map<String, RunningChange> changes, Set<String> rows) {
        List<String> problems = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (String id : rows) {
            RunningChange change = changes.get(id);
            List<Call> own = calls.stream().filter(call -> id.equals(row(call))).toList();
            Map<String, ElastiCacheRules.Cluster> running = new LinkedHashMap<>();
            Map<String, Object> configured = null;
            for (WireRoot.Resource resource : resources) {
                if (resource.row().equals(id) && resource.type().equals("aws_elasticache_replication_group")) {
                    if (resource.before() != null) {
                        running.put(String.valueOf(resource.before().get("replication_group_id")), cluster(resource.before()));
                    }
                    configured = resource.after();
                }
            }
            ElastiCacheRules rules = new ElastiCacheRules(running);
            List<String> broken = new ArrayList<>(rules.check(own));
            if (configured != null) {
                broken.addAll(endsAsConfigured(rules.cluster(String.valueOf(configured.get("replication_group_id"))), configured));
            }
            List<String> mutating = own.stream().filter(Call::mutates).map(ElastiCacheRules::summary).toList();
            String classProblem = classProblem(change.expected(), mutating);
            if (classProblem != null) {
                broken.add(classProblem);
            }
            Set<String> recorded = new LinkedHashSet<>(mutating.stream().map(WireCheck::documented).toList());
            if (!recorded.equals(new LinkedHashSet<>(change.calls()))) {
                broken.add("the docs say the apply calls " + (change.calls().isEmpty() ? "nothing" : change.calls()) + ", the provider calls "
                        + (recorded.isEmpty() ? "nothing" : "\"" + String.join("\", \"", recorded) + "\""));
            }
            lines.add("%s %-28s %-40s calls: %s -> %s".formatted(id, change.variable(), change.describe(),
                    mutating.isEmpty() ? "none" : String.join(", ", new LinkedHashSet<>(mutating)),
                    broken.isEmpty() ? "ok (" + change.expected() + ")" : "BROKEN"));
            broken.forEach(problem -> problems.add(id + " " + change.variable() + " " + change.describe() + ": " + problem));
        }
        System.out.println("[wire] " + rows.size() + " edits applied by the real AWS provider against a recording endpoint, "
                + calls.size() + " requests:\n  " + String.join("\n  ", lines));
        return problems;
    }

    /** A recorded call as the catalog documents it: without ApplyImmediately, which depends on the environment. */
    static String documented(String summary) {
        return summary.replaceAll("ApplyImmediately=(true|false)(, )?", "").replace(", )", ")").replace("()", "");
    }

    /** What the documented class says the calls must be, or null when they agree. */
    static String classProblem(OnRunningCluster expected, List<String> mutating) {
        boolean recreated = mutating.contains("DeleteReplicationGroup") && mutating.contains("CreateReplicationGroup");
        // a reconnect: the cluster itself, or a user whose password set is replaced (clients must log in anew)
        boolean groupTouched = mutating.stream().anyMatch(c -> c.endsWith("ReplicationGroup") || c.contains("ReplicationGroup(")
                || c.startsWith("ModifyUser(AuthenticationMode"));
        return switch (expected) {
            case REPLACES -> recreated ? null : "documented as replacing the cluster, but the provider does not recreate it";
            case NO_CHANGE, RECORDED_ONLY -> mutating.isEmpty() ? null
                    : "documented as " + expected.label() + ", but the provider calls ElastiCache: " + mutating;
            case IN_PLACE, DISRUPTIVE -> recreated ? "documented as in place, but the provider recreates the cluster"
                    : expected == OnRunningCluster.DISRUPTIVE && !groupTouched
                    ? "documented as a restart or reconnect, but the provider changes neither the replication group nor a user's passwords" : null;
            case REFUSED -> "documented as refused at plan, but applied";
        };
    }

    /** The end state the configuration asks for, against the one the calls leave. */
    @SuppressWarnings("unchecked")
    private static List<String> endsAsConfigured(ElastiCacheRules.Cluster cluster, Map<String, Object> configured) {
        List<String> problems = new ArrayList<>();
        if (cluster == null) {
            return List.of("the replication group is gone after the apply");
        }
        if (!Objects.equals(cluster.tls(), configured.get("transit_encryption_enabled"))) {
            problems.add("TLS ends " + cluster.tls() + ", configured " + configured.get("transit_encryption_enabled"));
        }
        Object mode = configured.get("transit_encryption_mode");
        if (cluster.tls() && mode instanceof String m && !m.equals(cluster.tlsMode())) {
            problems.add("TLS mode ends " + cluster.tlsMode() + ", configured " + m);
        }
        if (cluster.token() != (configured.get("auth_token") != null)) {
            problems.add("an AUTH token ends " + (cluster.token() ? "set" : "absent") + ", configured " + (cluster.token() ? "none" : "one"));
        }
        Set<String> groups = new LinkedHashSet<>((List<String>) Objects.requireNonNullElse(configured.get("user_group_ids"), List.of()));
        if (!groups.equals(cluster.userGroups())) {
            problems.add("user groups end " + cluster.userGroups() + ", configured " + groups);
        }
        return problems;
    }

    @SuppressWarnings("unchecked")
    private static ElastiCacheRules.Cluster cluster(Map<String, Object> before) {
        // the recorded state's placeholders are gone already (WireRoot): what is left is what the cluster runs with
        return new ElastiCacheRules.Cluster(Boolean.TRUE.equals(before.get("transit_encryption_enabled")),
                (String) before.get("transit_encryption_mode"), before.get("auth_token") != null,
                (List<String>) Objects.requireNonNullElse(before.get("user_group_ids"), List.of()), (String) before.get("parameter_group_name"));
    }

    /** The row a call belongs to: every AWS name of call cNN starts with "cNN-". */
    static String row(Call call) {
        for (String key : List.of("ReplicationGroupId", "CacheParameterGroupName", "CacheSubnetGroupName", "UserId", "UserGroupId", "ResourceName")) {
            String value = call.get(key);
            if (value != null) {
                String name = value.substring(value.lastIndexOf(':') + 1);
                return name.contains("-") ? name.substring(0, name.indexOf('-')) : name;
            }
        }
        return "?";
    }
}
