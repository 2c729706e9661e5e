package io.platform.redis.chat;

import static io.platform.redis.chat.ChatVariables.*;

import io.platform.redis.module.ModuleInputs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One replication group of the chat design and the module inputs that make it. Single mode has one cluster
 * serving every workload; split mode an adapter cluster (Socket.IO pub/sub) and a state cluster (presence,
 * sessions, rate limits) with maintenance and snapshot windows an hour apart, so both are never down together.
 *
 * @param role     "redis" (single), "adapter" or "state"
 * @param moduleId the module call's name in the stack: redis, redis_adapter or redis_state
 */
public record ChatCluster(String role, String moduleId, ModuleInputs inputs) {
    /** The chat design's tuning for Socket.IO: keys with TTLs evicted first, expiry events, no idle timeout. */
    static final Map<String, Object> SOCKET_IO_TUNING = tuning();

    /** The clusters a chat stack file asks for. Callers check the mode's required keys first. */
    public static List<ChatCluster> of(ChatSettings chat) {
        String base = chat.string(BASE_NAME);
        if (!chat.bool(ENABLE_REDIS_SPLIT)) {
            return List.of(new ChatCluster("redis", "redis", inputs(chat, base + "-redis",
                    "Redis cluster for Socket.IO adapter and caching", chat.string(REDIS_NODE_TYPE),
                    chat.number(REDIS_NUM_CACHE_NODES), "sun:05:00-sun:06:00", "03:00-04:00")));
        }
        return List.of(
                new ChatCluster("adapter", "redis_adapter", inputs(chat, base + "-redis-adapter",
                        "Redis cluster for Socket.IO adapter pub/sub (high throughput)", chat.string(REDIS_ADAPTER_NODE_TYPE),
                        chat.number(REDIS_ADAPTER_REPLICAS) + 1, "sun:05:00-sun:06:00", "03:00-04:00")),
                new ChatCluster("state", "redis_state", inputs(chat, base + "-redis-state",
                        "Redis cluster for presence/sessions/rate-limits (high read)", chat.string(REDIS_STATE_NODE_TYPE),
                        chat.number(REDIS_STATE_REPLICAS) + 1, "sun:06:00-sun:07:00", "04:00-05:00")));
    }

    /** Keys the mode needs that the file does not set. */
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

    private static ModuleInputs inputs(ChatSettings chat, String name, String description, String nodeType, int nodes,
                                       String maintenanceWindow, String snapshotWindow) {
        boolean highlyAvailable = nodes > 1;
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", name);
        values.put("description", description);
        values.put("environment", chat.string(ENVIRONMENT));
        values.put("node_type", nodeType);
        values.put("num_cache_clusters", nodes);
        values.put("automatic_failover_enabled", highlyAvailable);
        values.put("multi_az_enabled", highlyAvailable);
        values.put("engine_version", "7.1");
        values.put("port", 6379);
        values.put("at_rest_encryption_enabled", true);
        values.put("transit_encryption_enabled", true);
        values.put("auth_token_enabled", true);
        values.putAll(SOCKET_IO_TUNING);
        values.put("maintenance_window", maintenanceWindow);
        values.put("snapshot_window", snapshotWindow);
        values.put("snapshot_retention_limit", "prod".equals(chat.string(ENVIRONMENT)) ? 7 : 1);
        values.put("subnet_ids", chat.list(PRIVATE_SUBNET_IDS));
        values.put("vpc_id", chat.string(VPC_ID));
        if (chat.get(REDIS_SECURITY_GROUP_ID) != null) {
            values.put("create_security_group", false);
            values.put("security_group_ids", List.of(chat.string(REDIS_SECURITY_GROUP_ID)));
        } else {
            values.put("allowed_security_group_ids", chat.list(ALLOWED_SECURITY_GROUP_IDS));
        }
        if (chat.get(NOTIFICATION_TOPIC_ARN) != null) {
            values.put("notification_topic_arn", chat.string(NOTIFICATION_TOPIC_ARN));
        }
        values.put("tags", chat.map(TAGS));
        return ModuleInputs.of(values);
    }

    private static Map<String, Object> tuning() {
        Map<String, Object> tuning = new LinkedHashMap<>();
        tuning.put("maxmemory_policy", "volatile-lru");
        tuning.put("notify_keyspace_events", "Ex");
        tuning.put("timeout", 0);
        tuning.put("tcp_keepalive", 300);
        return java.util.Collections.unmodifiableMap(tuning);
    }
}
