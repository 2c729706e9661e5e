package io.platform.redis.module;

import java.util.Map;
import java.util.TreeMap;

/**
 * What one call of the module creates, by resource type, for given inputs: written beside the resources
 * ({@link RedisModuleStack}) from the same inputs that count them in or out, so the plans the tests make of stacks,
 * examples and module calls are compared with the module's own account rather than with a copy kept in a test.
 * Terraform's random_password appears as the terraform_data stand-in the offline copies put in its place.
 */
public final class ModuleResources {
    private ModuleResources() {
    }

    /** The engine-CPU, memory, evictions and connections alarms each node always has (host CPU only on small nodes). */
    static final int ALARMS_PER_NODE = 4;

    public static Map<String, Integer> created(VariableValues in) {
        Map<String, Integer> created = new TreeMap<>();
        created.put("aws_cloudwatch_log_group", 2);
        created.put("aws_elasticache_parameter_group", 1);
        created.put("aws_elasticache_replication_group", 1);
        created.put("aws_elasticache_subnet_group", 1);
        created.put("aws_security_group", 1);
        int ingress = in.list(RedisVariables.ALLOWED_SECURITY_GROUP_IDS).size() + in.list(RedisVariables.ALLOWED_CIDR_BLOCKS).size();
        if (ingress > 0) {
            created.put("aws_vpc_security_group_ingress_rule", ingress);
        }
        int data = 1 + DayTwoTransitions.memoryInstances(in); // the final snapshot's suffix, the running cluster's memory
        if (in.bool(RedisVariables.AUTH_TOKEN_ENABLED)) {
            data++; // the token's random_password
        }
        Object preventDestroy = in.get(RedisVariables.PREVENT_DESTROY);
        if (preventDestroy != null ? (Boolean) preventDestroy : "prod".equals(in.string(RedisVariables.ENVIRONMENT))) {
            data++; // the destroy guard
        }
        created.put("terraform_data", data);
        if (in.bool(RedisVariables.ALARMS_ENABLED)) {
            boolean hostCpu = in.string(RedisVariables.NODE_TYPE).matches(".*" + RedisModuleStack.TWO_VCPUS_AT_MOST);
            created.put("aws_cloudwatch_metric_alarm", in.number(RedisVariables.NUM_CACHE_CLUSTERS) * (ALARMS_PER_NODE + (hostCpu ? 1 : 0)));
        }
        return created;
    }
}
