package io.platform.redis.config;

import io.platform.redis.chat.ChatCluster;
import io.platform.redis.chat.ChatVariables;
import io.platform.redis.module.ModuleInputs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The safeguards a stack file turned off. Every default is the safe value, so a safeguard is off only where a
 * stack file wrote the key; the main command lists each one so nobody loses one silently.
 */
public final class Safeguards {
    private Safeguards() {
    }

    /** Module variable, the values that turn its safeguard off, and what is lost. */
    record Guard(String key, List<Object> unsafeValues, String consequence) {
        Guard(String key, Object unsafeValue, String consequence) {
            this(key, List.of(unsafeValue), consequence);
        }
    }

    static final List<Guard> MODULE_GUARDS = List.of(
            new Guard("at_rest_encryption_enabled", false, "data and snapshots are stored unencrypted"),
            new Guard("transit_encryption_enabled", false, "traffic is unencrypted and AUTH is impossible"),
            new Guard("automatic_failover_enabled", false, "no automatic failover when the primary fails"),
            new Guard("multi_az_enabled", false, "no standby in another availability zone"),
            new Guard("snapshot_retention_limit", 0, "no automatic backups"),
            new Guard("skip_final_snapshot", true, "deleting the cluster leaves no final snapshot"),
            new Guard("prevent_destroy", false, "the replication group can be destroyed"),
            new Guard("apply_immediately", true, "changes skip the maintenance window: a node type or engine change restarts nodes during the apply"),
            new Guard("maxmemory_policy", List.of("allkeys-lru", "allkeys-lfu", "allkeys-random"),
                    "a cache that fills the node can evict queued Celery tasks on DB 1"));

    /** One line per safeguard turned off: "file: key = value: consequence". */
    public static List<String> turnedOff(StackFile file) {
        List<String> lines = new ArrayList<>();
        if (file.workload() instanceof Workload.DjangoRedis django) {
            Map<String, Object> explicit = django.inputs().explicit();
            for (Guard guard : MODULE_GUARDS) {
                Object value = explicit.get(guard.key());
                if (value != null && guard.unsafeValues().contains(value)) {
                    lines.add(file.source() + ": redis." + guard.key() + " = " + value + ": " + guard.consequence());
                }
            }
        } else if (file.workload() instanceof Workload.ChatRedis chat) {
            for (ChatCluster cluster : ChatCluster.of(chat.settings())) {
                ModuleInputs inputs = cluster.inputs();
                if (inputs.number(io.platform.redis.module.RedisVariables.NUM_CACHE_CLUSTERS) == 1) {
                    String key = chat.settings().bool(ChatVariables.ENABLE_REDIS_SPLIT)
                            ? "chat.redis_" + cluster.role() + "_replicas = 0" : "chat.redis_num_cache_nodes = 1";
                    lines.add(file.source() + ": " + key + ": " + cluster.role() + " cluster has no replica, so no failover");
                }
            }
        }
        return lines;
    }
}
