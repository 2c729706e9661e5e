package io.platform.redis.chat;

import static io.platform.redis.chat.ChatVariables.*;

import io.platform.redis.RedisModuleConfig;
import io.platform.redis.module.ModuleInputs;
import java.util.ArrayList;
import java.util.List;

/**
 * One replication group of the chat design and the module configuration that makes it. Single mode has one cluster
 * serving every workload; split mode an adapter cluster (Socket.IO pub/sub) and a state cluster (presence,
 * sessions, rate limits) with maintenance and snapshot windows an hour apart, so both are never down together.
 *
 * @param role   "redis" (single), "adapter" or "state"
 * @param module the module's configuration, unchecked: the AUTH token is added by the caller
 */
public record ChatCluster(String role, RedisModuleConfig.Builder module) {

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
        return ModuleInputs.ofCheckedValues(module.variables());
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
            for (var variable : io.platform.redis.module.RedisVariables.ALL) {
                if (chatOption.equals(new ChatCluster(role, null).option(variable.name())) && !inputs.contains(variable.name())) {
                    inputs.add(variable.name());
                }
            }
        }
        return inputs;
    }

    /**
     * The chat option a module variable of this cluster comes from, or null when the design fixes it (engine
     * version, TLS, AUTH, windows...).
     */
    public String option(String moduleVariable) {
        return switch (moduleVariable) {
            case "name" -> BASE_NAME.name();
            case "environment" -> ENVIRONMENT.name();
            case "vpc_id" -> VPC_ID.name();
            case "subnet_ids" -> PRIVATE_SUBNET_IDS.name();
            case "create_security_group", "security_group_ids" -> REDIS_SECURITY_GROUP_ID.name();
            case "allowed_security_group_ids" -> ALLOWED_SECURITY_GROUP_IDS.name();
            case "notification_topic_arn" -> NOTIFICATION_TOPIC_ARN.name();
            case "tags" -> TAGS.name();
            case "node_type" -> switch (role) {
                case "adapter" -> REDIS_ADAPTER_NODE_TYPE.name();
                case "state" -> REDIS_STATE_NODE_TYPE.name();
                default -> REDIS_NODE_TYPE.name();
            };
            case "num_cache_clusters", "automatic_failover_enabled", "multi_az_enabled" -> switch (role) {
                case "adapter" -> REDIS_ADAPTER_REPLICAS.name();
                case "state" -> REDIS_STATE_REPLICAS.name();
                default -> REDIS_NUM_CACHE_NODES.name();
            };
            default -> null;
        };
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
    static RedisModuleConfig.Builder socketIoTuning(RedisModuleConfig.Builder module) {
        return module.maxmemoryPolicy("volatile-lru").notifyKeyspaceEvents("Ex").timeout(0).tcpKeepalive(300);
    }

    private static Object plusOne(Object replicas) {
        return replicas instanceof Integer n ? Integer.valueOf(n + 1) : replicas;
    }

    private static RedisModuleConfig.Builder module(ChatSettings chat, String name, String description, String nodeType,
                                                    Object nodes, String maintenanceWindow, String snapshotWindow) {
        boolean highlyAvailable = nodes instanceof Integer n && n > 1;
        RedisModuleConfig.Builder module = RedisModuleConfig.builder()
                .name(name)
                .description(description)
                .environment(chat.string(ENVIRONMENT))
                .nodeType(nodeType)
                .numCacheClusters((Number) nodes)
                .automaticFailoverEnabled(highlyAvailable)
                .multiAzEnabled(highlyAvailable)
                .engineVersion("7.1")
                .port(6379)
                .atRestEncryptionEnabled(true)
                .transitEncryptionEnabled(true)
                .authTokenEnabled(true);
        socketIoTuning(module)
                .maintenanceWindow(maintenanceWindow)
                .snapshotWindow(snapshotWindow)
                .snapshotRetentionLimit("prod".equals(chat.string(ENVIRONMENT)) ? 7 : 1)
                .subnetIds(chat.list(PRIVATE_SUBNET_IDS))
                .vpcId(chat.string(VPC_ID));
        if (chat.get(REDIS_SECURITY_GROUP_ID) != null) {
            module.createSecurityGroup(false).securityGroupIds(List.of(chat.string(REDIS_SECURITY_GROUP_ID)));
        } else {
            module.allowedSecurityGroupIds(chat.list(ALLOWED_SECURITY_GROUP_IDS));
        }
        if (chat.get(NOTIFICATION_TOPIC_ARN) != null) {
            module.notificationTopicArn(chat.string(NOTIFICATION_TOPIC_ARN));
        }
        return module.tags(chat.map(TAGS));
    }
}
