package io.platform.redis.module;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every input variable of the Redis module, declared once. The exported module's {@code variables.tf.json}, its
 * README table, the Java defaults, the stack-file keys and the Java validation all come from this list.
 * Names, types and defaults of the first ten follow the inputs table of the module this project replaces.
 */
public final class RedisVariables {
    private RedisVariables() {
    }

    static final String SNS_TOPIC_ARN_FORMAT = "^arn:aws[a-z-]*:sns:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9_-]{1,256}$";
    static final String TOKEN_CHARACTERS = "^[A-Za-z0-9!&#$^<>-]{16,128}$";

    public static final Variable NAME = Variable.string("name").required()
            .description("Cluster name: the replication group id and the prefix of every resource name. "
                    + "1-40 lowercase letters, digits and hyphens; starts with a letter; no '--'; no trailing hyphen.")
            .rule(Rules.matches("^[a-z][a-z0-9-]{0,39}$",
                    "1-40 lowercase letters, digits or hyphens, starting with a letter", "9-django-cache"))
            .rule(Rules.doesNotContain("--", "free of two consecutive hyphens", "django--cache"))
            .rule(Rules.matches("^.*[a-z0-9]$", "a name that ends with a letter or digit", "django-cache-"))
            .onRunningCluster(OnRunningCluster.REPLACES, "django-cache-b", "the name is the replication group id: a new, empty cluster, and every resource renamed")
            .onApply("DeleteReplicationGroup", "DeleteCacheSubnetGroup", "CreateCacheParameterGroup", "CreateCacheSubnetGroup", "ModifyCacheParameterGroup(ParameterNameValues)", "CreateReplicationGroup", "DeleteCacheParameterGroup")
            .build();

    public static final Variable NODE_TYPE = Variable.string("node_type").required()
            .description("Instance class of every node, e.g. cache.t4g.micro (dev), cache.t4g.small (staging), "
                    + "cache.t4g.medium or cache.r6g.large (production).")
            .rule(NodeTypes.rule("cache.t4g.smal"))
            .onRunningCluster(OnRunningCluster.DISRUPTIVE, "cache.t4g.small", "online resize: the cluster stays available and connections are reset once at the switch; the host-CPU alarms come or go with the size (kept up to two vCPUs)")
            .onApply("ModifyReplicationGroup(CacheNodeType)")
            .build();

    public static final Variable SUBNET_IDS = Variable.stringList("subnet_ids").required()
            .description("Private subnet ids for the subnet group; Multi-AZ needs subnets in at least two availability zones.")
            .rule(Rules.notEmpty("a non-empty list", List.of()))
            .rule(Rules.eachMatches("^subnet-[0-9a-f]+$", "a list of subnet ids (subnet-...)", List.of("sg-0123abcd")))
            .fromResource(FromResource.SUBNET_IDS)
            .onRunningCluster(OnRunningCluster.IN_PLACE, List.of("subnet-0a1b2c3d", "subnet-4e5f6a7b", "subnet-8c9d0e1f"), "the subnet group changes; the nodes stay where they are")
            .onApply("ModifyCacheSubnetGroup(CacheSubnetGroupDescription, SubnetIds)")
            .build();

    public static final Variable ENGINE = Variable.string("engine").defaultValue("redis")
            .description("Cache engine: redis (Redis OSS) or valkey (same protocol and URLs, lower node price). A running "
                    + "Redis OSS 7 cluster switches to Valkey in place: set engine = \"valkey\" and engine_version = \"8.0\" "
                    + "(or 7.2) together. Default redis.")
            .rule(Rules.oneOf(List.of("redis", "valkey"), "memcached"))
            .onRunningCluster(OnRunningCluster.DISRUPTIVE, Map.of(), Map.of("engine", "valkey", "engine_version", "8.0"), "Redis OSS 7 to Valkey 7.2 or 8 in place: each node restarts on Valkey in turn")
            .onApply("CreateCacheParameterGroup", "ModifyCacheParameterGroup(ParameterNameValues)", "ModifyReplicationGroup(CacheParameterGroupName, Engine, EngineVersion)", "DeleteCacheParameterGroup")
            .onRunningCluster(OnRunningCluster.REPLACES, Map.of("engine", "valkey", "engine_version", "8.0"), Map.of("engine", "redis", "engine_version", "7.1"), "there is no way back from Valkey to Redis OSS in place: a new cluster")
            .onApply("DeleteReplicationGroup", "CreateCacheParameterGroup", "ModifyCacheParameterGroup(ParameterNameValues)", "CreateReplicationGroup", "DeleteCacheParameterGroup")
            .build();

    static final List<String> REDIS_VERSIONS = List.of("7.1", "7.0", "6.2", "6.0", "6.x");
    static final List<String> VALKEY_VERSIONS = List.of("8.1", "8.0", "7.2");

    public static final Variable ENGINE_VERSION = Variable.string("engine_version").defaultValue("7.1")
            .description("Engine version. Redis: 7.0 or 7.1 (parameter group family redis7), or 6.0, 6.2, 6.x (redis6.x). "
                    + "Valkey: 7.2 (valkey7), 8.0 or 8.1 (valkey8). Default 7.1, so engine = \"valkey\" needs a version.")
            .rule(Rules.matches("^(7[.][012]|8[.][01]|6[.](0|2|x))$",
                    "one of 7.1, 7.0, 6.2, 6.0, 6.x (redis) or 8.1, 8.0, 7.2 (valkey)", "7.1.0"))
            .onRunningCluster(OnRunningCluster.DISRUPTIVE, Map.of("engine_version", "7.0"), Map.of("engine_version", "7.1"), "an upgrade restarts each node on the new version in turn, replicas first, then a failover")
            .onApply("ModifyReplicationGroup(EngineVersion)")
            .onRunningCluster(OnRunningCluster.REPLACES, Map.of("engine_version", "7.1"), Map.of("engine_version", "7.0"), "ElastiCache cannot downgrade a running cluster: a new one is created")
            .onApply("DeleteReplicationGroup", "CreateReplicationGroup")
            .onRunningCluster(OnRunningCluster.DISRUPTIVE, Map.of("environment", "prod", "engine_version", "6.2"), Map.of("engine_version", "7.1"),
                    "a new family (redis6.x -> redis7): the new parameter group is created first and the upgrade applies at once, "
                            + "even in prod, since the old group is deleted in the same apply and ElastiCache keeps a group in use")
            .onApply("CreateCacheParameterGroup", "ModifyCacheParameterGroup(ParameterNameValues)", "ModifyReplicationGroup(CacheParameterGroupName, EngineVersion)", "DeleteCacheParameterGroup")
            .build();

    public static final Variable NUM_CACHE_CLUSTERS = Variable.number("num_cache_clusters").defaultValue(2)
            .description("Number of nodes: 1 primary plus replicas, 1-6. Failover and Multi-AZ need at least 2. Default 2.")
            .rule(Rules.between(1, 6, "a primary and at most 5 replicas", 7))
            .onRunningCluster(OnRunningCluster.IN_PLACE, 3, "a replica is added (or removed); the primary keeps serving")
            .onApply("IncreaseReplicaCount(NewReplicaCount)")
            .build();

    public static final Variable AUTOMATIC_FAILOVER_ENABLED = Variable.bool("automatic_failover_enabled").defaultValue(true)
            .description("Promote a replica when the primary fails; needs num_cache_clusters >= 2. Default true.")
            .onRunningCluster(OnRunningCluster.IN_PLACE, Map.of(), Map.of("automatic_failover_enabled", false, "multi_az_enabled", false), "failover off (with Multi-AZ off, which needs it)")
            .onApply("ModifyReplicationGroup(AutomaticFailoverEnabled, MultiAZEnabled)")
            .safeguard(false, "no automatic failover when the primary fails")
            .build();

    public static final Variable MULTI_AZ_ENABLED = Variable.bool("multi_az_enabled").defaultValue(true)
            .description("Place replicas in other availability zones; needs automatic_failover_enabled. Default true.")
            .onRunningCluster(OnRunningCluster.IN_PLACE, false, "the standby placement changes; no restart")
            .onApply("ModifyReplicationGroup(MultiAZEnabled)")
            .safeguard(false, "no standby in another availability zone")
            .build();

    public static final Variable AT_REST_ENCRYPTION_ENABLED = Variable.bool("at_rest_encryption_enabled").defaultValue(true)
            .description("Encrypt data on disk and in snapshots (AWS managed KMS key). Default true.")
            .onRunningCluster(OnRunningCluster.REPLACES, false, "encryption at rest is fixed when a cluster is created")
            .onApply("DeleteReplicationGroup", "CreateReplicationGroup")
            .safeguard(false, "data and snapshots are stored unencrypted")
            .build();

    static final String KMS_KEY_ARN_FORMAT = "^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[A-Za-z0-9-]+$";

    public static final Variable KMS_KEY_ARN = Variable.string("kms_key_arn")
            .description("ARN of a customer-managed KMS key for at-rest encryption of the nodes and snapshots; needs "
                    + "at_rest_encryption_enabled. Changing it replaces the cluster. Default null: the AWS managed key.")
            .rule(Rules.matches(KMS_KEY_ARN_FORMAT, "a KMS key ARN (arn:aws:kms:<region>:<account>:key/<key id>)", "alias/redis"))
            .fromResource(FromResource.KMS_KEY_ARN)
            .onRunningCluster(OnRunningCluster.REPLACES, "arn:aws:kms:eu-west-1:123456789012:key/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d", "the at-rest key is fixed when a cluster is created")
            .onApply("DeleteReplicationGroup", "CreateReplicationGroup")
            .build();

    public static final Variable LOG_KMS_KEY_ARN = Variable.string("log_kms_key_arn")
            .description("ARN of a KMS key that encrypts the slow-log and engine-log groups; its key policy must allow "
                    + "the CloudWatch Logs service of the region. Default null: CloudWatch Logs' own encryption.")
            .rule(Rules.matches(KMS_KEY_ARN_FORMAT, "a KMS key ARN (arn:aws:kms:<region>:<account>:key/<key id>)",
                    "arn:aws:kms:eu-west-1:123456789012:alias/logs"))
            .fromResource(FromResource.KMS_KEY_ARN)
            .onRunningCluster(OnRunningCluster.IN_PLACE, "arn:aws:kms:eu-west-1:123456789012:key/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d", "the log groups are re-keyed; the cluster is not touched")
            .build();

    public static final Variable TRANSIT_ENCRYPTION_ENABLED = Variable.bool("transit_encryption_enabled").defaultValue(true)
            .description("TLS between clients and Redis; the URLs then use rediss://. Default true.")
            .onRunningCluster(OnRunningCluster.REFUSED, false, "TLS goes off only from transit_encryption_mode = \"preferred\": set that first, apply, then turn TLS off")
            .onRunningCluster(OnRunningCluster.DISRUPTIVE, Map.of("transit_encryption_mode", "preferred"),
                    Map.of("transit_encryption_enabled", false, "transit_encryption_mode", RunningChange.UNSET),
                    "the second step of turning TLS off (engine 7.0.5 or later): clients move to redis://")
            .onApply("ModifyReplicationGroup(TransitEncryptionEnabled=false)")
            .onRunningCluster(OnRunningCluster.REFUSED, Map.of("transit_encryption_enabled", false), Map.of("transit_encryption_enabled", true),
                    "TLS goes on only with transit_encryption_mode = \"preferred\" in the same apply")
            .onRunningCluster(OnRunningCluster.DISRUPTIVE, Map.of("transit_encryption_enabled", false),
                    Map.of("transit_encryption_enabled", true, "transit_encryption_mode", "preferred"),
                    "TLS on, plain connections still served (engine 7.0.5 or later): move clients to rediss://, then set required")
            .onApply("ModifyReplicationGroup(TransitEncryptionEnabled=true, TransitEncryptionMode=preferred)")
            .safeguard(false, "traffic is unencrypted and AUTH is impossible")
            .build();

    public static final Variable AUTH_TOKEN_ENABLED = Variable.bool("auth_token_enabled").defaultValue(false)
            .description("Require a Redis AUTH token; needs transit_encryption_enabled. The token is auth_token if set, "
                    + "otherwise a generated 32-character alphanumeric password. Default false.")
            .onRunningCluster(OnRunningCluster.IN_PLACE, Map.of(), Map.of("auth_token_enabled", true, "auth_token_update_strategy", "SET"),
                    "two applies: this one adds the token with ROTATE (ElastiCache accepts SET only after it), so clients without "
                            + "it are still served; the next apply sends SET (the strategy given) and refuses them")
            .onApply("ModifyReplicationGroup(AuthToken, AuthTokenUpdateStrategy=ROTATE)")
            .onRunningCluster(OnRunningCluster.REFUSED, Map.of("auth_token_enabled", true, "auth_token", "Not-a-secret-running-token-1"),
                    Map.of("auth_token_enabled", false, "auth_token", RunningChange.UNSET),
                    "ElastiCache cannot remove a token in place: move to rbac_users, or restore a new cluster without AUTH")
            .build();

    public static final Variable AUTH_TOKEN = Variable.string("auth_token").sensitive()
            .description("AUTH token to use instead of a generated one (only with auth_token_enabled): 16-128 printable "
                    + "characters, specials limited to ! & # $ ^ < > -. Default null (generate one).")
            .rule(Rules.matches(TOKEN_CHARACTERS,
                    "16-128 letters, digits or the specials ! & # $ ^ < > -", "Not-a-secret@"))
            .fromResource(FromResource.SECRET)
            .onRunningCluster(OnRunningCluster.IN_PLACE, Map.of("auth_token_enabled", true, "auth_token", "Not-a-secret-running-token-1"), Map.of("auth_token", "Not-a-secret-running-token-2"), "rotated: the old and the new token both work until clients move")
            .onApply("ModifyReplicationGroup(AuthToken, AuthTokenUpdateStrategy=ROTATE)")
            .build();

    public static final Variable AUTH_TOKEN_UPDATE_STRATEGY = Variable.string("auth_token_update_strategy").defaultValue("ROTATE")
            .description("How a changed auth_token is applied to a running cluster: ROTATE (old and new token both valid "
                    + "until clients move; never a replacement), SET (only the new token; use it when adding the first token "
                    + "to a passwordless cluster, since ROTATE would keep passwordless access open), DELETE. Default ROTATE.")
            .rule(Rules.oneOf(List.of("ROTATE", "SET", "DELETE"), "rotate"))
            .onRunningCluster(OnRunningCluster.IN_PLACE, Map.of("auth_token_enabled", true, "auth_token", "Not-a-secret-running-token-1"), Map.of("auth_token_update_strategy", "SET"),
                    "sent at once, even in prod (token calls apply immediately): only the current token works from then on")
            .onApply("ModifyReplicationGroup(AuthToken, AuthTokenUpdateStrategy=SET)")
            .build();

    public static final Variable TRANSIT_ENCRYPTION_MODE = Variable.string("transit_encryption_mode")
            .description("preferred (TLS and plain connections both accepted) or required. To turn TLS on for a running "
                    + "cluster without replacing it (engine 7.0.5+): transit_encryption_enabled = true with preferred, move "
                    + "clients to rediss://, then required. Default null: AWS's default (required when TLS is on).")
            .rule(Rules.oneOf(List.of("preferred", "required"), "optional"))
            .onRunningCluster(OnRunningCluster.IN_PLACE, "preferred", "plain connections are accepted beside TLS ones")
            .onApply("ModifyReplicationGroup(TransitEncryptionMode=preferred)")
            .onRunningCluster(OnRunningCluster.IN_PLACE, Map.of("transit_encryption_mode", "preferred"),
                    Map.of("transit_encryption_mode", RunningChange.UNSET), "required is sent: plain connections are refused from then on")
            .onApply("ModifyReplicationGroup(TransitEncryptionMode=required)")
            .build();

    public static final Variable ENVIRONMENT = Variable.string("environment").required()
            .description("Deployment environment: dev, staging or prod. Outside prod, changes apply immediately; "
                    + "in prod they wait for the maintenance window (unless apply_immediately).")
            .rule(Rules.oneOf(List.of("dev", "staging", "prod"), "production"))
            .onRunningCluster(OnRunningCluster.IN_PLACE, "prod", "from then on protected, changes wait for the maintenance window")
            .onApply("AddTagsToResource(Tags)", "ModifyReplicationGroup(ReplicationGroupDescription)")
            .build();

    public static final Variable APPLY_IMMEDIATELY = Variable.bool("apply_immediately")
            .description("Apply changes of the replication group at once rather than in the next maintenance window (a resize "
                    + "or a security patch in prod that cannot wait; a node type or engine change then restarts or fails over "
                    + "nodes during the apply). Token, replica and parameter changes apply at once anyway. Default null: true "
                    + "outside prod, false in prod; an explicit true in prod is listed by build/synth among the safeguards turned off.")
            .onRunningCluster(OnRunningCluster.RECORDED_ONLY, Map.of("environment", "prod"), Map.of("apply_immediately", true),
                    "only how the next changes are applied: nothing is sent until one comes")
            .safeguard(true, "changes skip the maintenance window: a node type or engine change restarts nodes during the apply")
            .build();

    public static final Variable PREVENT_DESTROY = Variable.bool("prevent_destroy")
            .description("Refuse to destroy the replication group (lifecycle prevent_destroy). Default null: true in prod, "
                    + "false elsewhere; set false explicitly to allow destroying a prod cluster.")
            .onRunningCluster(OnRunningCluster.IN_PLACE, true, "the guard is added; the cluster is not touched")
            .safeguard(false, "the replication group can be destroyed")
            .build();

    public static final Variable SKIP_FINAL_SNAPSHOT = Variable.bool("skip_final_snapshot").defaultValue(false)
            .description("Delete without the final snapshot <name>-final-<8 hex digits> (the suffix is new for every cluster "
                    + "created under the name, so destroying and recreating a cluster never collides with an earlier final "
                    + "snapshot). Not allowed in prod. Default false.")
            .onRunningCluster(OnRunningCluster.IN_PLACE, true, "only what happens at a later destroy changes")
            .safeguard(true, "deleting the cluster leaves no final snapshot")
            .build();

    public static final Variable FINAL_SNAPSHOT_IDENTIFIER = Variable.string("final_snapshot_identifier")
            .description("Name of the snapshot taken when the cluster is deleted, before its unique suffix. Default null: "
                    + "<name>-final.")
            .rule(Rules.matches("^[A-Za-z]([A-Za-z0-9-]{0,229}[A-Za-z0-9])?$", "1-231 letters, digits or hyphens, starting with a "
                    + "letter and not ending with a hyphen (the 8-character suffix follows)", "1-final"))
            .rule(Rules.doesNotContain("--", "without two hyphens in a row", "orders--final"))
            .onRunningCluster(OnRunningCluster.RECORDED_ONLY, "orders-cache-last", "used only when the cluster is deleted")
            .build();

    public static final Variable FINAL_SNAPSHOT_UNIQUE_SUFFIX = Variable.bool("final_snapshot_unique_suffix").defaultValue(true)
            .description("Append -<8 hex digits> to the final snapshot's name, new for every cluster created under the name, "
                    + "so destroying a recreated cluster never collides with the earlier one's final snapshot. false: the exact "
                    + "name, and a second destroy under it fails until that snapshot is deleted. Default true.")
            .onRunningCluster(OnRunningCluster.RECORDED_ONLY, false, "used only when the cluster is deleted")
            .build();

    public static final Variable DESCRIPTION = Variable.string("description")
            .description("Description of the replication group. Default null: \"Redis for <name> (<environment>)\".")
            .rule(Rules.matches("^.{1,255}$", "1-255 characters", ""))
            .onRunningCluster(OnRunningCluster.IN_PLACE, "Orders cache", "a label")
            .onApply("ModifyReplicationGroup(ReplicationGroupDescription)")
            .build();

    public static final Variable SNAPSHOT_NAME = Variable.string("snapshot_name")
            .description("Restore: create the cluster from this ElastiCache snapshot (a final snapshot <name>-final-..., or a "
                    + "manual one). Only when the cluster is created: set on a running cluster, it replaces it with a new one "
                    + "from the snapshot. Not with snapshot_arns. Default null: an empty cluster.")
            .rule(Rules.matches("^[A-Za-z][A-Za-z0-9-]{0,254}$", "1-255 letters, digits or hyphens, starting with a letter", "2026/nightly"))
            .onRunningCluster(OnRunningCluster.REPLACES, "django-cache-final-0a1b2c3d",
                    "a cluster is restored when it is created: a new cluster from the snapshot replaces the running one")
            .onApply("DeleteReplicationGroup", "CreateReplicationGroup")
            .build();

    public static final Variable SNAPSHOT_ARNS = Variable.stringList("snapshot_arns")
            .description("Restore: create the cluster from Redis RDB files in S3 (arn:aws:s3:::bucket/key.rdb), e.g. an export "
                    + "or a self-managed Redis. Only when the cluster is created, like snapshot_name. Default null.")
            .rule(Rules.eachMatches("^arn:aws[a-z-]*:s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]/.+$",
                    "a list of S3 object ARNs (arn:aws:s3:::bucket/key.rdb)", List.of("s3://backups/redis.rdb")))
            .onRunningCluster(OnRunningCluster.REPLACES, List.of("arn:aws:s3:::redis-backups/orders/dump.rdb"),
                    "a cluster is seeded when it is created: a new cluster from the files replaces the running one")
            .onApply("DeleteReplicationGroup", "CreateReplicationGroup")
            .build();

    public static final Variable SNAPSHOT_RETENTION_LIMIT = Variable.number("snapshot_retention_limit").defaultValue(7)
            .description("Days of automatic daily snapshots to keep, 0-35; 0 turns backups off. Default 7.")
            .rule(Rules.between(0, 35, "AWS keeps at most 35 daily snapshots; 0 disables them", 36))
            .onRunningCluster(OnRunningCluster.IN_PLACE, 14, "more daily snapshots are kept")
            .onApply("ModifyReplicationGroup(SnapshotRetentionLimit)")
            .safeguard(0, "no automatic backups")
            .build();

    public static final Variable SNAPSHOT_WINDOW = Variable.string("snapshot_window").defaultValue("03:00-04:00")
            .description("Daily UTC window for snapshots, hh24:mi-hh24:mi, at least 60 minutes, not overlapping "
                    + "maintenance_window. Default 03:00-04:00.")
            .rule(Rules.matches(Windows.SNAPSHOT_FORMAT, "in the format hh24:mi-hh24:mi, e.g. 03:00-04:00", "3:00-4:00"))
            .rule(new Rule("at least 60 minutes long", "try(" + Windows.hclSnapshotLength(Rule.VALUE) + " >= 60, true)",
                    value -> !((String) value).matches(Windows.SNAPSHOT_FORMAT) || Windows.snapshotLength((String) value) >= 60,
                    "03:00-03:30"))
            .onRunningCluster(OnRunningCluster.IN_PLACE, "02:00-03:00", "the next snapshot runs in the new window")
            .onApply("ModifyReplicationGroup(SnapshotWindow)")
            .build();

    public static final Variable MAINTENANCE_WINDOW = Variable.string("maintenance_window").defaultValue("sun:05:00-sun:06:00")
            .description("Weekly UTC maintenance window, ddd:hh24:mi-ddd:hh24:mi, at least 60 minutes. "
                    + "Default sun:05:00-sun:06:00.")
            .rule(Rules.matches(Windows.MAINTENANCE_FORMAT,
                    "in the format ddd:hh24:mi-ddd:hh24:mi, e.g. sun:05:00-sun:06:00", "sunday:05:00-06:00"))
            .rule(new Rule("at least 60 minutes long", "try(" + Windows.hclMaintenanceLength(Rule.VALUE) + " >= 60, true)",
                    value -> !((String) value).matches(Windows.MAINTENANCE_FORMAT) || Windows.maintenanceLength((String) value) >= 60,
                    "sun:05:00-sun:05:30"))
            .onRunningCluster(OnRunningCluster.IN_PLACE, "mon:05:00-mon:06:00", "the next maintenance runs in the new window")
            .onApply("ModifyReplicationGroup(PreferredMaintenanceWindow)")
            .build();

    public static final Variable MAXMEMORY_POLICY = Variable.string("maxmemory_policy").defaultValue("volatile-lru")
            .engineParameter("maxmemory-policy")
            .description("Eviction policy when memory is full. Default volatile-lru: only keys with a TTL are evicted, "
                    + "so Django's cache entries (300 s by default) make room and Celery's queued tasks on DB 1 are never "
                    + "evicted. allkeys-lru (the original module's default) evicts queued tasks and kombu's bindings too "
                    + "when the cache fills the node; use it only on a cluster without a Celery broker.")
            .rule(Rules.oneOf(List.of("volatile-lru", "allkeys-lru", "volatile-lfu", "allkeys-lfu", "volatile-random",
                    "allkeys-random", "volatile-ttl", "noeviction"), "lru"))
            .onRunningCluster(OnRunningCluster.IN_PLACE, "allkeys-lru", "a parameter: applied at once, no restart")
            .onApply("ModifyCacheParameterGroup(ParameterNameValues)")
            .safeguard(List.of("allkeys-lru", "allkeys-lfu", "allkeys-random"), "a cache that fills the node can evict queued Celery tasks on DB 1")
            .build();

    public static final Variable TIMEOUT = Variable.number("timeout").defaultValue(300)
            .engineParameter("timeout")
            .description("Seconds before an idle client connection is closed; 0 never closes. Default 300.")
            .rule(Rules.atLeast(0, "seconds; 0 disables", -1))
            .onRunningCluster(OnRunningCluster.IN_PLACE, 0, "a parameter: applied at once, no restart")
            .onApply("ModifyCacheParameterGroup(ParameterNameValues)")
            .build();

    public static final Variable TCP_KEEPALIVE = Variable.number("tcp_keepalive").defaultValue(300)
            .engineParameter("tcp-keepalive")
            .description("Seconds between TCP keepalive probes to clients; 0 disables. Default 300.")
            .rule(Rules.atLeast(0, "seconds; 0 disables", -1))
            .onRunningCluster(OnRunningCluster.IN_PLACE, 60, "a parameter: applied at once, no restart")
            .onApply("ModifyCacheParameterGroup(ParameterNameValues)")
            .build();

    public static final Variable MAXMEMORY_SAMPLES = Variable.number("maxmemory_samples").defaultValue(5)
            .engineParameter("maxmemory-samples")
            .description("Keys sampled per eviction (LRU/LFU accuracy), 1-64. Default 5.")
            .rule(Rules.between(1, 64, "ElastiCache's range", 0))
            .onRunningCluster(OnRunningCluster.IN_PLACE, 10, "a parameter: applied at once, no restart")
            .onApply("ModifyCacheParameterGroup(ParameterNameValues)")
            .build();

    public static final Variable NOTIFY_KEYSPACE_EVENTS = Variable.string("notify_keyspace_events")
            .engineParameter("notify-keyspace-events")
            .description("Keyspace events Redis publishes, e.g. Ex for expired-key events (presence cleanup). "
                    + "Default null: the parameter is left at Redis' default (no events).")
            .rule(Rules.matches("^[KEg$lshzxetmdnA]{1,16}$", "event class letters from K E g $ l s h z x e t m d n A", "expired"))
            .onRunningCluster(OnRunningCluster.IN_PLACE, "Ex", "a parameter: applied at once, no restart")
            .onApply("ModifyCacheParameterGroup(ParameterNameValues)")
            .build();

    static final String ENGINE_PARAMETER_NAME = "^[a-z][a-z0-9-]{0,63}$";

    public static final Variable PARAMETERS = Variable.stringMap("parameters").defaultValue(Map.of())
            .description("More engine parameters of the module's parameter group, merged over the tuned ones, e.g. "
                    + "{ activedefrag = \"yes\", \"lazyfree-lazy-eviction\" = \"yes\", \"reserved-memory-percent\" = \"25\" }. A "
                    + "parameter a typed input sets (maxmemory-policy, timeout...) is refused with that input's name. Most "
                    + "apply to running nodes at once; the ones the ElastiCache parameter reference marks \"Changes take "
                    + "effect: after restart\" wait for a reboot. A name the engine's family cannot set is refused at plan (the module README "
                    + "lists them; unchecked_parameter_names lets through one the list lacks). Default {}.")
            .rule(new Rule("a map of engine parameter names (lowercase letters, digits and hyphens, as ElastiCache spells them) "
                    + "to non-empty values", "alltrue([for name, value in VALUE : can(regex(\"" + ENGINE_PARAMETER_NAME + "\", name)) && value != \"\"])",
                    value -> ((Map<?, ?>) value).entrySet().stream().allMatch(e -> String.valueOf(e.getKey()).matches(ENGINE_PARAMETER_NAME)
                            && !String.valueOf(e.getValue()).isEmpty()),
                    Map.of("lazyfree_lazy_eviction", "yes")))
            .onRunningCluster(OnRunningCluster.IN_PLACE, Map.of("activedefrag", "yes"), "a parameter: applied at once (see the parameter's "
                    + "reference for the few that wait for a restart)")
            .onApply("ModifyCacheParameterGroup(ParameterNameValues)")
            .onRunningCluster(OnRunningCluster.IN_PLACE, Map.of("parameters", Map.of("activedefrag", "yes")), Map.of("parameters", Map.of()),
                    "the parameter goes back to the engine's default")
            .onApply("ResetCacheParameterGroup(ParameterNameValues)")
            .build();

    public static final Variable UNCHECKED_PARAMETER_NAMES = Variable.stringList("unchecked_parameter_names").defaultValue(List.of())
            .description("Keys of parameters that skip the module's check against the family's parameter list (the module "
                    + "README lists it): for a parameter ElastiCache added after this release. ElastiCache still refuses an "
                    + "unknown or read-only name, at apply. Default [].")
            .rule(Rules.eachMatches(ENGINE_PARAMETER_NAME, "a list of engine parameter names (lowercase letters, digits and hyphens)",
                    List.of("Activedefrag")))
            .onRunningCluster(OnRunningCluster.NO_CHANGE, List.of("new-parameter"), "only what the module checks at plan: nothing to plan")
            .build();

    public static final Variable NOTIFICATION_TOPIC_ARN = Variable.string("notification_topic_arn")
            .description("SNS topic ARN for ElastiCache events (failover, maintenance...). Default null: no notifications.")
            .rule(Rules.matches(SNS_TOPIC_ARN_FORMAT, "an SNS topic ARN (arn:aws:sns:<region>:<account>:<topic>)", "alerts"))
            .fromResource(FromResource.SNS_TOPIC_ARN)
            .onRunningCluster(OnRunningCluster.IN_PLACE, "arn:aws:sns:eu-west-1:123456789012:redis-alerts", "events go to the new topic")
            .onApply("ModifyReplicationGroup(NotificationTopicArn)")
            .build();

    public static final Variable LOG_RETENTION_DAYS = Variable.number("log_retention_days").defaultValue(30)
            .description("Days to keep slow-log and engine-log in CloudWatch (log_destination_type cloudwatch-logs); a CloudWatch "
                    + "retention value. Default 30.")
            .rule(Rules.oneOfNumbers(List.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096,
                    1827, 2192, 2557, 2922, 3288, 3653), "the retention periods CloudWatch Logs accepts", 10))
            .onRunningCluster(OnRunningCluster.IN_PLACE, 90, "the log groups keep logs longer")
            .build();

    static final String CLOUDWATCH_LOGS = "cloudwatch-logs";
    static final String KINESIS_FIREHOSE = "kinesis-firehose";

    public static final Variable LOG_DESTINATION_TYPE = Variable.string("log_destination_type").defaultValue(CLOUDWATCH_LOGS)
            .description("Where slow-log and engine-log go: cloudwatch-logs (the module's two log groups) or kinesis-firehose "
                    + "(log_firehose_delivery_stream; no log groups are created). Default cloudwatch-logs.")
            .rule(Rules.oneOf(List.of(CLOUDWATCH_LOGS, KINESIS_FIREHOSE), "firehose"))
            .onRunningCluster(OnRunningCluster.IN_PLACE, Map.of(), Map.of("log_destination_type", KINESIS_FIREHOSE,
                            "log_firehose_delivery_stream", "platform-redis-logs"),
                    "the logs go to the stream from then on; the module's log groups are deleted with the logs they hold")
            .onApply("ModifyReplicationGroup(LogDeliveryConfigurations)")
            .build();

    public static final Variable LOG_FIREHOSE_DELIVERY_STREAM = Variable.string("log_firehose_delivery_stream")
            .description("Name of the Kinesis Data Firehose delivery stream that receives the logs, with log_destination_type "
                    + "= kinesis-firehose. Default null.")
            .rule(Rules.matches("^[A-Za-z0-9_.-]{1,64}$", "a delivery stream name: 1-64 letters, digits, underscores, dots or hyphens",
                    "platform redis logs"))
            .fromResource(FromResource.FIREHOSE_STREAM_NAME)
            .onRunningCluster(OnRunningCluster.IN_PLACE, Map.of("log_destination_type", KINESIS_FIREHOSE,
                            "log_firehose_delivery_stream", "platform-redis-logs"), Map.of("log_firehose_delivery_stream", "platform-redis-logs-b"),
                    "the logs go to the other stream from then on")
            .onApply("ModifyReplicationGroup(LogDeliveryConfigurations)")
            .build();

    public static final Variable TAGS = Variable.stringMap("tags").defaultValue(Map.of())
            .description("Tags for every resource, merged over Environment = <environment>. Default {}.")
            .onRunningCluster(OnRunningCluster.IN_PLACE, Map.of("Team", "orders"), "tags only")
            .onApply("AddTagsToResource(Tags)")
            .build();

    public static final Variable VPC_ID = Variable.string("vpc_id")
            .description("VPC of the subnets, where the security group is created. Default null: the subnets' VPC, as "
                    + "the subnet group reports it (no data source, nothing read at plan).")
            .rule(Rules.matches("^vpc-[0-9a-f]+$", "a VPC id (vpc-...)", "default"))
            .fromResource(FromResource.VPC_ID)
            .onRunningCluster(OnRunningCluster.REFUSED, "vpc-0e1f2a3b",
                    "a running cluster cannot move to another VPC: a new cluster there, restored from a snapshot")
            .build();

    public static final Variable CREATE_SECURITY_GROUP = Variable.bool("create_security_group").defaultValue(true)
            .description("Create the Redis security group (ingress only from the allowed sources). With false, "
                    + "security_group_ids must name the group(s) to attach. Default true.")
            .onRunningCluster(OnRunningCluster.DISRUPTIVE, Map.of(), Map.of("create_security_group", false, "security_group_ids", List.of("sg-0f0e0d0c")), "the created group and its rules go: the given group must admit the clients")
            .onApply("ModifyReplicationGroup(SecurityGroupIds)")
            .build();

    public static final Variable SECURITY_GROUP_IDS = Variable.stringList("security_group_ids").defaultValue(List.of())
            .description("Existing security groups to attach to the nodes, in addition to the created one, or instead "
                    + "of it with create_security_group = false. Default [].")
            .rule(Rules.eachMatches("^sg-[0-9a-f]+$", "a list of security group ids (sg-...)", List.of("redis")))
            .fromResource(FromResource.SECURITY_GROUP_IDS)
            .onRunningCluster(OnRunningCluster.IN_PLACE, List.of("sg-0f0e0d0c"), "one more group on the nodes")
            .onApply("ModifyReplicationGroup(SecurityGroupIds)")
            .build();

    public static final Variable ALLOWED_SECURITY_GROUP_IDS = Variable.stringList("allowed_security_group_ids").defaultValue(List.of())
            .description("Security groups whose members may connect on port. Default []: nobody unless allowed_cidr_blocks says so.")
            .rule(Rules.eachMatches("^sg-[0-9a-f]+$", "a list of security group ids (sg-...)", List.of("web")))
            .fromResource(FromResource.SECURITY_GROUP_IDS)
            .onRunningCluster(OnRunningCluster.IN_PLACE, List.of("sg-0a1b2c3d"), "one ingress rule added; the others stay")
            .build();

    public static final Variable ALLOWED_CIDR_BLOCKS = Variable.stringList("allowed_cidr_blocks").defaultValue(List.of())
            .description("IPv4 CIDR blocks that may connect on port; never 0.0.0.0/0. Default [].")
            .rule(new Rule("a list of IPv4 CIDR blocks such as 10.0.0.0/16",
                    "alltrue([for cidr in VALUE : can(cidrnetmask(cidr))])",
                    value -> ((List<?>) value).stream().allMatch(c -> ((String) c).matches(
                            "^(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])([.](25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])){3}/([0-9]|[12][0-9]|3[0-2])$")),
                    List.of("10.0.0.0")))
            .rule(new Rule("free of open ranges: a /0 block lets the whole internet in",
                    "alltrue([for cidr in VALUE : !endswith(cidr, \"/0\")])",
                    value -> ((List<?>) value).stream().noneMatch(c -> ((String) c).endsWith("/0")),
                    List.of("0.0.0.0/0")))
            .fromResource(FromResource.CIDR_BLOCKS)
            .onRunningCluster(OnRunningCluster.IN_PLACE, List.of("10.0.0.0/16"), "one ingress rule added; the others stay")
            .build();

    public static final Variable PORT = Variable.number("port").defaultValue(6379)
            .description("TCP port Redis listens on, 1024-65535. Default 6379.")
            .rule(Rules.between(1024, 65535, "an unprivileged TCP port", 80))
            .onRunningCluster(OnRunningCluster.REPLACES, 6380, "the port is fixed when a cluster is created")
            .onApply("DeleteReplicationGroup", "CreateReplicationGroup")
            .build();

    public static final Variable ALARMS_ENABLED = Variable.bool("alarms_enabled").defaultValue(true)
            .description("CloudWatch alarms on every member node (<name>-001, -002, ...): EngineCPUUtilization, "
                    + "DatabaseMemoryUsagePercentage, Evictions, CurrConnections, and CPUUtilization on nodes with at most "
                    + "2 vCPUs. Each node has its own alarm: alarms on the replication group id get no data. Default true.")
            .onRunningCluster(OnRunningCluster.IN_PLACE, false, "the alarms go; the cluster is not touched")
            .build();

    public static final Variable ALARM_TOPIC_ARNS = Variable.stringList("alarm_topic_arns")
            .description("SNS topics notified when an alarm fires and when it recovers. Default null: "
                    + "notification_topic_arn when it is set, otherwise the alarms notify nobody.")
            .rule(Rules.eachMatches(SNS_TOPIC_ARN_FORMAT, "a list of SNS topic ARNs", List.of("alerts")))
            .fromResource(FromResource.SNS_TOPIC_ARNS)
            .onRunningCluster(OnRunningCluster.IN_PLACE, List.of("arn:aws:sns:eu-west-1:123456789012:redis-alerts"), "alarms notify the new topics")
            .build();

    public static final Variable ALARM_ENGINE_CPU_THRESHOLD = Variable.number("alarm_engine_cpu_threshold").defaultValue(80)
            .description("Percent of the Redis engine thread's CPU (EngineCPUUtilization, average over 5 minutes, 3 "
                    + "periods in a row) that raises the alarm, 1-100. Default 80: room to react before the single "
                    + "engine thread saturates.")
            .rule(Rules.between(1, 100, "a percentage", 0))
            .onRunningCluster(OnRunningCluster.IN_PLACE, 70, "the alarms change; the cluster is not touched")
            .build();

    public static final Variable ALARM_CPU_THRESHOLD = Variable.number("alarm_cpu_threshold").defaultValue(45)
            .description("Percent of host CPU (CPUUtilization) that raises the alarm on nodes with at most 2 vCPUs "
                    + "(micro, small, medium, large), where AWS recommends watching it, 1-100. Default 45: 90% of one of "
                    + "the two cores, since Redis runs commands on one.")
            .rule(Rules.between(1, 100, "a percentage", 101))
            .onRunningCluster(OnRunningCluster.IN_PLACE, 60, "the alarms change; the cluster is not touched")
            .build();

    public static final Variable ALARM_MEMORY_THRESHOLD = Variable.number("alarm_memory_threshold").defaultValue(80)
            .description("Percent of maxmemory in use (DatabaseMemoryUsagePercentage) that raises the alarm, 1-100. "
                    + "Default 80: evictions start at 100.")
            .rule(Rules.between(1, 100, "a percentage", 0))
            .onRunningCluster(OnRunningCluster.IN_PLACE, 90, "the alarms change; the cluster is not touched")
            .build();

    public static final Variable ALARM_EVICTIONS_THRESHOLD = Variable.number("alarm_evictions_threshold").defaultValue(100)
            .description("Keys evicted per 5 minutes (Evictions, sum, 3 periods in a row) that raise the alarm. "
                    + "Default 100: a cache that keeps evicting is too small for its working set.")
            .rule(Rules.atLeast(0, "keys per 5 minutes", -1))
            .onRunningCluster(OnRunningCluster.IN_PLACE, 500, "the alarms change; the cluster is not touched")
            .build();

    public static final Variable ALARM_CONNECTIONS_THRESHOLD = Variable.number("alarm_connections_threshold").defaultValue(5000)
            .description("Client connections (CurrConnections, maximum over 5 minutes, 3 periods in a row) that raise "
                    + "the alarm. Default 5000: 100 app processes with Django's pool of 50; a leak shows as a climb.")
            .rule(Rules.atLeast(1, "connections", 0))
            .onRunningCluster(OnRunningCluster.IN_PLACE, 10000, "the alarms change; the cluster is not touched")
            .build();

    public static final Variable CREATE_PARAMETER_GROUP = Variable.bool("create_parameter_group").defaultValue(true)
            .description("Create the parameter group with the module's tuning (maxmemory_policy, timeout, tcp_keepalive, "
                    + "maxmemory_samples, notify_keyspace_events). With false, parameter_group_name names an existing group "
                    + "and those inputs are not applied. Default true.")
            .onRunningCluster(OnRunningCluster.IN_PLACE, Map.of(), Map.of("create_parameter_group", false, "parameter_group_name", "default.redis7"),
                    "the cluster moves to the given group; its parameters apply at once")
            .onApply("ModifyReplicationGroup(CacheParameterGroupName)", "DeleteCacheParameterGroup")
            .build();

    public static final Variable PARAMETER_GROUP_NAME = Variable.string("parameter_group_name")
            .description("An existing parameter group (with create_parameter_group = false), of the engine's family, e.g. "
                    + "default.redis7. An AWS default group's family is checked at plan (it is in its name); a custom group's is "
                    + "not known at plan, and ElastiCache refuses one of another family at apply. Default null.")
            .rule(Rules.matches("^[A-Za-z][A-Za-z0-9.-]{0,254}$", "1-255 letters, digits, dots or hyphens, starting with a letter",
                    "redis_7"))
            .onRunningCluster(OnRunningCluster.IN_PLACE, Map.of("create_parameter_group", false, "parameter_group_name", "default.redis7"),
                    Map.of("parameter_group_name", "orders-redis7"), "the cluster moves to the other group; its parameters apply at once")
            .onApply("ModifyReplicationGroup(CacheParameterGroupName)")
            .fromResource(FromResource.PARAMETER_GROUP)
            .build();

    static final String DESCRIPTION_CHARACTERS = "^[A-Za-z0-9 ._:/()#,@=+&;{}!$*-]{1,255}$";

    /** The rule of every description the module passes to AWS (parameter, subnet and security groups). */
    private static Rule awsDescription(String badExample) {
        return Rules.matches(DESCRIPTION_CHARACTERS, "1-255 characters AWS allows in a description", badExample);
    }

    public static final Variable PARAMETER_GROUP_DESCRIPTION = Variable.string("parameter_group_description")
            .description("Description of the created parameter group. Default null: \"Redis tuning for <name>\". AWS cannot "
                    + "change a group's description: a new one gets a new group (<name>-<family>-<hash>), which the cluster "
                    + "moves to at once, even in prod, before the old group is deleted.")
            .rule(awsDescription("Redis | tuning"))
            .onRunningCluster(OnRunningCluster.IN_PLACE, "Orders cache tuning",
                    "a new group with the same parameters; the cluster moves to it at once, then the old group is deleted")
            .onApply("CreateCacheParameterGroup", "ModifyCacheParameterGroup(ParameterNameValues)",
                    "ModifyReplicationGroup(CacheParameterGroupName)", "DeleteCacheParameterGroup")
            .build();

    public static final Variable CREATE_SUBNET_GROUP = Variable.bool("create_subnet_group").defaultValue(true)
            .description("Create the subnet group over subnet_ids. With false, subnet_group_name names an existing one "
                    + "(subnet_ids still lists its subnets, for the Multi-AZ check). Default true.")
            .onRunningCluster(OnRunningCluster.REPLACES, Map.of(), Map.of("create_subnet_group", false, "subnet_group_name", "platform-private"),
                    "a cluster's subnet group is fixed when it is created")
            .onApply("DeleteReplicationGroup", "DeleteCacheSubnetGroup", "CreateReplicationGroup")
            .build();

    public static final Variable SUBNET_GROUP_NAME = Variable.string("subnet_group_name")
            .description("An existing subnet group (with create_subnet_group = false). Default null.")
            .rule(Rules.matches("^[a-z0-9][a-z0-9-]{0,254}$", "1-255 lowercase letters, digits or hyphens", "Private Subnets"))
            .onRunningCluster(OnRunningCluster.REPLACES, Map.of("create_subnet_group", false, "subnet_group_name", "platform-private"),
                    Map.of("subnet_group_name", "platform-private-b"), "a cluster's subnet group is fixed when it is created")
            .onApply("DeleteReplicationGroup", "CreateReplicationGroup")
            .fromResource(FromResource.SUBNET_GROUP)
            .build();

    public static final Variable SUBNET_GROUP_DESCRIPTION = Variable.string("subnet_group_description")
            .description("Description of the created subnet group. Default null: \"Private subnets of <name>\".")
            .rule(awsDescription("Private | subnets"))
            .onRunningCluster(OnRunningCluster.IN_PLACE, "Orders cache subnets", "the subnet group's description; the cluster is not touched")
            .onApply("ModifyCacheSubnetGroup(CacheSubnetGroupDescription, SubnetIds)")
            .build();

    public static final Variable PREFERRED_CACHE_CLUSTER_AZS = Variable.stringList("preferred_cache_cluster_azs")
            .description("Availability zone of each node, primary first (e.g. the app's zone): as many as num_cache_clusters. "
                    + "Default null: ElastiCache chooses.")
            .rule(Rules.eachMatches("^[a-z]{2}(-[a-z]+)+-[0-9][a-z]$", "a list of availability zones such as eu-west-1a",
                    List.of("eu-west-1")))
            .onRunningCluster(OnRunningCluster.RECORDED_ONLY, List.of("eu-west-1a", "eu-west-1b"),
                    "running nodes keep their zones; the provider sends the list only when it creates a cluster")
            .build();

    public static final Variable NETWORK_TYPE = Variable.string("network_type")
            .description("ipv4, ipv6 or dual_stack (the subnets must have the matching address families). Default null: "
                    + "ipv4.")
            .rule(Rules.oneOf(List.of("ipv4", "ipv6", "dual_stack"), "dualstack"))
            .onRunningCluster(OnRunningCluster.REPLACES, "dual_stack", "the network type is fixed when a cluster is created")
            .onApply("DeleteReplicationGroup", "CreateReplicationGroup")
            .build();

    public static final Variable IP_DISCOVERY = Variable.string("ip_discovery")
            .description("Address family the endpoints resolve to: ipv4 or ipv6 (needs network_type ipv6 or dual_stack). "
                    + "Default null: ipv4.")
            .rule(Rules.oneOf(List.of("ipv4", "ipv6"), "v6"))
            .onRunningCluster(OnRunningCluster.DISRUPTIVE, Map.of("network_type", "dual_stack"), Map.of("ip_discovery", "ipv6"),
                    "the endpoints resolve to other addresses: clients reconnect")
            .onApply("ModifyReplicationGroup(IpDiscovery)")
            .build();

    public static final Variable DATA_TIERING_ENABLED = Variable.bool("data_tiering_enabled").defaultValue(false)
            .description("Keep less-used data on the node's SSD (data tiering); only on r6gd nodes. Default false.")
            .onRunningCluster(OnRunningCluster.REPLACES, Map.of("node_type", "cache.r6gd.xlarge"), Map.of("data_tiering_enabled", true),
                    "data tiering is fixed when a cluster is created")
            .onApply("DeleteReplicationGroup", "CreateReplicationGroup")
            .onRunningCluster(OnRunningCluster.REPLACES, Map.of("node_type", "cache.r6gd.xlarge", "data_tiering_enabled", true),
                    Map.of("data_tiering_enabled", false), "data tiering is fixed when a cluster is created")
            .onApply("DeleteReplicationGroup", "CreateReplicationGroup")
            .build();

    public static final Variable AUTO_MINOR_VERSION_UPGRADE = Variable.bool("auto_minor_version_upgrade").defaultValue(true)
            .description("Apply minor engine versions in the maintenance window. Default true.")
            .onRunningCluster(OnRunningCluster.IN_PLACE, false, "only future maintenance changes")
            .onApply("ModifyReplicationGroup(AutoMinorVersionUpgrade)")
            .build();

    public static final Variable SECURITY_GROUP_TAGS = Variable.stringMap("security_group_tags").defaultValue(Map.of())
            .description("Tags of the created security group only, merged over tags. Default {}.")
            .onRunningCluster(OnRunningCluster.IN_PLACE, Map.of("Tier", "cache"), "tags only")
            .build();

    public static final Variable USER_GROUP_IDS = Variable.stringList("user_group_ids").defaultValue(List.of())
            .description("RBAC: existing ElastiCache user groups whose users may connect (each client authenticates as its "
                    + "own user). Needs transit_encryption_enabled; not with auth_token_enabled. Default [].")
            .rule(Rules.eachMatches("^[A-Za-z][A-Za-z0-9-]{0,39}$", "a list of user group ids (a letter, then letters, digits or hyphens)",
                    List.of("app_users")))
            .onRunningCluster(OnRunningCluster.DISRUPTIVE, List.of("orders-users"),
                    "clients must authenticate as users of the group from then on")
            .onApply("ModifyReplicationGroup(UserGroupIdsToAdd)")
            .fromResource(FromResource.USER_GROUP_IDS)
            .build();

    public static final Variable DNS_SUBDOMAIN = Variable.string("dns_subdomain")
            .description("A CNAME record <dns_subdomain>.<zone> pointing at the primary endpoint, in the Route 53 zone "
                    + "zone_id: a name that outlives a restore or a replacement (output host). With TLS, clients still check the "
                    + "certificate against the AWS endpoint name. Default null: no record.")
            .rule(Rules.matches("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?([.][a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$",
                    "a DNS label or dotted labels (lowercase letters, digits, hyphens)", "-redis"))
            .onRunningCluster(OnRunningCluster.IN_PLACE, Map.of("zone_id", "Z0123456789ABCDEFGHIJ"), Map.of("dns_subdomain", "orders-cache"),
                    "a record is added; the cluster is not touched")
            .build();

    public static final Variable ZONE_ID = Variable.string("zone_id")
            .description("Route 53 hosted zone of the dns_subdomain record. Default null.")
            .rule(Rules.matches("^Z[A-Z0-9]{1,31}$", "a hosted zone id (Z...)", "example.com"))
            .fromResource(FromResource.ROUTE53_ZONE_ID)
            .onRunningCluster(OnRunningCluster.IN_PLACE, Map.of("dns_subdomain", "orders-cache", "zone_id", "Z0123456789ABCDEFGHIJ"),
                    Map.of("zone_id", "Z0FEDCBA9876543210XYZ"), "the record moves to the other zone")
            .build();

    static final String DURATION = "^[0-9]+h([0-9]+m)?$|^[0-9]+m([0-9]+s)?$|^[0-9]+s$";

    public static final Variable TIMEOUTS = Variable.stringMap("timeouts").defaultValue(Map.of())
            .description("How long Terraform waits for the replication group: create, update and delete, as durations "
                    + "such as 90m or 2h (a large cluster or an engine upgrade can outlast the provider's default). Default {}.")
            .rule(new Rule("a map with the keys create, update and delete only, each a duration such as 90m, 2h or 45s",
                    "alltrue([for key, duration in VALUE : contains([\"create\", \"update\", \"delete\"], key) && can(regex(\""
                            + DURATION + "\", duration))])",
                    value -> ((Map<?, ?>) value).entrySet().stream().allMatch(e -> List.of("create", "update", "delete").contains(e.getKey())
                            && String.valueOf(e.getValue()).matches(DURATION)),
                    Map.of("create", "90 minutes")))
            .onRunningCluster(OnRunningCluster.NO_CHANGE, Map.of("update", "2h"),
                    "nothing is planned: the AWS provider records new timeouts with its next change of the cluster, which already waits as long as they say")
            .build();

    public static final Variable SECURITY_GROUP_NAME = Variable.string("security_group_name")
            .description("Name (or, with security_group_use_name_prefix, name prefix) of the created security group. "
                    + "Default null: <name>-redis.")
            .rule(Rules.matches("^[A-Za-z0-9 ._:/()#,@=+&;{}!$*-]{1,255}$", "1-255 characters AWS allows in a security group name",
                    "redis|cache"))
            .onRunningCluster(OnRunningCluster.DISRUPTIVE, "orders-redis-sg",
                    "a new group is created, the nodes move to it, then the old one is deleted: clients reconnect")
            .onApply("ModifyReplicationGroup(SecurityGroupIds)")
            .build();

    public static final Variable SECURITY_GROUP_DESCRIPTION = Variable.string("security_group_description")
            .description("Description of the created security group. Default null: \"Redis <name>: ingress only from allowed "
                    + "security groups and CIDR blocks\". Changing it replaces the group: with a fixed name that needs "
                    + "security_group_use_name_prefix, since the new group is created before the old one is deleted.")
            .rule(awsDescription("Redis | cache"))
            .onRunningCluster(OnRunningCluster.DISRUPTIVE, Map.of("security_group_use_name_prefix", true),
                    Map.of("security_group_description", "Orders cache"),
                    "a new group is created with its rules, the nodes move to it, then the old one is deleted: clients reconnect")
            .onApply("ModifyReplicationGroup(SecurityGroupIds)")
            .onRunningCluster(OnRunningCluster.REFUSED, "Orders cache",
                    "with a fixed name the new group would collide with the old one: add security_group_use_name_prefix")
            .build();

    public static final Variable SECURITY_GROUP_CREATE_TIMEOUT = Variable.string("security_group_create_timeout")
            .description("How long Terraform waits for the created security group to exist, a duration such as 10m. "
                    + "Default null: the provider's (10m).")
            .rule(Rules.matches(DURATION, "a duration such as 10m, 1h or 90s", "10 minutes"))
            .onRunningCluster(OnRunningCluster.NO_CHANGE, "20m", "only how long Terraform waits: nothing to plan")
            .build();

    public static final Variable SECURITY_GROUP_DELETE_TIMEOUT = Variable.string("security_group_delete_timeout")
            .description("How long Terraform waits for the security group to be deleted, a duration such as 15m: the nodes' "
                    + "network interfaces can hold it for a while after a cluster is deleted. Default null: the provider's (15m).")
            .rule(Rules.matches(DURATION, "a duration such as 15m, 1h or 90s", "15 minutes"))
            .onRunningCluster(OnRunningCluster.NO_CHANGE, "45m", "only how long Terraform waits: nothing to plan")
            .build();

    public static final Variable SECURITY_GROUP_USE_NAME_PREFIX = Variable.bool("security_group_use_name_prefix").defaultValue(false)
            .description("Name the created security group with a unique suffix after security_group_name (name_prefix), so "
                    + "a replacement (new description, VPC...) can create the new group before deleting the old one. "
                    + "Default false: the exact name.")
            .onRunningCluster(OnRunningCluster.DISRUPTIVE, true,
                    "the group is replaced by one with a suffixed name, created first: clients reconnect")
            .onApply("ModifyReplicationGroup(SecurityGroupIds)")
            .build();

    public static final Variable INGRESS_SOURCES = Variable.stringMap("ingress_sources").defaultValue(Map.of())
            .description("More ingress rules on the Redis port, by a name of yours: name = a security group id, an IPv4 CIDR "
                    + "block or a prefix list id (pl-...). The names are keys known at plan, so the sources may come from "
                    + "resources of the same apply, and adding or removing one never touches another's rule. Default {}.")
            .rule(new Rule("a map of names to security group ids (sg-...), IPv4 CIDR blocks or prefix list ids (pl-...), never a /0 block",
                    "alltrue([for source in values(VALUE) : (can(regex(\"^(sg|pl)-[0-9a-f]+$\", source)) || can(cidrnetmask(source))) "
                            + "&& !endswith(source, \"/0\")])",
                    value -> ((Map<?, ?>) value).values().stream().map(String::valueOf).allMatch(v -> (v.matches("^(sg|pl)-[0-9a-f]+$")
                            || v.matches("^(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])([.](25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])){3}/([0-9]|[12][0-9]|3[0-2])$"))
                            && !v.endsWith("/0")),
                    Map.of("internet", "0.0.0.0/0")))
            .fromResource(FromResource.NAMED_SOURCES)
            .onRunningCluster(OnRunningCluster.IN_PLACE, Map.of("office-vpn", "10.8.0.0/16"), "one ingress rule added; the others stay")
            .build();

    static final String RBAC_USER_NAME = "^[a-z][a-z0-9-]{0,19}$";

    public static final Variable RBAC_USERS = Variable.stringMap("rbac_users").defaultValue(Map.of())
            .description("RBAC users the module creates, each with its own generated password kept in Secrets Manager "
                    + "(<name>/redis-users/<user>): user name = Redis ACL access string, e.g. django = \"on ~:1:* +@all\" "
                    + "(Django's cache keys only), celery = \"on ~celery* ~_kombu* ~unacked* &* +@all\". They form the user group "
                    + "<name>-users with a disabled default user. Needs transit_encryption_enabled; not with auth_token_enabled. "
                    + "Default {}.")
            .rule(new Rule("a map of user names (1-20 lowercase letters, digits or hyphens, not default) to access strings that "
                    + "start with \"on \" and do not say nopass (the module generates the passwords)",
                    "alltrue([for user, access in VALUE : can(regex(\"" + RBAC_USER_NAME + "\", user)) && user != \"default\" "
                            + "&& startswith(access, \"on \") && !strcontains(access, \"nopass\")])",
                    value -> ((Map<?, ?>) value).entrySet().stream().allMatch(e -> String.valueOf(e.getKey()).matches(RBAC_USER_NAME)
                            && !"default".equals(e.getKey()) && String.valueOf(e.getValue()).startsWith("on ")
                            && !String.valueOf(e.getValue()).contains("nopass")),
                    Map.of("django", "on nopass ~* +@all")))
            .onRunningCluster(OnRunningCluster.DISRUPTIVE, Map.of("django", "on ~:1:* +@all"),
                    "clients must authenticate as the users from then on")
            .onApply("CreateUser", "CreateUserGroup", "ModifyReplicationGroup(UserGroupIdsToAdd)")
            .onRunningCluster(OnRunningCluster.REFUSED, Map.of("auth_token_enabled", true, "auth_token", "Not-a-secret-running-token-1"),
                    Map.of("auth_token_enabled", false, "auth_token", RunningChange.UNSET, "rbac_users", Map.of("django", "on ~:1:* +@all")),
                    "AUTH token to RBAC needs one call the provider splits: three steps, with the AWS CLI")
            .onRunningCluster(OnRunningCluster.REFUSED, Map.of("rbac_users", Map.of("django", "on ~:1:* +@all")),
                    Map.of("rbac_users", Map.of(), "auth_token_enabled", true),
                    "RBAC to an AUTH token in two calls leaves the cluster without a password between them: one AWS CLI call")
            .build();

    static final String PASSWORD_VERSION = "^[a-z0-9][a-z0-9.-]{0,19}$";

    /** The rule of both password version maps: user name -> version. */
    private static Rule passwordVersions(Map<String, String> badExample) {
        return Rules.eachValueMatches(PASSWORD_VERSION, "a map of user names to versions of 1-20 lowercase letters, digits, "
                + "dots or hyphens (1, 2, 2026-12)", badExample);
    }
    private static final Map<String, Object> DJANGO_USER = Map.of("rbac_users", Map.of("django", "on ~:1:* +@all"));

    public static final Variable RBAC_PASSWORD_VERSIONS = Variable.stringMap("rbac_password_versions").defaultValue(Map.of())
            .description("The version of the password each rbac_users user connects with (default \"1\"): a new version is a new "
                    + "generated password, in the user's secret and URLs. Raised alone, the old password is refused at once (a "
                    + "leaked password); to rotate without a moment when clients hold no valid password, raise it together with "
                    + "rbac_previous_password_versions (module README, Day two: \"Rotating an RBAC user's password\"). Default {}.")
            .rule(passwordVersions(Map.of("django", "Version 2")))
            .onRunningCluster(OnRunningCluster.DISRUPTIVE, DJANGO_USER,
                    Map.of("rbac_users", Map.of("django", "on ~:1:* +@all"), "rbac_password_versions", Map.of("django", "2")),
                    "the user's password is replaced at once: clients holding the old one are refused until they read the new secret "
                            + "(for a leaked password; rotate with rbac_previous_password_versions)")
            .onApply("ModifyUser(AuthenticationMode=password x1)")
            .build();

    public static final Variable RBAC_PREVIOUS_PASSWORD_VERSIONS = Variable.stringMap("rbac_previous_password_versions").defaultValue(Map.of())
            .description("Users in a password rotation: user name = the version whose password stays valid beside the current "
                    + "one (ElastiCache users hold up to two passwords). Rotate: raise rbac_password_versions and name the old "
                    + "version here; move every client to the new secret; retire: remove the entry. Default {}.")
            .rule(passwordVersions(Map.of("django", "")))
            .onRunningCluster(OnRunningCluster.IN_PLACE, DJANGO_USER,
                    Map.of("rbac_users", Map.of("django", "on ~:1:* +@all"), "rbac_password_versions", Map.of("django", "2"),
                            "rbac_previous_password_versions", Map.of("django", "1")),
                    "rotate: the user takes the new password beside the old one; its secret and URLs carry the new one")
            .onApply("ModifyUser(AuthenticationMode=password x2)")
            .onRunningCluster(OnRunningCluster.IN_PLACE,
                    Map.of("rbac_users", Map.of("django", "on ~:1:* +@all"), "rbac_password_versions", Map.of("django", "2"),
                            "rbac_previous_password_versions", Map.of("django", "1")),
                    Map.of("rbac_previous_password_versions", Map.of()),
                    "retire: the old password is refused from then on (once every client reads the new secret)")
            .onApply("ModifyUser(AuthenticationMode=password x1)")
            .build();

    public static final Variable SECRET_KMS_KEY_ARN = Variable.string("secret_kms_key_arn")
            .description("ARN of a customer-managed KMS key that encrypts the RBAC users' secrets; the apps that read them need "
                    + "kms:Decrypt on it (output secrets_read_policy_json grants it). Default null: the AWS managed key of "
                    + "Secrets Manager.")
            .rule(Rules.matches(KMS_KEY_ARN_FORMAT, "a KMS key ARN (arn:aws:kms:<region>:<account>:key/<key id>)", "alias/secrets"))
            .fromResource(FromResource.KMS_KEY_ARN)
            .onRunningCluster(OnRunningCluster.IN_PLACE, Map.of("rbac_users", Map.of("django", "on ~:1:* +@all")),
                    Map.of("rbac_users", Map.of("django", "on ~:1:* +@all"),
                            "secret_kms_key_arn", "arn:aws:kms:eu-west-1:123456789012:key/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"),
                    "the secrets' next versions are encrypted with the key (UpdateSecret); the cluster is not touched")
            .build();

    public static final Variable REDIS_URL_USER = Variable.string("redis_url_user")
            .description("The rbac_users user whose name and password redis_url and connection_url carry (Django's). "
                    + "Default null: the URLs carry the AUTH token, if any.")
            .rule(Rules.matches(RBAC_USER_NAME, "a user name of rbac_users", "Django"))
            .onRunningCluster(OnRunningCluster.NO_CHANGE, Map.of("rbac_users", Map.of("django", "on ~:1:* +@all")),
                    Map.of("redis_url_user", "django"), "only the URL outputs change")
            .build();

    public static final Variable CELERY_BROKER_URL_USER = Variable.string("celery_broker_url_user")
            .description("The rbac_users user whose name and password celery_broker_url carries (Celery's). Default null: "
                    + "the AUTH token, if any.")
            .rule(Rules.matches(RBAC_USER_NAME, "a user name of rbac_users", "Celery"))
            .onRunningCluster(OnRunningCluster.NO_CHANGE, Map.of("rbac_users", Map.of("celery", "on ~celery* ~_kombu* ~unacked* &* +@all")),
                    Map.of("celery_broker_url_user", "celery"), "only the URL output changes")
            .build();

    /** Declaration order is the order of variables.tf.json and of the README table. */
    public static final List<Variable> ALL = List.of(NAME, NODE_TYPE, SUBNET_IDS, ENGINE_VERSION, NUM_CACHE_CLUSTERS,
            AUTOMATIC_FAILOVER_ENABLED, MULTI_AZ_ENABLED, AT_REST_ENCRYPTION_ENABLED, TRANSIT_ENCRYPTION_ENABLED,
            ENGINE, KMS_KEY_ARN, LOG_KMS_KEY_ARN,
            AUTH_TOKEN_ENABLED, AUTH_TOKEN, AUTH_TOKEN_UPDATE_STRATEGY, TRANSIT_ENCRYPTION_MODE, ENVIRONMENT,
            APPLY_IMMEDIATELY, PREVENT_DESTROY, SKIP_FINAL_SNAPSHOT, FINAL_SNAPSHOT_IDENTIFIER, FINAL_SNAPSHOT_UNIQUE_SUFFIX, DESCRIPTION, SNAPSHOT_NAME, SNAPSHOT_ARNS, SNAPSHOT_RETENTION_LIMIT, SNAPSHOT_WINDOW,
            MAINTENANCE_WINDOW, MAXMEMORY_POLICY, TIMEOUT, TCP_KEEPALIVE, MAXMEMORY_SAMPLES, NOTIFY_KEYSPACE_EVENTS, PARAMETERS, UNCHECKED_PARAMETER_NAMES,
            NOTIFICATION_TOPIC_ARN, LOG_RETENTION_DAYS, LOG_DESTINATION_TYPE, LOG_FIREHOSE_DELIVERY_STREAM, TAGS, VPC_ID, CREATE_SECURITY_GROUP, SECURITY_GROUP_IDS,
            ALLOWED_SECURITY_GROUP_IDS, ALLOWED_CIDR_BLOCKS, PORT, ALARMS_ENABLED, ALARM_TOPIC_ARNS,
            ALARM_ENGINE_CPU_THRESHOLD, ALARM_CPU_THRESHOLD, ALARM_MEMORY_THRESHOLD, ALARM_EVICTIONS_THRESHOLD,
            ALARM_CONNECTIONS_THRESHOLD, CREATE_PARAMETER_GROUP, PARAMETER_GROUP_NAME, PARAMETER_GROUP_DESCRIPTION, CREATE_SUBNET_GROUP, SUBNET_GROUP_NAME,
            SUBNET_GROUP_DESCRIPTION,
            PREFERRED_CACHE_CLUSTER_AZS, NETWORK_TYPE, IP_DISCOVERY, DATA_TIERING_ENABLED, AUTO_MINOR_VERSION_UPGRADE,
            SECURITY_GROUP_TAGS, USER_GROUP_IDS, DNS_SUBDOMAIN, ZONE_ID, TIMEOUTS, SECURITY_GROUP_NAME, SECURITY_GROUP_DESCRIPTION,
            SECURITY_GROUP_CREATE_TIMEOUT, SECURITY_GROUP_DELETE_TIMEOUT, SECURITY_GROUP_USE_NAME_PREFIX, INGRESS_SOURCES, RBAC_USERS, RBAC_PASSWORD_VERSIONS, RBAC_PREVIOUS_PASSWORD_VERSIONS,
            SECRET_KMS_KEY_ARN, REDIS_URL_USER, CELERY_BROKER_URL_USER);

    /**
     * The parameter group family ElastiCache names after the engine and its major version (redis7, redis6.x, valkey7,
     * valkey8): the module's local.parameter_group_family, and the same in Java.
     */
    public static final String HCL_PARAMETER_GROUP_FAMILY = "var.engine == \"valkey\" ? \"valkey${split(\".\", var.engine_version)[0]}\" : "
            + "(startswith(var.engine_version, \"6.\") ? \"redis6.x\" : \"redis${split(\".\", var.engine_version)[0]}\")";

    static String parameterGroupFamily(String engine, String engineVersion) {
        String major = engineVersion.split("\\.")[0];
        return "valkey".equals(engine) ? "valkey" + major : engineVersion.startsWith("6.") ? "redis6.x" : "redis" + major;
    }

    /** The module's list of the settable parameter names of the engine's family (local.engine_parameters, by family). */
    static final String HCL_FAMILY_PARAMETERS = "lookup(local.engine_parameters, local.parameter_group_family, [])";

    private static String family(ModuleInputs in) {
        return parameterGroupFamily(in.string(ENGINE), in.string(ENGINE_VERSION));
    }

    private static List<String> notSettableParameters(ModuleInputs in) {
        return EngineParameters.notSettable(family(in), in.map(PARAMETERS).keySet(), in.list(UNCHECKED_PARAMETER_NAMES));
    }

    /** The engine parameters the typed inputs set, each with its input's name. */
    public static final Map<String, String> TUNED_PARAMETERS = ALL.stream().filter(v -> v.engineParameter() != null)
            .collect(java.util.stream.Collectors.toMap(Variable::engineParameter, Variable::name, (a, b) -> a, java.util.LinkedHashMap::new));

    /** Rules over several variables; preconditions on the replication group in the module. */
    public static final List<CrossRule> CROSS_RULES = List.of(
            new CrossRule("engine_version must be one the engine offers: redis " + String.join(", ", REDIS_VERSIONS)
                    + "; valkey " + String.join(", ", VALKEY_VERSIONS),
                    "contains(var.engine == \"valkey\" ? " + Rules.hclList(VALKEY_VERSIONS) + " : " + Rules.hclList(REDIS_VERSIONS)
                            + ", var.engine_version)",
                    in -> ("valkey".equals(in.string(ENGINE)) ? VALKEY_VERSIONS : REDIS_VERSIONS).contains(in.string(ENGINE_VERSION)),
                    Map.of("engine", "valkey", "engine_version", "7.1")),
            new CrossRule("kms_key_arn needs at_rest_encryption_enabled (the key encrypts data at rest)",
                    "var.kms_key_arn == null || var.at_rest_encryption_enabled",
                    in -> in.get(KMS_KEY_ARN) == null || in.bool(AT_REST_ENCRYPTION_ENABLED),
                    Map.of("kms_key_arn", "arn:aws:kms:eu-west-1:123456789012:key/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d",
                            "at_rest_encryption_enabled", false)),
            new CrossRule("automatic_failover_enabled needs num_cache_clusters >= 2 (a replica to promote)",
                    "!var.automatic_failover_enabled || var.num_cache_clusters >= 2",
                    in -> !in.bool(AUTOMATIC_FAILOVER_ENABLED) || in.number(NUM_CACHE_CLUSTERS) >= 2,
                    Map.of("num_cache_clusters", 1, "automatic_failover_enabled", true, "multi_az_enabled", false)),
            new CrossRule("multi_az_enabled needs automatic_failover_enabled",
                    "!var.multi_az_enabled || var.automatic_failover_enabled",
                    in -> !in.bool(MULTI_AZ_ENABLED) || in.bool(AUTOMATIC_FAILOVER_ENABLED),
                    Map.of("multi_az_enabled", true, "automatic_failover_enabled", false)),
            new CrossRule("multi_az_enabled needs at least two subnet_ids (one per availability zone)",
                    "!var.multi_az_enabled || length(var.subnet_ids) >= 2",
                    in -> !in.bool(MULTI_AZ_ENABLED) || in.list(SUBNET_IDS).size() >= 2,
                    Map.of("subnet_ids", List.of("subnet-0a1b2c3d"))),
            new CrossRule("automatic_failover_enabled is not supported on T1 and T2 node types",
                    "!var.automatic_failover_enabled || !can(regex(\"^cache[.]t[12][.]\", var.node_type))",
                    in -> !in.bool(AUTOMATIC_FAILOVER_ENABLED) || !in.string(NODE_TYPE).matches("^cache[.]t[12][.].*"),
                    Map.of("node_type", "cache.t2.micro")),
            new CrossRule("auth_token_enabled needs transit_encryption_enabled (AWS sends the token only over TLS)",
                    "!var.auth_token_enabled || var.transit_encryption_enabled",
                    in -> !in.bool(AUTH_TOKEN_ENABLED) || in.bool(TRANSIT_ENCRYPTION_ENABLED),
                    Map.of("auth_token_enabled", true, "transit_encryption_enabled", false)),
            new CrossRule("transit_encryption_mode needs transit_encryption_enabled",
                    "var.transit_encryption_mode == null || var.transit_encryption_enabled",
                    in -> in.get(TRANSIT_ENCRYPTION_MODE) == null || in.bool(TRANSIT_ENCRYPTION_ENABLED),
                    Map.of("transit_encryption_mode", "preferred", "transit_encryption_enabled", false)),
            new CrossRule("auth_token is used only with auth_token_enabled = true",
                    "var.auth_token == null || var.auth_token_enabled",
                    in -> in.get(AUTH_TOKEN) == null || in.bool(AUTH_TOKEN_ENABLED),
                    Map.of("auth_token", "Not-a-secret-fixture-2")),
            new CrossRule("create_security_group = false needs at least one of security_group_ids (the nodes need a security group)",
                    "var.create_security_group || length(var.security_group_ids) > 0",
                    in -> in.bool(CREATE_SECURITY_GROUP) || !in.list(SECURITY_GROUP_IDS).isEmpty(),
                    Map.of("create_security_group", false)),
            new CrossRule("allowed_security_group_ids, allowed_cidr_blocks and ingress_sources need create_security_group (they are rules of the created group)",
                    "var.create_security_group || length(var.allowed_security_group_ids) + length(var.allowed_cidr_blocks) + length(var.ingress_sources) == 0",
                    in -> in.bool(CREATE_SECURITY_GROUP) || in.list(ALLOWED_SECURITY_GROUP_IDS).size() + in.list(ALLOWED_CIDR_BLOCKS).size()
                            + in.map(INGRESS_SOURCES).size() == 0,
                    Map.of("create_security_group", false, "security_group_ids", List.of("sg-0a1b2c3d"), "allowed_cidr_blocks", List.of("10.0.0.0/16"))),
            new CrossRule("snapshot_name and snapshot_arns are two ways to restore: set one of them",
                    "var.snapshot_name == null || var.snapshot_arns == null",
                    in -> in.get(SNAPSHOT_NAME) == null || in.get(SNAPSHOT_ARNS) == null,
                    Map.of("snapshot_name", "django-cache-final-0a1b2c3d", "snapshot_arns", List.of("arn:aws:s3:::redis-backups/dump.rdb"))),
            new CrossRule("create_parameter_group = false needs parameter_group_name (the existing group to use)",
                    "var.create_parameter_group || var.parameter_group_name != null",
                    in -> in.bool(CREATE_PARAMETER_GROUP) || in.get(PARAMETER_GROUP_NAME) != null,
                    Map.of("create_parameter_group", false)),
            new CrossRule("parameter_group_name names an existing group: it needs create_parameter_group = false (an existing group is not also created)",
                    "!var.create_parameter_group || var.parameter_group_name == null",
                    in -> !in.bool(CREATE_PARAMETER_GROUP) || in.get(PARAMETER_GROUP_NAME) == null,
                    Map.of("parameter_group_name", "default.redis7")),
            new CrossRule("create_subnet_group = false needs subnet_group_name (the existing group to use)",
                    "var.create_subnet_group || var.subnet_group_name != null",
                    in -> in.bool(CREATE_SUBNET_GROUP) || in.get(SUBNET_GROUP_NAME) != null,
                    Map.of("create_subnet_group", false)),
            new CrossRule("subnet_group_name names an existing group: it needs create_subnet_group = false",
                    "!var.create_subnet_group || var.subnet_group_name == null",
                    in -> !in.bool(CREATE_SUBNET_GROUP) || in.get(SUBNET_GROUP_NAME) == null,
                    Map.of("subnet_group_name", "platform-private")),
            new CrossRule("create_subnet_group = false with create_security_group needs vpc_id (the created group's VPC cannot be read from a subnet group the module does not create)",
                    "var.create_subnet_group || !var.create_security_group || var.vpc_id != null",
                    in -> in.bool(CREATE_SUBNET_GROUP) || !in.bool(CREATE_SECURITY_GROUP) || in.get(VPC_ID) != null,
                    withNull("vpc_id", Map.of("create_subnet_group", false, "subnet_group_name", "platform-private"))),
            new CrossRule("preferred_cache_cluster_azs needs one zone per node (as many as num_cache_clusters)",
                    "var.preferred_cache_cluster_azs == null || try(length(var.preferred_cache_cluster_azs) == var.num_cache_clusters, true)",
                    in -> in.get(PREFERRED_CACHE_CLUSTER_AZS) == null || in.list(PREFERRED_CACHE_CLUSTER_AZS).size() == in.number(NUM_CACHE_CLUSTERS),
                    Map.of("preferred_cache_cluster_azs", List.of("eu-west-1a"))),
            new CrossRule("ip_discovery = \"ipv6\" needs network_type ipv6 or dual_stack",
                    "var.ip_discovery != \"ipv6\" || contains([\"ipv6\", \"dual_stack\"], coalesce(var.network_type, \"ipv4\"))",
                    in -> !"ipv6".equals(in.get(IP_DISCOVERY)) || "ipv6".equals(in.get(NETWORK_TYPE)) || "dual_stack".equals(in.get(NETWORK_TYPE)),
                    Map.of("ip_discovery", "ipv6")),
            new CrossRule("data_tiering_enabled needs an r6gd node type (the nodes with an SSD)",
                    "!var.data_tiering_enabled || can(regex(\"^cache[.]r6gd[.]\", var.node_type))",
                    in -> !in.bool(DATA_TIERING_ENABLED) || in.string(NODE_TYPE).startsWith("cache.r6gd."),
                    Map.of("data_tiering_enabled", true)),
            new CrossRule("user_group_ids and rbac_users (RBAC users) and auth_token_enabled (one shared token) exclude each other",
                    "length(var.user_group_ids) + length(var.rbac_users) == 0 || !var.auth_token_enabled",
                    in -> in.list(USER_GROUP_IDS).isEmpty() && in.map(RBAC_USERS).isEmpty() || !in.bool(AUTH_TOKEN_ENABLED),
                    Map.of("user_group_ids", List.of("orders-users"), "auth_token_enabled", true)),
            new CrossRule("user_group_ids and rbac_users need transit_encryption_enabled (ElastiCache RBAC works over TLS only)",
                    "length(var.user_group_ids) + length(var.rbac_users) == 0 || var.transit_encryption_enabled",
                    in -> in.list(USER_GROUP_IDS).isEmpty() && in.map(RBAC_USERS).isEmpty() || in.bool(TRANSIT_ENCRYPTION_ENABLED),
                    Map.of("user_group_ids", List.of("orders-users"), "transit_encryption_enabled", false)),
            new CrossRule("redis_url_user and celery_broker_url_user must name users of rbac_users",
                    "(var.redis_url_user == null || contains(keys(var.rbac_users), coalesce(var.redis_url_user, \"-\"))) "
                            + "&& (var.celery_broker_url_user == null || contains(keys(var.rbac_users), coalesce(var.celery_broker_url_user, \"-\")))",
                    in -> (in.get(REDIS_URL_USER) == null || in.map(RBAC_USERS).containsKey(in.get(REDIS_URL_USER)))
                            && (in.get(CELERY_BROKER_URL_USER) == null || in.map(RBAC_USERS).containsKey(in.get(CELERY_BROKER_URL_USER))),
                    Map.of("redis_url_user", "django")),
            new CrossRule("parameters must not set an engine parameter a typed input sets: " + String.join(", ", TUNED_PARAMETERS.entrySet().stream()
                    .map(e -> e.getKey() + " (use " + e.getValue() + ")").toList()),
                    "length(setintersection(keys(var.parameters), " + Rules.hclList(List.copyOf(TUNED_PARAMETERS.keySet())) + ")) == 0",
                    in -> in.map(PARAMETERS).keySet().stream().noneMatch(TUNED_PARAMETERS::containsKey),
                    Map.of("parameters", Map.of("maxmemory-policy", "allkeys-lru"))),
            new CrossRule("parameters must name engine parameters a parameter group of the engine's family can set (the module "
                    + "README lists them by family; ElastiCache refuses other names at apply): a name ElastiCache has that the list "
                    + "lacks goes in unchecked_parameter_names too",
                    "alltrue([for name in keys(var.parameters) : contains(" + HCL_FAMILY_PARAMETERS + ", name) "
                            + "|| contains(var.unchecked_parameter_names, name)])",
                    CrossRule.reading("parameters", "unchecked_parameter_names", "engine", "engine_version"),
                    in -> notSettableParameters(in).isEmpty(),
                    Map.of("parameters", Map.of("active-defrag", "yes")))
                    .withDetail("join(\", \", [for name in keys(var.parameters) : name if !contains(" + HCL_FAMILY_PARAMETERS
                                    + ", name) && !contains(var.unchecked_parameter_names, name)])",
                            in -> String.join(", ", notSettableParameters(in).stream().map(name -> name + Suggestions.closest(name,
                                    EngineParameters.BY_FAMILY.getOrDefault(family(in), List.of())).map(s -> " (did you mean " + s + "?)")
                                    .orElse("")).toList())),
            // a custom group's family is not known at plan (ElastiCache refuses a wrong one at apply); an AWS default
            // group carries it in its name
            new CrossRule("an AWS default parameter group (parameter_group_name default.<family>) must be of the engine's family, "
                    + "default.redis7 for Redis 7, default.valkey8 for Valkey 8...",
                    "var.create_parameter_group || var.parameter_group_name == null || !startswith(coalesce(var.parameter_group_name, \"-\"), \"default.\") "
                            + "|| var.parameter_group_name == \"default.${local.parameter_group_family}\"",
                    CrossRule.reading("create_parameter_group", "parameter_group_name", "engine", "engine_version"),
                    in -> in.bool(CREATE_PARAMETER_GROUP) || in.get(PARAMETER_GROUP_NAME) == null
                            || !in.string(PARAMETER_GROUP_NAME).startsWith("default.")
                            || in.string(PARAMETER_GROUP_NAME).equals("default." + parameterGroupFamily(in.string(ENGINE), in.string(ENGINE_VERSION))),
                    Map.of("create_parameter_group", false, "parameter_group_name", "default.redis7", "engine", "valkey", "engine_version", "8.0")),
            new CrossRule("log_destination_type kinesis-firehose needs log_firehose_delivery_stream",
                    "var.log_destination_type != \"" + KINESIS_FIREHOSE + "\" || var.log_firehose_delivery_stream != null",
                    in -> !KINESIS_FIREHOSE.equals(in.string(LOG_DESTINATION_TYPE)) || in.get(LOG_FIREHOSE_DELIVERY_STREAM) != null,
                    Map.of("log_destination_type", KINESIS_FIREHOSE)),
            new CrossRule("rbac_password_versions and rbac_previous_password_versions must name users of rbac_users",
                    "length(setsubtract(concat(keys(var.rbac_password_versions), keys(var.rbac_previous_password_versions)), keys(var.rbac_users))) == 0",
                    in -> in.map(RBAC_USERS).keySet().containsAll(in.map(RBAC_PASSWORD_VERSIONS).keySet())
                            && in.map(RBAC_USERS).keySet().containsAll(in.map(RBAC_PREVIOUS_PASSWORD_VERSIONS).keySet()),
                    Map.of("rbac_password_versions", Map.of("django", "2"))),
            new CrossRule("a user's rbac_previous_password_versions must differ from its current version (rbac_password_versions, default 1)",
                    "alltrue([for user, version in var.rbac_previous_password_versions : version != lookup(var.rbac_password_versions, user, \"1\")])",
                    in -> in.map(RBAC_PREVIOUS_PASSWORD_VERSIONS).entrySet().stream()
                            .noneMatch(e -> e.getValue().equals(in.map(RBAC_PASSWORD_VERSIONS).getOrDefault(e.getKey(), "1"))),
                    Map.of("rbac_users", Map.of("django", "on ~:1:* +@all"), "rbac_previous_password_versions", Map.of("django", "1"))),
            new CrossRule("rbac_users user ids <name>-<user> must be at most 40 characters",
                    "alltrue([for user in concat(keys(var.rbac_users), [\"default\"]) : length(\"${var.name}-${user}\") <= 40]) || length(var.rbac_users) == 0",
                    in -> in.map(RBAC_USERS).isEmpty() || java.util.stream.Stream.concat(in.map(RBAC_USERS).keySet().stream(), java.util.stream.Stream.of("default"))
                            .allMatch(user -> (in.string(NAME) + "-" + user).length() <= 40),
                    Map.of("name", "a-very-long-cluster-name-of-thirty-five", "rbac_users", Map.of("django", "on ~:1:* +@all"),
                            "auth_token_enabled", false)),
            new CrossRule("dns_subdomain needs zone_id (the hosted zone of the record)",
                    "var.dns_subdomain == null || var.zone_id != null",
                    in -> in.get(DNS_SUBDOMAIN) == null || in.get(ZONE_ID) != null,
                    Map.of("dns_subdomain", "orders-cache")),
            new CrossRule("snapshot_window must not overlap maintenance_window", Windows.HCL_NO_OVERLAP,
                    CrossRule.reading("snapshot_window", "maintenance_window"),
                    in -> !in.string(SNAPSHOT_WINDOW).matches(Windows.SNAPSHOT_FORMAT)
                            || !in.string(MAINTENANCE_WINDOW).matches(Windows.MAINTENANCE_FORMAT)
                            || !Windows.overlap(in.string(SNAPSHOT_WINDOW), in.string(MAINTENANCE_WINDOW)),
                    Map.of("snapshot_window", "05:30-06:30", "maintenance_window", "sun:05:00-sun:06:00")));

    /**
     * Production policy, a layer over the AWS rules: in prod a cluster survives the loss of a node or an AZ, keeps a
     * week of backups and leaves a final snapshot when deleted. Enforced in Java and as preconditions.
     */
    public static final List<CrossRule> PRODUCTION_RULES = List.of(
            new CrossRule("in prod, automatic_failover_enabled and multi_az_enabled must be true (survive a node or AZ loss)",
                    "var.environment != \"prod\" || (var.automatic_failover_enabled && var.multi_az_enabled)",
                    in -> !"prod".equals(in.string(ENVIRONMENT)) || (in.bool(AUTOMATIC_FAILOVER_ENABLED) && in.bool(MULTI_AZ_ENABLED)),
                    Map.of("environment", "prod", "multi_az_enabled", false)),
            new CrossRule("in prod, snapshot_retention_limit must be at least 7 (a week of daily backups)",
                    "var.environment != \"prod\" || var.snapshot_retention_limit >= 7",
                    in -> !"prod".equals(in.string(ENVIRONMENT)) || in.number(SNAPSHOT_RETENTION_LIMIT) >= 7,
                    Map.of("environment", "prod", "snapshot_retention_limit", 3)),
            new CrossRule("in prod, skip_final_snapshot must be false (a deleted cluster leaves <name>-final)",
                    "var.environment != \"prod\" || !var.skip_final_snapshot",
                    in -> !"prod".equals(in.string(ENVIRONMENT)) || !in.bool(SKIP_FINAL_SNAPSHOT),
                    Map.of("environment", "prod", "skip_final_snapshot", true)));

    /** {@code values} with {@code name} set to null (unset): Map.of holds no null. */
    private static Map<String, Object> withNull(String name, Map<String, Object> values) {
        Map<String, Object> result = new LinkedHashMap<>(values);
        result.put(name, null);
        return java.util.Collections.unmodifiableMap(result);
    }

    /** Every precondition of the replication group: the AWS rules, then the production policy. */
    public static List<CrossRule> preconditions() {
        List<CrossRule> all = new ArrayList<>(CROSS_RULES);
        all.addAll(PRODUCTION_RULES);
        return List.copyOf(all);
    }

    /** A valid set of the required values, for examples and tests. */
    public static final Map<String, Object> EXAMPLE = example();

    /** How a value is shown in an error; a sensitive one never is. */
    public static String display(Variable variable, Object value) {
        if (variable.sensitive()) {
            return "(sensitive value hidden)";
        }
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }

    private static Map<String, Object> example() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", "django-cache");
        values.put("node_type", "cache.t4g.micro");
        values.put("subnet_ids", List.of("subnet-0a1b2c3d", "subnet-4e5f6a7b"));
        values.put("environment", "dev");
        values.put("vpc_id", "vpc-0a1b2c3d");
        return java.util.Collections.unmodifiableMap(values);
    }
}
