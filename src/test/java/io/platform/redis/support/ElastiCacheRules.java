package io.platform.redis.support;

import io.platform.redis.support.ElastiCacheRecorder.Call;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * The ElastiCache rules the recorded calls are checked against, each written once with the page of the ElastiCache
 * API reference or user guide it comes from, and the running cluster each call meets.
 *
 * <p>What a call may do depends on the cluster it is sent to (SET needs a token in place, TLS goes on only through
 * "preferred"), so the check follows each replication group from the state it ran with before the apply (the
 * recorded state) through the calls of the apply, in order. That is bookkeeping of what the calls asked for, not an
 * emulation of ElastiCache: no call is refused here, each broken rule is reported.
 */
public final class ElastiCacheRules {
    private static final String API = "https://docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/";
    private static final String GUIDE = "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/";

    /** What one replication group has, as far as the calls tell. */
    public static final class Cluster {
        boolean tls;
        String tlsMode;
        boolean token;
        /** A token added with ROTATE to a cluster without one: clients without a password are still served. */
        boolean passwordlessToo;
        final Set<String> userGroups = new LinkedHashSet<>();
        String parameterGroup;
        /** A parameter group change that waits for the maintenance window: the old group stays in use until then. */
        String pendingParameterGroup;

        public Cluster(boolean tls, String tlsMode, boolean token, List<String> userGroups, String parameterGroup) {
            this.tls = tls;
            this.tlsMode = tlsMode;
            this.token = token;
            this.userGroups.addAll(userGroups);
            this.parameterGroup = parameterGroup;
        }

        /** Whether a client without any password gets in. */
        public boolean open() {
            return userGroups.isEmpty() && (!token || passwordlessToo);
        }

        public boolean tls() {
            return tls;
        }

        public String tlsMode() {
            return tlsMode;
        }

        public boolean token() {
            return token;
        }

        public Set<String> userGroups() {
            return userGroups;
        }
    }

    /** One rule: what it says, the page it comes from, and when a call to a cluster breaks it. */
    public record Rule(String says, String page, BiPredicate<Call, Cluster> broken) {
    }

    private static boolean on(Call call, String key) {
        return "true".equals(call.get(key));
    }

    private static boolean modify(Call call) {
        return call.action().equals("ModifyReplicationGroup");
    }

    public static final List<Rule> RULES = List.of(
            new Rule("an AUTH token is 16 to 128 printable characters", API + "API_ModifyReplicationGroup.html",
                    (call, cluster) -> call.get("AuthToken") != null && !call.get("AuthToken").matches("[\\x21-\\x7e]{16,128}")),
            new Rule("AuthTokenUpdateStrategy ROTATE or SET is specified with an AuthToken", API + "API_ModifyReplicationGroup.html",
                    (call, cluster) -> modify(call) && ("ROTATE".equals(call.get("AuthTokenUpdateStrategy")) || "SET".equals(call.get("AuthTokenUpdateStrategy")))
                            && call.get("AuthToken") == null),
            new Rule("SET is allowed only after ROTATE: on a cluster that has a token", API + "API_ModifyReplicationGroup.html",
                    (call, cluster) -> modify(call) && "SET".equals(call.get("AuthTokenUpdateStrategy")) && cluster != null && !cluster.token),
            new Rule("DELETE is allowed only when transitioning to RBAC: with a user group added in the same call",
                    API + "API_ModifyReplicationGroup.html",
                    (call, cluster) -> modify(call) && "DELETE".equals(call.get("AuthTokenUpdateStrategy"))
                            && call.list("UserGroupIdsToAdd").isEmpty()),
            new Rule("a user group joins a cluster that has an AUTH token only with AuthTokenUpdateStrategy=DELETE in the same call",
                    GUIDE + "Clusters.RBAC.html",
                    (call, cluster) -> modify(call) && cluster != null && cluster.token && !call.list("UserGroupIdsToAdd").isEmpty()
                            && !"DELETE".equals(call.get("AuthTokenUpdateStrategy"))),
            new Rule("AUTH works only on a cluster with encryption in transit", GUIDE + "auth.html",
                    (call, cluster) -> modify(call) && call.get("AuthToken") != null && cluster != null && !cluster.tls
                            && !on(call, "TransitEncryptionEnabled")),
            new Rule("TLS goes on for a running cluster only with TransitEncryptionMode=preferred in the same request",
                    API + "API_ModifyReplicationGroup.html",
                    (call, cluster) -> modify(call) && on(call, "TransitEncryptionEnabled") && cluster != null && !cluster.tls
                            && !"preferred".equals(call.get("TransitEncryptionMode"))),
            new Rule("TransitEncryptionMode=required is the second step, after preferred: TLS must be on already",
                    API + "API_ModifyReplicationGroup.html",
                    (call, cluster) -> modify(call) && "required".equals(call.get("TransitEncryptionMode")) && cluster != null && !cluster.tls),
            new Rule("TLS goes off only from TransitEncryptionMode=preferred", GUIDE + "in-transit-encryption.html",
                    (call, cluster) -> modify(call) && "false".equals(call.get("TransitEncryptionEnabled")) && cluster != null
                            && !"preferred".equals(cluster.tlsMode)),
            new Rule("a user has at most two passwords", API + "API_AuthenticationMode.html",
                    (call, cluster) -> (call.action().equals("ModifyUser") || call.action().equals("CreateUser"))
                            && call.list("AuthenticationMode.Passwords").size() > 2));

    /** A parameter group is not deleted while a cluster uses it, or will use it until its maintenance window. */
    public static final Rule PARAMETER_GROUP_IN_USE = new Rule("a cache parameter group cannot be deleted while a cluster is associated "
            + "with it (a change waiting for the maintenance window keeps the old group)", API + "API_DeleteCacheParameterGroup.html",
            (call, cluster) -> false);

    /** The replication groups the calls meet, by id, starting from what ran before the apply. */
    private final Map<String, Cluster> clusters = new LinkedHashMap<>();
    private final List<String> broken = new ArrayList<>();

    public ElastiCacheRules(Map<String, Cluster> running) {
        clusters.putAll(running);
    }

    /** Checks the calls in the order they were sent; returns each broken rule with the call that broke it. */
    public List<String> check(List<Call> calls) {
        for (Call call : calls) {
            if (!call.mutates()) {
                continue;
            }
            Cluster cluster = clusters.get(call.get("ReplicationGroupId"));
            for (Rule rule : RULES) {
                if (rule.broken().test(call, cluster)) {
                    broken.add(summary(call) + " breaks: " + rule.says() + " (" + rule.page() + ")");
                }
            }
            if (call.action().equals("DeleteCacheParameterGroup")) {
                String group = call.get("CacheParameterGroupName");
                boolean inUse = clusters.values().stream().anyMatch(c -> group.equals(c.parameterGroup) || group.equals(c.pendingParameterGroup));
                if (inUse) {
                    broken.add(summary(call) + " breaks: " + PARAMETER_GROUP_IN_USE.says() + " (" + PARAMETER_GROUP_IN_USE.page() + ")");
                }
            }
            apply(call);
        }
        return broken;
    }

    public Cluster cluster(String id) {
        return clusters.get(id);
    }

    private void apply(Call call) {
        String id = call.get("ReplicationGroupId");
        switch (call.action()) {
            case "CreateReplicationGroup" -> clusters.put(id, new Cluster(on(call, "TransitEncryptionEnabled"),
                    Objects.requireNonNullElse(call.get("TransitEncryptionMode"), on(call, "TransitEncryptionEnabled") ? "required" : null),
                    call.get("AuthToken") != null, call.list("UserGroupIds"), call.get("CacheParameterGroupName")));
            case "DeleteReplicationGroup" -> clusters.remove(id);
            case "ModifyReplicationGroup" -> modified(clusters.get(id), call);
            default -> {
            }
        }
    }

    private static void modified(Cluster cluster, Call call) {
        if (cluster == null) {
            return;
        }
        if (call.get("TransitEncryptionEnabled") != null) {
            cluster.tls = on(call, "TransitEncryptionEnabled");
            cluster.tlsMode = cluster.tls ? Objects.requireNonNullElse(call.get("TransitEncryptionMode"), "required") : null;
        } else if (call.get("TransitEncryptionMode") != null) {
            cluster.tlsMode = call.get("TransitEncryptionMode");
        }
        String strategy = call.get("AuthTokenUpdateStrategy");
        if ("DELETE".equals(strategy)) {
            cluster.token = false;
            cluster.passwordlessToo = false;
        } else if (call.get("AuthToken") != null) {
            if ("SET".equals(strategy)) {
                cluster.passwordlessToo = false;
            } else if (!cluster.token) {
                cluster.passwordlessToo = true; // ROTATE onto no token: the old "no password" stays valid
            }
            cluster.token = true;
        }
        cluster.userGroups.addAll(call.list("UserGroupIdsToAdd"));
        call.list("UserGroupIdsToRemove").forEach(cluster.userGroups::remove);
        if (on(call, "RemoveUserGroups")) {
            cluster.userGroups.clear();
        }
        String group = call.get("CacheParameterGroupName");
        if (group != null) {
            if (on(call, "ApplyImmediately")) {
                cluster.parameterGroup = group;
                cluster.pendingParameterGroup = null;
            } else {
                cluster.pendingParameterGroup = cluster.parameterGroup; // the old one, in use until the window
                cluster.parameterGroup = group;
            }
        }
    }

    /** A call as the docs show it: the action and the parameters it carries, with the values that decide its effect. */
    public static String summary(Call call) {
        List<String> parts = new ArrayList<>();
        String own = switch (call.action()) {
            case "ModifyCacheParameterGroup", "ResetCacheParameterGroup" -> "CacheParameterGroupName";
            case "ModifyCacheSubnetGroup" -> "CacheSubnetGroupName";
            case "ModifyUser" -> "UserId";
            case "ModifyUserGroup" -> "UserGroupId";
            case "AddTagsToResource", "RemoveTagsFromResource" -> "ResourceName";
            default -> "ReplicationGroupId";
        };
        for (String key : call.keys()) {
            if (key.equals(own) || call.action().startsWith("Create") || call.action().startsWith("Delete")) {
                continue;
            }
            String value = call.get(key);
            if (key.equals("AuthenticationMode")) { // how many passwords the user holds from then on
                parts.add(key + "=" + call.get("AuthenticationMode.Type") + " x" + call.list("AuthenticationMode.Passwords").size());
                continue;
            }
            parts.add(Set.of("AuthTokenUpdateStrategy", "TransitEncryptionMode", "TransitEncryptionEnabled", "ApplyImmediately").contains(key)
                    && value != null ? key + "=" + value : key);
        }
        return call.action() + (parts.isEmpty() ? "" : "(" + String.join(", ", parts) + ")");
    }
}
