package io.platform.redis.chatdesign;

import io.platform.redis.module.FromResource;
import io.platform.redis.module.RedisVariables;
import io.platform.redis.module.Rules;
import io.platform.redis.module.Variable;
import java.util.List;
import java.util.Map;

/**
 * The keys of a chat stack file's {@code chat:} section: the configuration options of the real-time chat app's
 * Redis design (snake_case), plus the network placement it needs. Rules shared with the module reuse its rules.
 */
public final class ChatVariables {
    private ChatVariables() {
    }

    public static final Variable BASE_NAME = Variable.string("base_name").required()
            .description("Prefix of every name: clusters <base>-redis (single) or <base>-redis-adapter and "
                    + "<base>-redis-state (split), secret <base>/redis-auth. 2-26 lowercase letters, digits, hyphens.")
            .rule(Rules.matches("^[a-z][a-z0-9-]{0,24}[a-z0-9]$",
                    "2-26 lowercase letters, digits or hyphens, starting with a letter and not ending with a hyphen", "chat_dev"))
            .rule(Rules.doesNotContain("--", "free of two consecutive hyphens", "chat--dev"))
            .build();

    public static final Variable ENVIRONMENT = Variable.string("environment").required()
            .description(RedisVariables.ENVIRONMENT.description())
            .rule(RedisVariables.ENVIRONMENT.rules().get(0))
            .build();

    public static final Variable VPC_ID = Variable.string("vpc_id").required()
            .description("VPC of the private subnets, where the Redis security group is created.")
            .rule(RedisVariables.VPC_ID.rules().get(0)).fromResource(FromResource.VPC_ID).build();

    public static final Variable PRIVATE_SUBNET_IDS = Variable.stringList("private_subnet_ids").required()
            .description("All private subnets of the VPC; the subnet group spans them so any AZ can take a failover.")
            .rule(RedisVariables.SUBNET_IDS.rules().get(0)).rule(RedisVariables.SUBNET_IDS.rules().get(1))
            .fromResource(FromResource.SUBNET_IDS)
            .build();

    public static final Variable REDIS_SECURITY_GROUP_ID = Variable.string("redis_security_group_id")
            .description("An existing security group for the Redis nodes. Default null: one is created, admitting "
                    + "allowed_security_group_ids on port 6379.")
            .rule(Rules.matches("^sg-[0-9a-f]+$", "a security group id (sg-...)", "redis"))
            .fromResource(FromResource.SECURITY_GROUP_ID)
            .build();

    public static final Variable ALLOWED_SECURITY_GROUP_IDS = Variable.stringList("allowed_security_group_ids").defaultValue(List.of())
            .description("Security groups of the realtime (ECS) tasks, admitted by the created security group. Default [].")
            .rule(RedisVariables.ALLOWED_SECURITY_GROUP_IDS.rules().get(0))
            .fromResource(FromResource.SECURITY_GROUP_IDS)
            .build();

    public static final Variable ENABLE_REDIS_SPLIT = Variable.bool("enable_redis_split").defaultValue(false)
            .description("Split mode: an adapter cluster (Socket.IO pub/sub) and a state cluster (presence, sessions, "
                    + "rate limits) instead of one cluster. Default false.")
            .build();

    public static final Variable REDIS_NODE_TYPE = nodeType("redis_node_type", "Single mode: node type of the cluster.");
    public static final Variable REDIS_NUM_CACHE_NODES = Variable.number("redis_num_cache_nodes")
            .description("Single mode: number of nodes, 1-6; 1 means no failover (dev).")
            .rule(RedisVariables.NUM_CACHE_CLUSTERS.rules().get(0))
            .build();
    public static final Variable REDIS_ADAPTER_NODE_TYPE = nodeType("redis_adapter_node_type",
            "Split mode: node type of the adapter cluster; pub/sub fan-out needs network bandwidth (cache.r6g.large+).");
    public static final Variable REDIS_ADAPTER_REPLICAS = replicas("redis_adapter_replicas", "Split mode: replicas of the adapter cluster, 0-5.");
    public static final Variable REDIS_STATE_NODE_TYPE = nodeType("redis_state_node_type",
            "Split mode: node type of the state cluster; presence reads need memory (e.g. cache.m6g.large, cache.r6g.large).");
    public static final Variable REDIS_STATE_REPLICAS = replicas("redis_state_replicas", "Split mode: replicas of the state cluster, 0-5.");

    public static final Variable NOTIFICATION_TOPIC_ARN = Variable.string("notification_topic_arn")
            .description(RedisVariables.NOTIFICATION_TOPIC_ARN.description())
            .rule(RedisVariables.NOTIFICATION_TOPIC_ARN.rules().get(0))
            .fromResource(FromResource.SNS_TOPIC_ARN)
            .build();

    public static final Variable SECRET_KMS_KEY_ARN = Variable.string("secret_kms_key_arn")
            .description("ARN of a customer-managed KMS key that encrypts the AUTH token's secret; the tasks that read it need "
                    + "kms:Decrypt on it (ChatRedis.grantSecretsRead grants it). Default null: the AWS managed key of Secrets Manager.")
            .rule(RedisVariables.SECRET_KMS_KEY_ARN.rules().get(0))
            .fromResource(FromResource.KMS_KEY_ARN)
            .build();

    public static final Variable TAGS = Variable.stringMap("tags").defaultValue(Map.of())
            .description("Tags for every resource. Default {}.")
            .build();

    public static final List<Variable> ALL = List.of(BASE_NAME, ENVIRONMENT, VPC_ID, PRIVATE_SUBNET_IDS,
            REDIS_SECURITY_GROUP_ID, ALLOWED_SECURITY_GROUP_IDS, ENABLE_REDIS_SPLIT, REDIS_NODE_TYPE,
            REDIS_NUM_CACHE_NODES, REDIS_ADAPTER_NODE_TYPE, REDIS_ADAPTER_REPLICAS, REDIS_STATE_NODE_TYPE,
            REDIS_STATE_REPLICAS, NOTIFICATION_TOPIC_ARN, SECRET_KMS_KEY_ARN, TAGS);

    private static Variable nodeType(String name, String description) {
        return Variable.string(name).description(description).rule(RedisVariables.NODE_TYPE.rules().get(0)).build();
    }

    private static Variable replicas(String name, String description) {
        return Variable.number(name).description(description)
                .rule(Rules.between(0, 5, "a primary has at most 5 replicas", 6)).build();
    }
}
