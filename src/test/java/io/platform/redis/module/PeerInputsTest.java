package io.platform.redis.module;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.platform.redis.module.RedisVariables;
import io.platform.redis.offline.OfflineCopy;
import io.platform.redis.support.ModuleRoot;
import io.platform.redis.support.Synthesized;
import io.platform.redis.support.Terraform;
import io.platform.redis.support.Tiers;
import io.platform.redis.files.Directories;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The inputs and outputs that users of the peer modules rely on, each planned by real terraform in a module call of
 * its own: the value reaches the resource it configures (one plan for all of them).
 */
@Tag(Tiers.TERRAFORM)
@Execution(ExecutionMode.CONCURRENT)
class PeerInputsTest {
    private final Synthesized synthesized = Synthesized.get();

    /** Call name, the inputs it sets, and what the plan must show: resource type, attribute, value. */
    private record Case(String call, Map<String, Object> inputs, String type, String attribute, Object expected) {
    }

    private static final List<Case> CASES = List.of(
            new Case("existing_parameter_group", Map.of("create_parameter_group", false, "parameter_group_name", "default.redis7"),
                    "aws_elasticache_replication_group", "parameter_group_name", "default.redis7"),
            new Case("existing_subnet_group", Map.of("create_subnet_group", false, "subnet_group_name", "platform-private"),
                    "aws_elasticache_replication_group", "subnet_group_name", "platform-private"),
            new Case("preferred_azs", Map.of("preferred_cache_cluster_azs", List.of("eu-west-1b", "eu-west-1a")),
                    "aws_elasticache_replication_group", "preferred_cache_cluster_azs", List.of("eu-west-1b", "eu-west-1a")),
            new Case("dual_stack", Map.of("network_type", "dual_stack", "ip_discovery", "ipv6"),
                    "aws_elasticache_replication_group", "ip_discovery", "ipv6"),
            new Case("ipv6_network", Map.of("network_type", "ipv6"), "aws_elasticache_replication_group", "network_type", "ipv6"),
            new Case("data_tiering", Map.of("node_type", "cache.r6gd.xlarge", "data_tiering_enabled", true),
                    "aws_elasticache_replication_group", "data_tiering_enabled", true),
            new Case("no_minor_upgrades", Map.of("auto_minor_version_upgrade", false),
                    "aws_elasticache_replication_group", "auto_minor_version_upgrade", "false"),
            new Case("rbac", Map.of("user_group_ids", List.of("orders-users")), "aws_elasticache_replication_group", "user_group_ids",
                    List.of("orders-users")),
            new Case("security_group_tags", Map.of("security_group_tags", Map.of("Tier", "cache")), "aws_security_group", "tags",
                    Map.of("Environment", "dev", "Tier", "cache")),
            new Case("dns", Map.of("dns_subdomain", "orders-cache", "zone_id", "Z0123456789ABCDEFGHIJ"), "aws_route53_record", "name",
                    "orders-cache"),
            new Case("timeouts", Map.of("timeouts", Map.of("create", "90m", "update", "2h")), "aws_elasticache_replication_group",
                    "timeouts", timeouts("90m", "2h", null)),
            new Case("security_group_name", Map.of("security_group_name", "orders-redis-sg"), "aws_security_group", "name", "orders-redis-sg"),
            new Case("security_group_description", Map.of("security_group_description", "Orders cache"), "aws_security_group",
                    "description", "Orders cache"),
            new Case("security_group_name_prefix", Map.of("security_group_use_name_prefix", true), "aws_security_group", "name_prefix",
                    "django-cache-redis-"),
            new Case("rbac_users", Map.of("rbac_users", Map.of("django", "on ~:1:* +@all")), "aws_elasticache_user", "access_string",
                    "on ~:1:* +@all"),
            new Case("ingress_sources", Map.of("ingress_sources", Map.of("office-vpn", "10.8.0.0/16")), "aws_vpc_security_group_ingress_rule",
                    "cidr_ipv4", "10.8.0.0/16"),
            // the escape hatches
            new Case("apply_in_the_window", Map.of("apply_immediately", false), "aws_elasticache_replication_group", "apply_immediately", false),
            new Case("final_snapshot_identifier", Map.of("final_snapshot_identifier", "orders-cache-last", "final_snapshot_unique_suffix", false),
                    "aws_elasticache_replication_group", "final_snapshot_identifier", "orders-cache-last"),
            new Case("parameter_group_description", Map.of("parameter_group_description", "Orders cache tuning"),
                    "aws_elasticache_parameter_group", "description", "Orders cache tuning"),
            new Case("subnet_group_description", Map.of("subnet_group_description", "Orders cache subnets"),
                    "aws_elasticache_subnet_group", "description", "Orders cache subnets"),
            new Case("security_group_timeouts", Map.of("security_group_create_timeout", "20m", "security_group_delete_timeout", "45m"),
                    "aws_security_group", "timeouts", Map.of("create", "20m", "delete", "45m")),
            new Case("secret_kms_key_arn", Map.of("rbac_users", Map.of("django", "on ~:1:* +@all"),
                    "secret_kms_key_arn", "arn:aws:kms:eu-west-1:123456789012:key/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"),
                    "aws_secretsmanager_secret", "kms_key_id", "arn:aws:kms:eu-west-1:123456789012:key/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"));

    private static Map<String, Object> timeouts(String create, String update, String delete) {
        Map<String, Object> timeouts = new java.util.HashMap<>();
        timeouts.put("create", create);
        timeouts.put("update", update);
        timeouts.put("delete", delete); // not given: the provider's default
        return timeouts;
    }

    @Test
    void eachNewInputReachesItsResource() throws Exception {
        assumeTrue(Terraform.get().isPresent(), () -> "SKIPPED peer inputs plan: " + Terraform.unavailableReason());
        Terraform terraform = Terraform.get().orElseThrow();
        Path root = ModuleRoot.withModule(synthesized, "peer-inputs-");
        try {
            Map<String, Map<String, Object>> calls = new LinkedHashMap<>();
            for (Case c : CASES) {
                Map<String, Object> call = new LinkedHashMap<>(RedisVariables.EXAMPLE);
                call.put("alarms_enabled", false);
                call.putAll(c.inputs());
                calls.put(c.call(), call);
            }
            ModuleRoot.writeCalls(root, calls);
            try (OfflineCopy copy = OfflineCopy.of(root)) {
                Terraform.Plan plan = terraform.plan(copy.asRoot(copy.dir()));
                for (Case c : CASES) {
                    Map<String, Object> after = plan.after(c.type()).entrySet().stream()
                            .filter(e -> e.getKey().startsWith("module." + c.call() + ".") && !e.getKey().endsWith(".default[0]"))
                            .map(Map.Entry::getValue).findFirst()
                            .orElseThrow(() -> new AssertionError(c.call() + ": no " + c.type() + " planned"));
                    assertEquals(c.expected(), after.get(c.attribute()), c.call() + ": " + c.type() + "." + c.attribute());
                }
                assertTrue(plan.after("aws_elasticache_parameter_group").keySet().stream().noneMatch(a -> a.startsWith("module.existing_parameter_group.")),
                        "an existing parameter group is not also created");
                assertTrue(plan.after("aws_elasticache_subnet_group").keySet().stream().noneMatch(a -> a.startsWith("module.existing_subnet_group.")),
                        "an existing subnet group is not also created");
                assertEquals("default", plan.after("aws_elasticache_user").get("module.rbac_users.aws_elasticache_user.default[0]").get("user_name"),
                        "every user group needs a user named default");
                assertEquals(List.of("create"), Terraform.actions(plan, "module.rbac_users.aws_secretsmanager_secret.rbac_user[\"django\"]"));
                Map<String, Object> record = plan.after("aws_route53_record").get("module.dns.aws_route53_record.this[0]");
                assertEquals("CNAME", record.get("type"));
                assertEquals("Z0123456789ABCDEFGHIJ", record.get("zone_id"));
                System.out.println("[offline plan] peer inputs: " + CASES.size() + " calls, each value on its resource: "
                        + CASES.stream().map(c -> c.type() + "." + c.attribute()).distinct().toList());
            }
        } finally {
            Directories.deleteIfExists(root);
        }
    }
}
