package io.platform.redis.config;

import io.platform.redis.chatdesign.ChatCluster;
import io.platform.redis.chatdesign.ChatVariables;
import io.platform.redis.module.ModuleInputs;
import io.platform.redis.module.RedisVariables;
import io.platform.redis.module.Variable;
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

    /** One line per safeguard turned off: "file: key = value: consequence". */
    public static List<String> turnedOff(StackFile file) {
        List<String> lines = new ArrayList<>();
        if (file.workload() instanceof Workload.DjangoRedis django) {
            Map<String, Object> explicit = django.inputs().explicit();
            for (Variable variable : RedisVariables.ALL) {
                Object value = explicit.get(variable.name());
                if (variable.safeguard() != null && value != null && variable.safeguard().unsafeValues().contains(value)) {
                    lines.add(file.source() + ": redis." + variable.name() + " = " + value + ": " + variable.safeguard().consequence());
                }
            }
        } else if (file.workload() instanceof Workload.ChatRedis chat) {
            for (ChatCluster cluster : ChatCluster.of(chat.settings())) {
                ModuleInputs inputs = cluster.inputs();
                if (inputs.number(RedisVariables.NUM_CACHE_CLUSTERS) == 1) {
                    String key = chat.settings().bool(ChatVariables.ENABLE_REDIS_SPLIT)
                            ? "chat.redis_" + cluster.role() + "_replicas = 0" : "chat.redis_num_cache_nodes = 1";
                    lines.add(file.source() + ": " + key + ": " + cluster.role() + " cluster has no replica, so no failover");
                }
            }
        }
        return lines;
    }
}
