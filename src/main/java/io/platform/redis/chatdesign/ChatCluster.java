package io.platform.redis.chatdesign;

import static io.platform.redis.chatdesign.ChatVariables.*;

import io.platform.redis.module.ModuleInputs;
import io.platform.redis.module.RedisVariables;
import io.platform.redis.module.Variable;
import io.platform.redis.module.VariableValues;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One replication group of the chat design and the module configuration that makes it. Single mode has one cluster
 * serving every workload; split mode an adapter cluster (Socket.IO pub/sub) and a state cluster (presence,
 * sessions, rate limits) with maintenance and snapshot windows an hour apart, so both are never down together.
 *
 * @param role   "redis" (single), "adapter" or "state"
 * @param module the module's variables, unchecked: the AUTH token is added by the caller
 */
public record ChatCluster(String role, Map<String, Object> module) {

    /** The module call's name for a {@code ChatRedis} with id {@code prefix}: the prefix itself, or prefix_adapter / prefix_state. */
    public String moduleId(String prefix) {
        return "redis".equals(role) ? prefix : prefix + "_" + role;
    }

    /** The clusters the chat options ask for. Callers check the mode's required keys first. */
    public static List<ChatCluster> of(ChatSettings chat) {
        String base = chat.string(BASE_NAME);
        if (!chat.bool(ENABLE_REDIS_SPLIT)) {
            return List.of(new ChatCluster("redis", module(chat, base + "-redis",
                    "Redis cluster for Socket.IO adapter and caching", chat.string(REDIS_NODE_TYPE),
                    chat.get(REDIS_NUM_CACHE_NODES), "sun:05:00-sun:06:00", "03:00-04:00")));
        }
        return List.of(
                new ChatCluster("adapter", module(chat, base + "-redis-adapter",
                        "Redis cluster for Socket.IO adapter pub/sub (high throughput)", chat.string(REDIS_ADAPTER_NODE_TYPE),
                        plusOne(chat.get(REDIS_ADAPTER_REPLICAS)), "sun:05:00-sun:06:00", "03:00-04:00")),
                new ChatCluster("state", module(chat, base + "-redis-state",
                        "Redis cluster for presence/sessions/rate-limits (high read)", chat.string(REDIS_STATE_NODE_TYPE),
                        plusOne(chat.get(REDIS_STATE_REPLICAS)), "sun:06:00-sun:07:00", "04:00-05:00")));
    }

    /** The module values, with the module's defaults, for checks and estimates (the AUTH token is not among them). */
    public ModuleInputs inputs() {
        return ModuleInputs.ofCheckedValues(module);
    }

    /**
     * What the options get wrong about the mode: keys the mode needs that are not set, and allowed security groups
     * given together with an existing group (they are rules of a created group only).
     */
    static List<ChatChecks.OptionProblem> modeProblems(ChatSettings chat) {
        List<ChatChecks.OptionProblem> problems = new ArrayList<>();
        String mode = chat.bool(ENABLE_REDIS_SPLIT) ? "split mode (enable_redis_split: true)" : "single mode";
        for (String missing : missingForMode(chat)) {
            problems.add(new ChatChecks.OptionProblem(List.of(missing), "is required in " + mode));
        }
        if (chat.get(REDIS_SECURITY_GROUP_ID) != null && !chat.list(ALLOWED_SECURITY_GROUP_IDS).isEmpty()) {
            problems.add(new ChatChecks.OptionProblem(List.of(ALLOWED_SECURITY_GROUP_IDS.name()),
                    "applies only to a created security group; with redis_security_group_id, add the rules to that group"));
        }
        return problems;
    }

    /** The module inputs a chat option feeds, in any of the roles. */
    public static List<String> inputsFedBy(String chatOption) {
        List<String> inputs = new ArrayList<>();
        for (String role : List.of("redis", "adapter", "state")) {
            for (var variable : RedisVariables.ALL) {
                if (chatOption.equals(new ChatCluster(role, null).option(variable.name())) && !inputs.contains(variable.name())) {
                    inputs.add(variable.name());
                }
            }
        }
        return inputs;
    }

    /** The chat option each module variable of every cluster comes from; the ones below depend on the cluster's role. */
    private static final Map<Variable, Variable> FROM_OPTION = Map.of(
            RedisVariables.NAME, BASE_NAME,
            RedisVariables.ENVIRONMENT, ENVIRONMENT,
            RedisVariables.VPC_ID, VPC_ID,
            RedisVariables.SUBNET_IDS, PRIVATE_SUBNET_IDS,
            RedisVariables.CREATE_SECURITY_GROUP, REDIS_SECURITY_GROUP_ID,
            RedisVariables.SECURITY_GROUP_IDS, REDIS_SECURITY_GROUP_ID,
            RedisVariables.ALLOWED_SECURITY_GROUP_IDS, ALLOWED_SECURITY_GROUP_IDS,
            RedisVariables.NOTIFICATION_TOPIC_ARN, NOTIFICATION_TOPIC_ARN,
            RedisVariables.TAGS, TAGS);
    /** By role: the node type's option, and the option that sets the node count (and so failover and Multi-AZ). */
    private static final Map<String, List<Variable>> BY_ROLE = Map.of(
            "redis", List.of(REDIS_NODE_TYPE, REDIS_NUM_CACHE_NODES),
            "adapter", List.of(REDIS_ADAPTER_NODE_TYPE, REDIS_ADAPTER_REPLICAS),
            "state", List.of(REDIS_STATE_NODE_TYPE, REDIS_STATE_REPLICAS));
    private static final List<Variable> COUNTED = List.of(RedisVariables.NUM_CACHE_CLUSTERS,
            RedisVariables.AUTOMATIC_FAILOVER_ENABLED, RedisVariables.MULTI_AZ_ENABLED);

    /**
     * The chat option a module variable of this cluster comes from, or null when the design fixes it (engine
     * version, TLS, AUTH, windows...).
     */
    public String option(String moduleVariable) {
        Variable variable = VariableValues.find(RedisVariables.ALL, moduleVariable).orElse(null);
        Variable option = variable == RedisVariables.NODE_TYPE ? BY_ROLE.get(role).get(0)
                : COUNTED.contains(variable) ? BY_ROLE.get(role).get(1)
                : FROM_OPTION.get(variable);
        return option == null ? null : option.name();
    }

    /** Keys the mode needs that the options do not set. */
    public static List<String> missingForMode(ChatSettings chat) {
        List<String> missing = new ArrayList<>();
        var needed = chat.bool(ENABLE_REDIS_SPLIT)
                ? List.of(REDIS_ADAPTER_NODE_TYPE, REDIS_ADAPTER_REPLICAS, REDIS_STATE_NODE_TYPE, REDIS_STATE_REPLICAS)
                : List.of(REDIS_NODE_TYPE, REDIS_NUM_CACHE_NODES);
        for (var variable : needed) {
            if (chat.get(variable) == null) {
                missing.add(variable.name());
            }
        }
        return missing;
    }

    /** The chat design's tuning for Socket.IO: keys with TTLs evicted first, expiry events, no idle timeout. */
    /** The Socket.IO tuning of every chat cluster: only keys with a TTL evicted, expiry events, open connections. */
    static void socketIoTuning(Map<String, Object> module) {
        module.put(RedisVariables.MAXMEMORY_POLICY.name(), "volatile-lru");
        module.put(RedisVariables.NOTIFY_KEYSPACE_EVENTS.name(), "Ex");
        module.put(RedisVariables.TIMEOUT.name(), 0);
        module.put(RedisVariables.TCP_KEEPALIVE.name(), 300);
    }

    private static Object plusOne(Object replicas) {
        return replicas instanceof Integer n ? Integer.valueOf(n + 1) : replicas;
    }

    private static Map<String, Object> module(ChatSettings chat, String name, String description, String nodeType,
                                              Object nodes, String maintenanceWindow, String snapshotWindow) {
        boolean highlyAvailable = nodes instanceof Integer n && n > 1;
        Map<String, Object> module = new LinkedHashMap<>();
        module.put(RedisVariables.NAME.name(), name);
        module.put(RedisVariables.DESCRIPTION.name(), description);
        module.put(RedisVariables.ENVIRONMENT.name(), chat.string(ENVIRONMENT));
        module.put(RedisVariables.NODE_TYPE.name(), nodeType);
        module.put(RedisVariables.NUM_CACHE_CLUSTERS.name(), nodes);
        module.put(RedisVariables.AUTOMATIC_FAILOVER_ENABLED.name(), highlyAvailable);
        module.put(RedisVariables.MULTI_AZ_ENABLED.name(), highlyAvailable);
        module.put(RedisVariables.ENGINE_VERSION.name(), "7.1");
        module.put(RedisVariables.PORT.name(), 6379);
        module.put(RedisVariables.AT_REST_ENCRYPTION_ENABLED.name(), true);
        module.put(RedisVariables.TRANSIT_ENCRYPTION_ENABLED.name(), true);
        module.put(RedisVariables.AUTH_TOKEN_ENABLED.name(), true);
        socketIoTuning(module);
        module.put(RedisVariables.MAINTENANCE_WINDOW.name(), maintenanceWindow);
        module.put(RedisVariables.SNAPSHOT_WINDOW.name(), snapshotWindow);
        module.put(RedisVariables.SNAPSHOT_RETENTION_LIMIT.name(), "prod".equals(chat.string(ENVIRONMENT)) ? 7 : 1);
        module.put(RedisVariables.SUBNET_IDS.name(), chat.list(PRIVATE_SUBNET_IDS));
        module.put(RedisVariables.VPC_ID.name(), chat.string(VPC_ID));
        if (chat.get(REDIS_SECURITY_GROUP_ID) != null) {
            module.put(RedisVariables.CREATE_SECURITY_GROUP.name(), false);
            module.put(RedisVariables.SECURITY_GROUP_IDS.name(), List.of(chat.string(REDIS_SECURITY_GROUP_ID)));
        } else {
            module.put(RedisVariables.ALLOWED_SECURITY_GROUP_IDS.name(), chat.list(ALLOWED_SECURITY_GROUP_IDS));
        }
        if (chat.get(NOTIFICATION_TOPIC_ARN) != null) {
            module.put(RedisVariables.NOTIFICATION_TOPIC_ARN.name(), chat.string(NOTIFICATION_TOPIC_ARN));
        }
        module.put(RedisVariables.TAGS.name(), chat.map(TAGS));
        return Collections.unmodifiableMap(module);
    }
}
