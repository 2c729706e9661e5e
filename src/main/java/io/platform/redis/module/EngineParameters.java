package io.platform.redis.module;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The engine parameters a custom parameter group of each family the module supports can set, as the ElastiCache
 * parameter reference documents them ("Engine specific parameters": the Redis OSS 2.6.13 list, then what each later
 * version added, renamed or removed, then Valkey 7.2 and 8.x). No Terraform data source lists a family's parameters,
 * so the list is derived here, step by step in the reference's order, and the module refuses other names at plan
 * (ElastiCache would refuse them at apply, after the parameter group was created).
 *
 * <p>Left out on purpose, although the reference names them: parameters it marks not modifiable (maxmemory, maxclients,
 * cluster-enabled, lua-time-limit, the replica output buffer limits, appendonly and appendfsync since 2.8.22...), and
 * the two it calls modifiable only while no cluster uses the group (databases, and activerehashing before Redis 7):
 * the module's group is attached to its cluster, so a later change of either fails at apply. A name ElastiCache has
 * and this list lacks goes through with {@code unchecked_parameter_names}.
 */
public final class EngineParameters {
    private EngineParameters() {
    }

    /** Settable parameter names by parameter group family, each sorted. */
    public static final Map<String, List<String>> BY_FAMILY = families();

    /** Names the reference lists but a parameter group cannot change (or not once a cluster uses it). */
    public static final List<String> FIXED = List.of("activerehashing", "appendfsync", "appendonly",
            "client-output-buffer-limit-replica-hard-limit", "client-output-buffer-limit-replica-soft-limit",
            "client-output-buffer-limit-replica-soft-seconds", "cluster-enabled", "databases", "lua-time-limit", "maxclients",
            "maxmemory", "replica-allow-chaining", "replica-ignore-maxmemory", "replica-lazy-flush");

    private static Map<String, List<String>> families() {
        Set<String> names = new TreeSet<>(List.of(
                // Redis OSS 2.6.13, the modifiable ones
                "client-output-buffer-limit-normal-hard-limit", "client-output-buffer-limit-normal-soft-limit",
                "client-output-buffer-limit-normal-soft-seconds", "client-output-buffer-limit-pubsub-hard-limit",
                "client-output-buffer-limit-pubsub-soft-limit", "client-output-buffer-limit-pubsub-soft-seconds",
                "hash-max-ziplist-entries", "hash-max-ziplist-value", "list-max-ziplist-entries", "list-max-ziplist-value",
                "maxmemory-policy", "maxmemory-samples", "reserved-memory", "set-max-intset-entries",
                "slowlog-log-slower-than", "slowlog-max-len", "tcp-keepalive", "timeout", "zset-max-ziplist-entries",
                "zset-max-ziplist-value",
                // 2.8.6 (repl-timeout too, no longer supported from 2.8.22)
                "min-slaves-max-lag", "min-slaves-to-write", "notify-keyspace-events", "repl-backlog-size", "repl-backlog-ttl",
                // 2.8.23
                "close-on-slave-write",
                // 3.2.4 (list-max-ziplist-size: the Redis 7 section calls it modifiable)
                "list-compress-depth", "cluster-require-full-coverage", "hll-sparse-max-bytes", "reserved-memory-percent",
                "list-max-ziplist-size",
                // 4.0.10
                "lazyfree-lazy-eviction", "lazyfree-lazy-expire", "lazyfree-lazy-server-del", "lfu-log-factor", "lfu-decay-time",
                "activedefrag", "active-defrag-ignore-bytes", "active-defrag-threshold-lower", "active-defrag-threshold-upper",
                "active-defrag-cycle-min", "active-defrag-cycle-max", "client-query-buffer-limit", "proto-max-bulk-len",
                // 5.0
                "stream-node-max-bytes", "stream-node-max-entries", "active-defrag-max-scan-fields", "lua-replicate-commands",
                // 5.0.3
                "rename-commands"));
        // 3.2.4 dropped these
        names.removeAll(List.of("list-max-ziplist-entries", "list-max-ziplist-value"));
        // 5.0 renamed the replication ones
        rename(names, Map.of("min-slaves-to-write", "min-replicas-to-write", "min-slaves-max-lag", "min-replicas-max-lag",
                "close-on-slave-write", "close-on-replica-write"));

        Set<String> redis6 = new TreeSet<>(names);
        redis6.addAll(List.of("cluster-allow-reads-when-down", "tracking-table-max-keys", "acllog-max-len", "active-expire-effort",
                "lazyfree-lazy-user-del", "acl-pubsub-default"));
        redis6.remove("lua-replicate-commands");

        Set<String> redis7 = new TreeSet<>(redis6);
        // The reference lists list-max-ziplist-size as removed in Redis 7 without its new name, list-max-listpack-size,
        // which Redis 7 introduced in its place: kept, so a real name is not refused.
        redis7.addAll(List.of("cluster-allow-pubsubshard-when-down", "cluster-preferred-endpoint-type", "latency-tracking",
                "hash-max-listpack-entries", "hash-max-listpack-value", "zset-max-listpack-entries", "zset-max-listpack-value",
                "list-max-listpack-size"));
        redis7.removeAll(List.of("hash-max-ziplist-entries", "hash-max-ziplist-value", "zset-max-ziplist-entries",
                "zset-max-ziplist-value", "list-max-ziplist-size"));

        // Valkey 7.2 has Redis OSS 7's parameters; Valkey 8.0 adds one and drops the lazy-free ones, 8.1 adds the command log
        Set<String> valkey8 = new TreeSet<>(redis7);
        valkey8.addAll(List.of("extended-redis-compatibility", "commandlog-request-larger-than", "commandlog-large-request-max-len",
                "commandlog-reply-larger-than", "commandlog-large-reply-max-len"));
        valkey8.removeAll(List.of("lazyfree-lazy-eviction", "lazyfree-lazy-expire", "lazyfree-lazy-server-del", "lazyfree-lazy-user-del"));

        Map<String, List<String>> byFamily = new LinkedHashMap<>();
        byFamily.put("redis6.x", List.copyOf(redis6));
        byFamily.put("redis7", List.copyOf(redis7));
        byFamily.put("valkey7", List.copyOf(redis7));
        byFamily.put("valkey8", List.copyOf(valkey8));
        return java.util.Collections.unmodifiableMap(byFamily);
    }

    private static void rename(Set<String> names, Map<String, String> renamed) {
        renamed.forEach((from, to) -> {
            if (names.remove(from)) {
                names.add(to);
            }
        });
    }

    /** The names every family has, then each family's own: how the module writes them, compactly. */
    public static List<String> common() {
        List<String> common = new ArrayList<>(BY_FAMILY.values().iterator().next());
        BY_FAMILY.values().forEach(common::retainAll);
        return List.copyOf(common);
    }

    /** The names of {@code parameters} that a group of {@code family} cannot set, minus the {@code unchecked} ones. */
    public static List<String> notSettable(String family, java.util.Collection<String> parameters, java.util.Collection<String> unchecked) {
        List<String> settable = BY_FAMILY.getOrDefault(family, List.of());
        return parameters.stream().filter(name -> !settable.contains(name) && !unchecked.contains(name)).sorted().toList();
    }

    /**
     * The settable names by family as the module writes them: the common ones once (local.engine_parameters_common),
     * each family's own beside them. The module's local.engine_parameters.
     */
    public static Map<String, String> byFamilyInHcl() {
        List<String> common = common();
        Map<String, String> families = new LinkedHashMap<>();
        BY_FAMILY.forEach((family, names) -> families.put(family, "${concat(local.engine_parameters_common, "
                + Rules.hclList(names.stream().filter(name -> !common.contains(name)).toList()) + ")}"));
        return families;
    }
}
