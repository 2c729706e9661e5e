package io.platform.redis.module;

import static io.platform.redis.support.JsonPath.at;
import static io.platform.redis.support.JsonPath.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platform.redis.module.ModuleOutput;
import io.platform.redis.module.RedisOutputs;
import io.platform.redis.module.RedisVariables;
import io.platform.redis.module.Variable;
import io.platform.redis.support.Synthesized;
import io.platform.redis.files.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The exported module's JSON: the seed's interface, the resources and their key settings, no cdktf leftovers. */
@SuppressWarnings("unchecked")
class ModuleJsonTest {
    private final Synthesized synthesized = Synthesized.get();
    private final Map<String, Object> variables = synthesized.moduleSection("variable");
    private final Map<String, Object> main = synthesized.moduleConfig;
    private final Map<String, Object> outputs = synthesized.moduleSection("output");

    /** The inputs table of the module this project replaces: name, type, default ("-" = required). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "name                       | string       | -",
        "node_type                  | string       | -",
        "subnet_ids                 | list(string) | -",
        "engine_version             | string       | 7.1",
        "num_cache_clusters         | number       | 2",
        "automatic_failover_enabled | bool         | true",
        "multi_az_enabled           | bool         | true",
        "at_rest_encryption_enabled | bool         | true",
        "transit_encryption_enabled | bool         | true",
        "auth_token_enabled         | bool         | false",
    })
    void seedInputsKeepNameTypeAndDefault(String name, String type, String defaultValue) {
        Map<String, Object> variable = map(variables, name);
        assertEquals(type, variable.get("type"), name + " type");
        if (defaultValue.equals("-")) {
            assertFalse(variable.containsKey("default"), name + " must be required");
        } else {
            assertEquals(defaultValue, String.valueOf(variable.get("default")), name + " default");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "snapshot_window     | 03:00-04:00",
        "maxmemory_policy    | volatile-lru",
        "timeout             | 300",
        "tcp_keepalive       | 300",
        "maxmemory_samples   | 5",
        "port                | 6379",
        "snapshot_retention_limit | 7",
        "maintenance_window  | sun:05:00-sun:06:00",
    })
    void tuningDefaults(String name, String defaultValue) {
        assertEquals(defaultValue, String.valueOf((Object) at(variables, name, "default")));
    }

    @Test
    void everyVariableIsTypedDescribedAndValidatedWhereAwsHasARule() {
        assertEquals(RedisVariables.ALL.stream().map(Variable::name).toList(), List.copyOf(variables.keySet()));
        for (Variable variable : RedisVariables.ALL) {
            Map<String, Object> declared = map(variables, variable.name());
            assertTrue(declared.get("description") instanceof String d && !d.isBlank(), variable.name());
            assertEquals(variable.type().hcl(), declared.get("type"));
            List<?> validation = (List<?>) declared.getOrDefault("validation", List.of());
            assertEquals(variable.rules().size(), validation.size(), variable.name() + " validation blocks");
            if (variable.nullable()) {
                assertTrue(declared.containsKey("default") && declared.get("default") == null, variable.name() + " default null");
            }
        }
        assertEquals(true, at(variables, "auth_token", "sensitive"));
    }

    @Test
    void outputsKeepTheSeedNamesAndHideTheToken() {
        for (String seedName : List.of("primary_endpoint_address", "reader_endpoint_address", "port", "redis_url",
                "celery_broker_url", "redis_security_group_id")) {
            assertTrue(outputs.containsKey(seedName), seedName);
        }
        for (ModuleOutput output : RedisOutputs.ALL) {
            Object sensitive = ((Map<?, ?>) outputs.get(output.name())).get("sensitive");
            assertEquals(output.sensitive(), Boolean.TRUE.equals(sensitive), output.name());
        }
        assertTrue((Boolean) at(outputs, "redis_url", "sensitive"));
        assertTrue((Boolean) at(outputs, "celery_broker_url", "sensitive"));
        assertTrue((Boolean) at(outputs, "auth_token", "sensitive"));
        assertEquals("${local.redis_base_url}/0", at(outputs, "redis_url", "value"));
        assertEquals("${local.redis_scheme}://${local.celery_userinfo}${local.redis_host_port}/1${local.celery_tls_query}",
                at(outputs, "celery_broker_url", "value"));
        assertEquals("${local.redis_base_url}", at(outputs, "connection_url", "value"));
        assertEquals("${aws_elasticache_replication_group.this.port}", at(outputs, "port", "value"));
    }

    @Test
    void replicationGroupIsEncryptedLoggedAndGuarded() {
        Map<String, Object> group = map(main, "resource", "aws_elasticache_replication_group", "this");
        assertEquals("${var.engine}", group.get("engine"));
        assertEquals("${var.kms_key_arn}", group.get("kms_key_id"));
        assertEquals("${var.at_rest_encryption_enabled}", group.get("at_rest_encryption_enabled"));
        assertEquals("${var.transit_encryption_enabled}", group.get("transit_encryption_enabled"));
        assertEquals("${local.auth_token}", group.get("auth_token"));
        assertEquals("${coalesce(var.apply_immediately, var.environment != \"prod\") || contains(local.turned_dimensions, \"parameter_group\")}",
                group.get("apply_immediately"));
        assertEquals("${var.notification_topic_arn}", group.get("notification_topic_arn"));
        List<Map<String, Object>> logs = at(group, "log_delivery_configuration");
        assertEquals(List.of("slow-log", "engine-log"), logs.stream().map(l -> l.get("log_type")).toList());
        assertEquals(List.of("${var.log_destination_type == \"cloudwatch-logs\" ? one(aws_cloudwatch_log_group.slow_log[*].name) : var.log_firehose_delivery_stream}",
                "${var.log_destination_type == \"cloudwatch-logs\" ? one(aws_cloudwatch_log_group.engine_log[*].name) : var.log_firehose_delivery_stream}"),
                logs.stream().map(l -> l.get("destination")).toList());
        assertEquals(RedisVariables.preconditions().size() + io.platform.redis.module.DayTwoTransitions.REFUSED.size(),
                ((List<?>) at(group, "lifecycle", "precondition")).size());
        assertEquals("${var.skip_final_snapshot ? null : (var.final_snapshot_unique_suffix ? \"${local.final_snapshot_name}-${substr("
                + "terraform_data.final_snapshot_suffix.id, 0, 8)}\" : local.final_snapshot_name)}", group.get("final_snapshot_identifier"));
        assertEquals("${var.snapshot_name}", group.get("snapshot_name"));
        assertEquals("${var.snapshot_arns}", group.get("snapshot_arns"));
        // renewed with every input that replaces the cluster, so a recreated cluster's final snapshot has a name of its own
        assertEquals("${local.cluster_identity}", at(main, "resource", "terraform_data", "final_snapshot_suffix", "triggers_replace"));
        String triggers = at(main, "locals", "cluster_identity");
        for (String input : List.of("var.name", "var.port", "var.kms_key_arn", "var.at_rest_encryption_enabled", "var.snapshot_name")) {
            assertTrue(triggers.contains(input), triggers);
        }
        // a token added to a running cluster goes with ROTATE; TLS mode sent explicitly (DayTwoTransitions, ChangeSafetyTest)
        assertTrue(((String) group.get("auth_token_update_strategy")).contains("contains(local.turned_facts, \"auth_token=on\") ? \"ROTATE\""));
        assertTrue(((String) group.get("transit_encryption_mode")).contains("coalesce(var.transit_encryption_mode, \"required\")"));
    }

    /**
     * One replication group at one address whatever the protection; protection is a counted prevent_destroy guard that a
     * replacement of the group (a new id) must replace; the former twin addresses move to the one address.
     */
    @Test
    void oneReplicationGroupGuardedByACountedPreventDestroyGuard() {
        Map<String, Object> group = map(main, "resource", "aws_elasticache_replication_group", "this");
        assertTrue(!group.containsKey("count"), "the replication group is never counted: its address never changes");
        assertTrue(!map(main, "resource", "aws_elasticache_replication_group").containsKey("protected"));
        Map<String, Object> guard = map(main, "resource", "terraform_data", "protect_cluster_from_destroy");
        assertEquals("${local.protect_from_destroy ? 1 : 0}", guard.get("count"));
        assertEquals(true, at(guard, "lifecycle", "prevent_destroy"));
        assertEquals(List.of("aws_elasticache_replication_group.this.id"), at(guard, "lifecycle", "replace_triggered_by"));
        assertEquals("${coalesce(var.prevent_destroy, var.environment == \"prod\")}", at(main, "locals", "protect_from_destroy"));
        assertEquals(List.of(Map.of("from", "aws_elasticache_replication_group.protected[0]", "to", "aws_elasticache_replication_group.this[0]"),
                Map.of("from", "aws_elasticache_replication_group.this[0]", "to", "aws_elasticache_replication_group.this"),
                Map.of("from", "aws_cloudwatch_log_group.slow_log", "to", "aws_cloudwatch_log_group.slow_log[0]"),
                Map.of("from", "aws_cloudwatch_log_group.engine_log", "to", "aws_cloudwatch_log_group.engine_log[0]")), main.get("moved"));
    }

    @Test
    void parameterGroupCarriesTheDjangoTuningAndSurvivesFamilyChanges() {
        Map<String, Object> group = map(main, "resource", "aws_elasticache_parameter_group", "this");
        assertEquals("${local.parameters}", at(group, "dynamic", "parameter", "for_each"));
        String parameters = at(main, "locals", "parameters");
        for (String expected : List.of("\"maxmemory-policy\" = var.maxmemory_policy", "\"timeout\" = tostring(var.timeout)",
                "\"tcp-keepalive\" = tostring(var.tcp_keepalive)", "\"maxmemory-samples\" = tostring(var.maxmemory_samples)",
                "\"notify-keyspace-events\" = var.notify_keyspace_events", "name => value if value != null }, var.parameters)")) {
            assertTrue(parameters.contains(expected), expected + " in " + parameters);
        }
        assertEquals(true, at(group, "lifecycle", "create_before_destroy"));
        assertTrue(((String) group.get("name")).contains("local.parameter_group_family"));
    }

    @Test
    void generatedTokenIsAlphanumericAndOnlyWhenAuthIsOnWithoutAGivenToken() {
        // The random provider is not installable here, so its settings are checked on the JSON (see OfflineCopy).
        Map<String, Object> password = map(main, "resource", "random_password", "auth_token");
        assertEquals(32, password.get("length"));
        assertEquals(false, password.get("special"));
        assertEquals("${var.auth_token_enabled ? 1 : 0}", password.get("count"));
    }

    @Test
    void securityGroupHasNoInlineRulesAndIngressOnlyFromAllowedSources() {
        Map<String, Object> group = map(main, "resource", "aws_security_group", "this");
        assertFalse(group.containsKey("ingress"));
        assertFalse(group.containsKey("egress"));
        assertEquals("${var.create_security_group ? 1 : 0}", group.get("count"));
        Map<String, Object> rules = map(main, "resource", "aws_vpc_security_group_ingress_rule");
        // Counted, never for_each: a source created in the same apply is unknown at plan, and for_each keys must be known.
        assertEquals("${length(local.ingress_security_group_ids)}", at(rules, "from_security_groups", "count"));
        assertEquals("${local.ingress_security_group_ids[count.index]}", at(rules, "from_security_groups", "referenced_security_group_id"));
        assertEquals("${length(local.ingress_cidr_blocks)}", at(rules, "from_cidr_blocks", "count"));
        assertEquals("${local.ingress_cidr_blocks[count.index]}", at(rules, "from_cidr_blocks", "cidr_ipv4"));
        assertEquals("${var.create_security_group ? var.allowed_security_group_ids : []}", at(main, "locals", "ingress_security_group_ids"));
        assertEquals("${var.create_security_group ? var.allowed_cidr_blocks : []}", at(main, "locals", "ingress_cidr_blocks"));
        assertEquals("${concat(aws_security_group.this[*].id, var.security_group_ids)}",
                at(main, "resource", "aws_elasticache_replication_group", "this", "security_group_ids"));
        assertEquals("${var.port}", at(rules, "from_cidr_blocks", "from_port"));
    }

    @Test
    void oneLogGroupPerLogType() {
        Map<String, Object> logs = map(main, "resource", "aws_cloudwatch_log_group");
        assertEquals("/aws/elasticache/${var.name}/slow-log", at(logs, "slow_log", "name"));
        assertEquals("/aws/elasticache/${var.name}/engine-log", at(logs, "engine_log", "name"));
        assertEquals("${var.log_retention_days}", at(logs, "slow_log", "retention_in_days"));
    }

    @Test
    void everyTaggableResourceIsTagged() {
        Map<String, Map<String, Map<String, Object>>> resources = at(main, "resource");
        resources.forEach((type, byName) -> byName.forEach((name, body) -> {
            if (type.equals("aws_security_group")) {
                assertEquals("${merge(local.tags, var.security_group_tags)}", body.get("tags"), type + "." + name);
            } else if (!List.of("random_password", "terraform_data", "aws_route53_record", "aws_secretsmanager_secret_version").contains(type)) {
                // the first two are not AWS resources; a DNS record and a secret version have no tags
                assertEquals("${local.tags}", body.get("tags"), type + "." + name);
            }
        }));
    }

    @Test
    void moduleConfiguresNoProviderNoBackendAndStatesLowerBounds() {
        Map<String, Object> terraform = synthesized.moduleSection("terraform");
        assertFalse(terraform.containsKey("backend"));
        assertEquals("hashicorp/aws", at(terraform, "required_providers", "aws", "source"));
        assertTrue(((String) at(terraform, "required_providers", "aws", "version")).startsWith(">="));
        assertTrue(((String) at(terraform, "required_providers", "random", "version")).startsWith(">="));
        assertNull(synthesized.moduleConfig.get("provider"));
        assertFalse(Json.render(synthesized.moduleConfig).contains("\"//\""), "cdktf metadata in the module");
        for (String file : List.of("versions.tf", "variables.tf", "main.tf", "security_group.tf", "logs.tf", "alarms.tf", "outputs.tf")) {
            String text = Synthesized.read(synthesized.module.resolve(file));
            assertFalse(text.contains("provider \"") || text.contains("backend \""), file + " configures a provider or backend");
        }
    }
}
