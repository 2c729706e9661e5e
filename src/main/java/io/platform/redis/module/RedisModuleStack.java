package io.platform.redis.module;

import com.hashicorp.cdktf.MapTerraformIterator;
import com.hashicorp.cdktf.providers.random_provider.password.Password;
import com.hashicorp.cdktf.Precondition;
import com.hashicorp.cdktf.TerraformIterator;
import com.hashicorp.cdktf.TerraformResourceLifecycle;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.Token;
import com.hashicorp.cdktf.providers.aws.cloudwatch_log_group.CloudwatchLogGroup;
import com.hashicorp.cdktf.providers.aws.cloudwatch_metric_alarm.CloudwatchMetricAlarm;
import com.hashicorp.cdktf.providers.aws.elasticache_parameter_group.ElasticacheParameterGroup;
import com.hashicorp.cdktf.providers.aws.elasticache_replication_group.ElasticacheReplicationGroup;
import com.hashicorp.cdktf.providers.aws.elasticache_replication_group.ElasticacheReplicationGroupLogDeliveryConfiguration;
import com.hashicorp.cdktf.providers.aws.elasticache_replication_group.ElasticacheReplicationGroupTimeouts;
import com.hashicorp.cdktf.providers.aws.elasticache_subnet_group.ElasticacheSubnetGroup;
import com.hashicorp.cdktf.providers.aws.elasticache_user.ElasticacheUser;
import com.hashicorp.cdktf.providers.aws.elasticache_user.ElasticacheUserAuthenticationMode;
import com.hashicorp.cdktf.providers.aws.elasticache_user_group.ElasticacheUserGroup;
import com.hashicorp.cdktf.providers.aws.route53_record.Route53Record;
import com.hashicorp.cdktf.providers.aws.secretsmanager_secret.SecretsmanagerSecret;
import com.hashicorp.cdktf.providers.aws.secretsmanager_secret_version.SecretsmanagerSecretVersion;
import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroup;
import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroupTimeouts;
import com.hashicorp.cdktf.providers.aws.vpc_security_group_ingress_rule.VpcSecurityGroupIngressRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * The Redis module itself: variables, resources, outputs. This stack is never deployed; {@link ModuleExporter}
 * turns its synthesized JSON into the standalone module under {@code modules/redis}, which every environment stack
 * then calls. Resources are named {@code this} (one per type), outputs and variables keep their exact names.
 */
public final class RedisModuleStack extends TerraformStack {
    /**
     * The module's variable, locals and output blocks, written into the stack in one override each when it is complete:
     * a construct per block cost two round trips into the jsii runtime each (about 250 in all, a third of the module's
     * rendering time). Resources refer to them by their Terraform names ({@code var.port}, {@code local.tags}).
     */
    private final Map<String, Object> variableBlocks = new LinkedHashMap<>();
    private final Map<String, Object> localValues = new LinkedHashMap<>();
    private final Map<String, Object> outputBlocks = new LinkedHashMap<>();
    private final Map<String, String> reasons = new LinkedHashMap<>();

    public RedisModuleStack(Construct scope, String id) {
        super(scope, id);
        RedisVariables.ALL.forEach(this::declare);

        Local tags = local("tags", "${merge({ Environment = var.environment }, var.tags)}");
        // redis7, redis6.x, valkey7, valkey8: the families ElastiCache names after the engine and its major version.
        Local family = local("parameter_group_family", "${" + RedisVariables.HCL_PARAMETER_GROUP_FAMILY + "}");
        // what a parameter group of each family can set (EngineParameters): the common names once, then each family's own
        localValues.put("engine_parameters_common", EngineParameters.common());
        localValues.put("engine_parameters", EngineParameters.byFamilyInHcl());
        // The windows as minutes, for the precondition that they do not overlap (Windows).
        Windows.hclLocals("var.snapshot_window", "var.maintenance_window").forEach((name, value) -> local(name, "${" + value + "}"));

        var subnetGroup = ElasticacheSubnetGroup.Builder.create(this, "subnet_group")
                .count(Token.asNumber("${var.create_subnet_group ? 1 : 0}"))
                .name(str("name") + "-subnets")
                .description("${coalesce(var.subnet_group_description, \"Private subnets of ${var.name}\")}")
                .subnetIds(list("subnet_ids"))
                .tags(tagMap(tags))
                .build();
        subnetGroup.overrideLogicalId("this");

        reason("resource.aws_security_group.this", "No egress rule: Redis only answers, and an open egress rule is what scanners flag.\n"
                + "Without vpc_id the group goes into the subnet group's VPC: an attribute, never a data source counted on vpc_id,\n"
                + "so a vpc_id or subnet created in the same apply plans (a count cannot depend on an unknown value).");
        local("security_group_name", "${coalesce(var.security_group_name, \"${var.name}-redis\")}");
        var securityGroup = SecurityGroup.Builder.create(this, "security_group")
                .count(Token.asNumber("${var.create_security_group ? 1 : 0}"))
                .name("${var.security_group_use_name_prefix ? null : local.security_group_name}")
                .namePrefix("${var.security_group_use_name_prefix ? \"${local.security_group_name}-\" : null}")
                .description("${coalesce(var.security_group_description, \"Redis ${var.name}: ingress only from allowed security groups and CIDR blocks\")}")
                // A replacement (new name, description or VPC) creates the new group first: the nodes move to it
                // before the old one is deleted, which AWS refuses while nodes use it.
                .lifecycle(TerraformResourceLifecycle.builder().createBeforeDestroy(true).precondition(List.of(Precondition.builder()
                        // The subnet group's vpc_id is computed: at plan it is the running subnet group's VPC. A running cluster
                        // cannot move to another VPC: the group would land in the new VPC. A new cluster in the wrong VPC is
                        // refused by AWS itself at apply, so only running ones are checked, and only against a VPC id the
                        // provider reported (a mocked provider, in terraform test, reports a random string).
                        .condition("${var.vpc_id == null || !var.create_subnet_group || local.running_cluster_is_new "
                                + "|| !startswith(coalesce(one(aws_elasticache_subnet_group.this[*].vpc_id), \"-\"), \"vpc-\") "
                                + "|| one(aws_elasticache_subnet_group.this[*].vpc_id) == var.vpc_id}")
                        .errorMessage("Unsafe change to the cluster ${var.name}: vpc_id is not the VPC of the subnets it runs in. A running cluster cannot "
                                + "move to another VPC (its subnet group and security groups stay in one VPC): create a new cluster in "
                                + "that VPC from a snapshot of this one (module README, \"Restore\"), or give subnet_ids of vpc_id.")
                        .build())).build())
                .vpcId("${var.vpc_id != null ? var.vpc_id : one(aws_elasticache_subnet_group.this[*].vpc_id)}")
                .tags(Token.asStringMap("${merge(local.tags, var.security_group_tags)}"))
                .timeouts(SecurityGroupTimeouts.builder().create("${var.security_group_create_timeout}")
                        .delete("${var.security_group_delete_timeout}").build())
                .build();
        securityGroup.overrideLogicalId("this");
        String createdGroupId = "${aws_security_group.this[0].id}";

        reason("resource.aws_vpc_security_group_ingress_rule.from_security_groups",
                "One rule resource per source, counted over the list: ids of groups created in the same apply are unknown at plan,\n"
                + "and for_each keys must be known. Appending a source adds one rule; removing one updates the later rules in place.");
        local("ingress_security_group_ids", "${var.create_security_group ? var.allowed_security_group_ids : []}");
        ingressRule("from_security_groups", "local.ingress_security_group_ids", createdGroupId, tags)
                .referencedSecurityGroupId("${local.ingress_security_group_ids[count.index]}").build();
        local("ingress_cidr_blocks", "${var.create_security_group ? var.allowed_cidr_blocks : []}");
        ingressRule("from_cidr_blocks", "local.ingress_cidr_blocks", createdGroupId, tags)
                .cidrIpv4("${local.ingress_cidr_blocks[count.index]}").build();

        reason("resource.aws_vpc_security_group_ingress_rule.from_sources", "Keyed by the caller's names, known at plan: each source may come "
                + "from a resource of the same apply,\nand adding or removing one never touches another's rule.");
        local("ingress_sources", "${var.create_security_group ? var.ingress_sources : {}}");
        MapTerraformIterator sources = TerraformIterator.fromMap(Token.asStringMap("${local.ingress_sources}"));
        VpcSecurityGroupIngressRule.Builder.create(this, "from_sources")
                .forEach(sources)
                .lifecycle(RULES_FIRST)
                .securityGroupId(createdGroupId)
                .ipProtocol("tcp").fromPort(num("port")).toPort(num("port"))
                .referencedSecurityGroupId("${startswith(each.value, \"sg-\") ? each.value : null}")
                .prefixListId("${startswith(each.value, \"pl-\") ? each.value : null}")
                .cidrIpv4("${can(cidrnetmask(each.value)) ? each.value : null}")
                .description("Redis from ${each.key}")
                .tags(tagMap(tags))
                .build();

        // Parameters left null keep Redis' default: setting a default value explicitly makes a perpetual diff.
        // the tuned parameters come from the typed inputs (each input names its parameter), then the caller's own
        local("parameters", "${merge({ for name, value in { " + String.join(", ", RedisVariables.ALL.stream().filter(v -> v.engineParameter() != null)
                .map(v -> "\"" + v.engineParameter() + "\" = " + (v.type() == VariableType.NUMBER ? "tostring(var." + v.name() + ")" : "var." + v.name()))
                .toList()) + " } : name => value if value != null }, var.parameters)}");
        MapTerraformIterator parameters = TerraformIterator.fromMap(Token.asStringMap("${local.parameters}"));

        // AWS cannot change a group's description: a new one is a new group, under a new name (the default keeps the old name)
        local("parameter_group_suffix", "${var.parameter_group_description == null ? \"\" : \"-${substr(sha1(var.parameter_group_description), 0, 8)}\"}");
        reason("resource.aws_elasticache_parameter_group.this", "The family is part of the name and the new group is created "
                + "before the old one is destroyed,\nso an engine upgrade does not fail with InvalidCacheParameterGroupState.");
        var parameterGroup = ElasticacheParameterGroup.Builder.create(this, "parameter_group")
                .count(Token.asNumber("${var.create_parameter_group ? 1 : 0}"))
                .name(str("name") + "-" + "${replace(local.parameter_group_family, \".\", \"-\")}${local.parameter_group_suffix}")
                .family(family.reference())
                .description("${coalesce(var.parameter_group_description, \"Redis tuning for ${var.name}\")}")
                .parameter(parameters.dynamic(orderedMap("name", parameters.getKey(), "value", parameters.getValue())))
                .lifecycle(TerraformResourceLifecycle.builder().createBeforeDestroy(true).build())
                .tags(tagMap(tags))
                .build();
        parameterGroup.overrideLogicalId("this");

        reason("resource.random_password.auth_token", "Counted on auth_token_enabled alone: a count may not depend on auth_token, "
                + "which is often unknown at plan\n(a random_password of the caller's). When auth_token is given, this one is unused.");
        var generatedToken = AuthTokens.password(this, "auth_token")
                .count(Token.asNumber("${var.auth_token_enabled ? 1 : 0}"))
                .build();
        // The only place that reads the generated password: offline checks swap this one reference for a stand-in.
        Local authToken = local("auth_token", "${!var.auth_token_enabled ? null : (var.auth_token != null ? var.auth_token : one("
                + generatedToken.getFqn() + "[*].result))}");

        rbacUsers(tags);

        reason("resource.aws_cloudwatch_log_group.slow_log",
                "One log group per log type: sharing one makes the second delivery fail with \"already exists\".\nCounted on log_destination_type: none when the logs go to a Firehose stream.");
        logGroup("slow_log", "slow-log", tags);
        logGroup("engine_log", "engine-log", tags);

        reason("resource.aws_elasticache_replication_group.this", "One address whatever the protection: promoting a cluster to prod "
                + "or turning prevent_destroy on never moves it,\nwhich would plan its destruction. The guard below protects it.");
        local("protect_from_destroy", "${coalesce(var.prevent_destroy, var.environment == \"prod\")}");
        local("final_snapshot_name", "${coalesce(var.final_snapshot_identifier, \"${var.name}-final\")}");
        finalSnapshotSuffix();
        runningClusterMemory();
        replicationGroup(authToken, parameterGroup, subnetGroup, tags);
        protectionGuard();

        alarms(tags);
        dnsRecord();

        // URLs are built from values known at plan time where possible; port comes from the resource so a URL
        // never carries a null port.
        local("redis_scheme", "${var.transit_encryption_enabled ? \"rediss\" : \"redis\"}");
        local("redis_userinfo", "${var.redis_url_user != null ? lookup(local.rbac_userinfo, var.redis_url_user, \"\") : "
                + "(local.auth_token == null ? \"\" : \":${urlencode(local.auth_token)}@\")}");
        local("celery_userinfo", "${var.celery_broker_url_user != null ? lookup(local.rbac_userinfo, var.celery_broker_url_user, \"\") : "
                + "(local.auth_token == null ? \"\" : \":${urlencode(local.auth_token)}@\")}");
        local("redis_host_port", group("primary_endpoint_address") + ":" + group("port"));
        Local base = local("redis_base_url", "${local.redis_scheme}://${local.redis_userinfo}${local.redis_host_port}");

        Map<ModuleOutput, Object> values = new LinkedHashMap<>();
        values.put(RedisOutputs.PRIMARY_ENDPOINT_ADDRESS, group("primary_endpoint_address"));
        values.put(RedisOutputs.READER_ENDPOINT_ADDRESS, group("reader_endpoint_address"));
        values.put(RedisOutputs.PORT, group("port"));
        values.put(RedisOutputs.REDIS_URL, base.reference() + "/0");
        // Celery's Redis result backend refuses a rediss:// URL that does not say how to check the server's
        // certificate; ElastiCache's certificates are publicly trusted, so the broker URL asks for full checks.
        Local celeryTls = local("celery_tls_query", "${var.transit_encryption_enabled ? \"?ssl_cert_reqs=required\" : \"\"}");
        values.put(RedisOutputs.CELERY_BROKER_URL, "${local.redis_scheme}://${local.celery_userinfo}${local.redis_host_port}/1"
                + celeryTls.reference());
        values.put(RedisOutputs.HOST_REDIS_URL, "${local.redis_scheme}://${local.redis_userinfo}${local.host}:" + group("port") + "/0");
        values.put(RedisOutputs.USER_URLS, "${{ for user, userinfo in local.rbac_userinfo : user => \"${local.redis_scheme}://${userinfo}${local.redis_host_port}\" }}");
        values.put(RedisOutputs.USER_SECRET_ARNS, "${{ for user, secret in aws_secretsmanager_secret.rbac_user : user => secret.arn }}");
        values.put(RedisOutputs.SECRETS_READ_POLICY_JSON, "${length(var.rbac_users) == 0 ? null : jsonencode({ Version = \"2012-10-17\", "
                + "Statement = concat([{ Sid = \"ReadRedisUserSecrets\", Effect = \"Allow\", "
                + "Action = [\"secretsmanager:GetSecretValue\", \"secretsmanager:DescribeSecret\"], "
                + "Resource = [for secret in aws_secretsmanager_secret.rbac_user : secret.arn] }], "
                // the key decrypts only through Secrets Manager of the key's region: the role gets no other use of it
                + "var.secret_kms_key_arn == null ? [] : [{ Sid = \"DecryptRedisUserSecrets\", Effect = \"Allow\", Action = \"kms:Decrypt\", "
                + "Resource = var.secret_kms_key_arn, Condition = { StringEquals = { \"kms:ViaService\" = "
                + "\"secretsmanager.${split(\":\", var.secret_kms_key_arn)[3]}.amazonaws.com\" } } }]) })}");
        values.put(RedisOutputs.CONNECTION_URL, base.reference());
        values.put(RedisOutputs.REDIS_SECURITY_GROUP_ID,
                "${var.create_security_group ? aws_security_group.this[0].id : try(var.security_group_ids[0], null)}");
        values.put(RedisOutputs.REPLICATION_GROUP_ID, group("id"));
        values.put(RedisOutputs.REPLICATION_GROUP_ARN, group("arn"));
        values.put(RedisOutputs.MEMBER_CLUSTERS, group("member_clusters"));
        values.put(RedisOutputs.ENGINE_VERSION_ACTUAL, group("engine_version_actual"));
        values.put(RedisOutputs.PARAMETER_GROUP_NAME, PARAMETER_GROUP);
        values.put(RedisOutputs.PARAMETER_GROUP_ARN, "${one(aws_elasticache_parameter_group.this[*].arn)}");
        values.put(RedisOutputs.SUBNET_GROUP_NAME, SUBNET_GROUP);
        values.put(RedisOutputs.SECURITY_GROUP_ARN, "${one(aws_security_group.this[*].arn)}");
        values.put(RedisOutputs.SECURITY_GROUP_NAME, "${one(aws_security_group.this[*].name)}");
        values.put(RedisOutputs.SLOW_LOG_GROUP_ARN, "${one(aws_cloudwatch_log_group.slow_log[*].arn)}");
        values.put(RedisOutputs.ENGINE_LOG_GROUP_ARN, "${one(aws_cloudwatch_log_group.engine_log[*].arn)}");
        local("host", "${var.dns_subdomain == null ? " + GROUP + ".primary_endpoint_address : one(aws_route53_record.this[*].fqdn)}");
        values.put(RedisOutputs.HOST, "${local.host}");
        values.put(RedisOutputs.SLOW_LOG_GROUP_NAME, "${one(aws_cloudwatch_log_group.slow_log[*].name)}");
        values.put(RedisOutputs.ENGINE_LOG_GROUP_NAME, "${one(aws_cloudwatch_log_group.engine_log[*].name)}");
        values.put(RedisOutputs.AUTH_TOKEN, authToken.reference());
        values.put(RedisOutputs.ALARM_NAMES, "${[for alarm in aws_cloudwatch_metric_alarm.this : alarm.alarm_name]}");
        values.put(RedisOutputs.ALARM_ARNS, "${[for alarm in aws_cloudwatch_metric_alarm.this : alarm.arn]}");
        for (ModuleOutput output : RedisOutputs.ALL) {
            Object value = values.get(output);
            if (value == null) {
                throw new IllegalStateException("output " + output.name() + " has no value");
            }
            Map<String, Object> block = new LinkedHashMap<>();
            block.put("value", value);
            block.put("description", output.description());
            if (output.sensitive()) {
                block.put("sensitive", true); // only said when true, as hand-written modules do
            }
            outputBlocks.put(output.name(), block);
        }
        addOverride("variable", variableBlocks);
        addOverride("locals", localValues);
        addOverride("output", outputBlocks);
    }

    /**
     * One alarm per member node and metric. ElastiCache names the nodes of a replication group {@code <id>-001},
     * {@code -002}..., so the ids are known at plan time from name and num_cache_clusters; an alarm on the group id
     * itself would never receive data. CPUUtilization (the host) matters only on nodes with at most 2 vCPUs, where
     * the engine thread shares the host's cores; the sizes micro to large are exactly those.
     */
    private void alarms(Local tags) {
        reason("resource.aws_cloudwatch_metric_alarm.this", "One alarm per member node and metric: ElastiCache names the nodes "
                + "<name>-001, -002...;\nan alarm on the replication group id would never receive data.");
        local("alarm_member_ids", "${[for index in range(var.num_cache_clusters) : format(\"%s-%03d\", var.name, index + 1)]}");
        alarmMetric("alarm_engine_cpu", "EngineCPUUtilization", "Average", "alarm_engine_cpu_threshold", "% engine CPU");
        alarmMetric("alarm_memory", "DatabaseMemoryUsagePercentage", "Average", "alarm_memory_threshold", "% of maxmemory");
        alarmMetric("alarm_evictions", "Evictions", "Sum", "alarm_evictions_threshold", "keys evicted per 5 minutes");
        alarmMetric("alarm_connections", "CurrConnections", "Maximum", "alarm_connections_threshold", "connections");
        alarmMetric("alarm_host_cpu", "CPUUtilization", "Average", "alarm_cpu_threshold", "% host CPU");
        local("alarm_node_has_two_vcpus_at_most", "${can(regex(\"" + TWO_VCPUS_AT_MOST + "\", var.node_type))}");
        local("alarm_metrics", "${merge({ engine-cpu = local.alarm_engine_cpu, memory = local.alarm_memory, evictions = local.alarm_evictions, "
                + "connections = local.alarm_connections }, local.alarm_node_has_two_vcpus_at_most ? { cpu = local.alarm_host_cpu } : {})}");
        local("alarm_per_node_and_metric", "${!var.alarms_enabled ? {} : { for pair in setproduct(local.alarm_member_ids, keys(local.alarm_metrics)) :"
                + " \"${pair[0]}-${pair[1]}\" => merge(local.alarm_metrics[pair[1]], { node = pair[0] }) }}");
        local("alarm_actions", "${var.alarm_topic_arns != null ? var.alarm_topic_arns"
                + " : (var.notification_topic_arn == null ? [] : [var.notification_topic_arn])}");
        MapTerraformIterator alarms = TerraformIterator.fromMap(Token.asAnyMap("${local.alarm_per_node_and_metric}"));
        var alarm = CloudwatchMetricAlarm.Builder.create(this, "alarm")
                .forEach(alarms)
                .alarmName(Token.asString(alarms.getKey()))
                .alarmDescription("ElastiCache node " + alarms.getString("node") + ": " + alarms.getString("metric") + " above "
                        + alarms.getString("threshold") + " " + alarms.getString("unit") + " for 15 minutes")
                .namespace("AWS/ElastiCache")
                .metricName(alarms.getString("metric"))
                .statistic(alarms.getString("statistic"))
                .threshold(alarms.getNumber("threshold"))
                .comparisonOperator("GreaterThanThreshold")
                .period(300)
                .evaluationPeriods(3)
                .dimensions(Map.of("CacheClusterId", alarms.getString("node")))
                .alarmActions(Token.asList("${local.alarm_actions}"))
                .okActions(Token.asList("${local.alarm_actions}"))
                // A gap (maintenance, a node being replaced) neither pages anyone nor clears a real alarm.
                .treatMissingData("missing")
                .tags(tagMap(tags))
                .build();
        alarm.overrideLogicalId("this");
    }

    /** One metric the alarms watch: a local object, so the HCL shows it as an object, not a string. */
    private void alarmMetric(String local, String metric, String statistic, String thresholdVariable, String unit) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("metric", metric);
        value.put("statistic", statistic);
        value.put("threshold", "${var." + thresholdVariable + "}");
        value.put("unit", unit);
        localValues.put(local, value);
    }

    /** Why a block is as it is, keyed by its address; the exported HCL carries it as a comment above the block. */
    public Map<String, String> reasons() {
        return java.util.Collections.unmodifiableMap(reasons);
    }

    private void reason(String address, String text) {
        reasons.put(address, text);
    }

    /** An ingress rule on the Redis port for each element of the list {@code sources}; the caller adds the source. */
    private VpcSecurityGroupIngressRule.Builder ingressRule(String id, String sources, String groupId, Local tags) {
        return VpcSecurityGroupIngressRule.Builder.create(this, id)
                .count(Token.asNumber("${length(" + sources + ")}"))
                .lifecycle(RULES_FIRST)
                .securityGroupId(groupId)
                .ipProtocol("tcp").fromPort(num("port")).toPort(num("port"))
                .description("Redis from ${" + sources + "[count.index]}")
                .tags(tagMap(tags));
    }

    /**
     * A security group replaced (new VPC, name or description) gets its rules before the old rules go, and the
     * cluster moves to it only once they exist (the replication group depends on them): no moment without ingress.
     */
    private static final TerraformResourceLifecycle RULES_FIRST = TerraformResourceLifecycle.builder().createBeforeDestroy(true).build();
    private static final List<String> INGRESS_RULES = List.of("aws_vpc_security_group_ingress_rule.from_security_groups",
            "aws_vpc_security_group_ingress_rule.from_cidr_blocks", "aws_vpc_security_group_ingress_rule.from_sources");

    /** An attribute of the replication group. */
    private static String group(String attribute) {
        return "${" + GROUP + "." + attribute + "}";
    }

    static final String GROUP = "aws_elasticache_replication_group.this";

    /**
     * RBAC: one user per rbac_users entry with a generated password in Secrets Manager, and the user group ElastiCache
     * requires (with a disabled "default" user). Keyed by the user names, literal in the configuration.
     */
    private void rbacUsers(Local tags) {
        // A password's key is the user name for version 1 (the key of the releases before versions) and user/version
        // after: a rotation adds a key and keeps the previous one, so both passwords exist until the previous is retired.
        local("rbac_password_keys", "${{ for user in keys(var.rbac_users) : user => lookup(var.rbac_password_versions, user, \"1\") == \"1\" "
                + "? user : \"${user}/${var.rbac_password_versions[user]}\" }}");
        local("rbac_previous_password_keys", "${{ for user, version in var.rbac_previous_password_versions : user => version == \"1\" "
                + "? user : \"${user}/${version}\" if contains(keys(var.rbac_users), user) }}");
        reason("resource.random_password.rbac_user", "One password per RBAC user and version, keyed by the user names and versions (known at "
                + "plan); two for a user in rotation.");
        Password passwords = AuthTokens.password(this, "rbac_user_password").build();
        passwords.addOverride("for_each", "${toset(concat(values(local.rbac_password_keys), values(local.rbac_previous_password_keys)))}");
        passwords.overrideLogicalId("rbac_user");
        local("rbac_userinfo", "${{ for user, key in local.rbac_password_keys : user => \"${urlencode(user)}:${urlencode(random_password.rbac_user[key].result)}@\" }}");
        reason("resource.aws_elasticache_user.default", "Every ElastiCache user group needs a user named default: this one is switched off.");
        ElasticacheUser.Builder.create(this, "rbac_default_user")
                .count(Token.asNumber("${length(var.rbac_users) > 0 ? 1 : 0}"))
                .userId(AwsNames.defaultUserId("${var.name}")).userName("default").engine(str("engine"))
                .accessString("off -@all")
                .authenticationMode(ElasticacheUserAuthenticationMode.builder().type("no-password-required").build())
                .tags(tagMap(tags))
                .build().overrideLogicalId("default");
        MapTerraformIterator each = TerraformIterator.fromMap(Token.asStringMap("${var.rbac_users}"));
        ElasticacheUser users = ElasticacheUser.Builder.create(this, "rbac_user")
                .forEach(each)
                .userId(AwsNames.userId("${var.name}", "${each.key}")).userName("${each.key}").engine(str("engine"))
                .accessString("${each.value}")
                .authenticationMode(ElasticacheUserAuthenticationMode.builder().type("password")
                        // the current password first, then the one in retirement: ElastiCache users hold up to two
                        .passwords(Token.asList("${concat([random_password.rbac_user[local.rbac_password_keys[each.key]].result], "
                                + "[for key in compact([lookup(local.rbac_previous_password_keys, each.key, \"\")]) : random_password.rbac_user[key].result])}"))
                        .build())
                .tags(tagMap(tags))
                .build();
        users.overrideLogicalId("this");
        ElasticacheUserGroup.Builder.create(this, "rbac_user_group")
                .count(Token.asNumber("${length(var.rbac_users) > 0 ? 1 : 0}"))
                .userGroupId(AwsNames.userGroupId("${var.name}")).engine(str("engine"))
                .userIds(Token.asList("${concat(aws_elasticache_user.default[*].user_id, [for user in aws_elasticache_user.this : user.user_id])}"))
                .tags(tagMap(tags))
                .build().overrideLogicalId("this");
        local("user_group_ids", "${concat(var.user_group_ids, aws_elasticache_user_group.this[*].user_group_id)}");
        reason("resource.aws_secretsmanager_secret.rbac_user", "Each user's name and password, for the app that connects as it.");
        MapTerraformIterator secrets = TerraformIterator.fromMap(Token.asStringMap("${var.rbac_users}"));
        SecretsmanagerSecret.Builder.create(this, "rbac_user_secret")
                .forEach(secrets)
                .name(AwsNames.userSecretName("${var.name}", "${each.key}"))
                .description("Redis user ${each.key} of ${var.name}")
                .recoveryWindowInDays(Token.asNumber("${var.environment == \"prod\" ? 30 : 7}"))
                .kmsKeyId("${var.secret_kms_key_arn}")
                .tags(tagMap(tags))
                .build().overrideLogicalId("rbac_user");
        MapTerraformIterator versions = TerraformIterator.fromMap(Token.asStringMap("${var.rbac_users}"));
        SecretsmanagerSecretVersion.Builder.create(this, "rbac_user_secret_version")
                .forEach(versions)
                .secretId("${aws_secretsmanager_secret.rbac_user[each.key].id}")
                .secretString("${jsonencode({ username = each.key, password = random_password.rbac_user[local.rbac_password_keys[each.key]].result })}")
                // a new password reaches the secret only once ElastiCache accepts it: an app that reads the secret
                // in between never gets a password the cluster refuses
                .dependsOn(List.of(users))
                .build().overrideLogicalId("rbac_user");
    }

    /**
     * A CNAME to the primary endpoint under a name of the caller's zone, counted on dns_subdomain (a name written in
     * the configuration), never on zone_id, which often comes from a zone created in the same apply.
     */
    private void dnsRecord() {
        reason("resource.aws_route53_record.this", "Counted on dns_subdomain, a literal name, never on zone_id: a zone created in the same apply "
                + "has no id at plan.");
        Route53Record.Builder.create(this, "dns_record")
                .count(Token.asNumber("${var.dns_subdomain == null ? 0 : 1}"))
                .zoneId(str("zone_id"))
                .name(str("dns_subdomain"))
                .type("CNAME")
                .ttl(60)
                .records(List.of(group("primary_endpoint_address")))
                .build()
                .overrideLogicalId("this");
    }
    /** The guard's address: Terraform names it in the error that refuses a destroy, so the name says what it does. */
    /** The node sizes with at most 2 vCPUs, where the host CPU alarm is added (a regex on node_type). */
    static final String TWO_VCPUS_AT_MOST = "[.](micro|small|medium|large)$";

    public static final String GUARD = "terraform_data.protect_cluster_from_destroy";

    /**
     * prevent_destroy must be a literal, so it cannot sit on the replication group and follow an input. It sits on a
     * guard counted in when the cluster is protected: a plan that destroys or replaces the cluster (a new id) must
     * replace the guard, and Terraform refuses. States of the former twin resources move to the one address.
     */
    private void protectionGuard() {
        reason("resource." + GUARD, "Counted in when the cluster is protected (prod, or prevent_destroy = true). prevent_destroy must be "
                + "a literal,\nso it guards the cluster from here: destroying or replacing the cluster replaces this guard, "
                + "and Terraform refuses.\nTo lift it on purpose: terraform state rm this guard, then apply with "
                + "prevent_destroy = false (module README).");
        Map<String, Object> lifecycle = new LinkedHashMap<>();
        lifecycle.put("prevent_destroy", true);
        lifecycle.put("replace_triggered_by", List.of(GROUP + ".id"));
        Map<String, Object> guard = new LinkedHashMap<>();
        guard.put("count", "${local.protect_from_destroy ? 1 : 0}");
        guard.put("input", group("id"));
        guard.put("lifecycle", lifecycle);
        addOverride("resource." + GUARD, guard);
        addOverride("moved", List.of(
                orderedMap("from", "aws_elasticache_replication_group.protected[0]", "to", GROUP + "[0]"),
                orderedMap("from", GROUP + "[0]", "to", GROUP),
                // counted since log destinations: a log group of an earlier release stays the same group
                orderedMap("from", "aws_cloudwatch_log_group.slow_log", "to", "aws_cloudwatch_log_group.slow_log[0]"),
                orderedMap("from", "aws_cloudwatch_log_group.engine_log", "to", "aws_cloudwatch_log_group.engine_log[0]")));
    }

    static final String FINAL_SNAPSHOT_SUFFIX = "terraform_data.final_snapshot_suffix";
    /** The module's groups, or the existing ones the caller names. */
    static final String PARAMETER_GROUP = "${var.create_parameter_group ? one(aws_elasticache_parameter_group.this[*].name) : var.parameter_group_name}";
    static final String SUBNET_GROUP = "${var.create_subnet_group ? one(aws_elasticache_subnet_group.this[*].name) : var.subnet_group_name}";

    /**
     * The final snapshot is named {@code <name>-final-<8 hex digits>}: a fixed {@code <name>-final} exists after the
     * first destroy, and the next cluster of that name could not be destroyed. The suffix is a random id made when
     * the cluster is created, and made anew with every input that replaces the cluster (from the change-safety
     * catalog), so each cluster's final snapshot has a name of its own.
     */
    private void finalSnapshotSuffix() {
        List<String> replacing = RedisVariables.ALL.stream()
                .filter(v -> v.runningChanges().stream().anyMatch(c -> c.expected() == OnRunningCluster.REPLACES))
                .map(v -> "var." + v.name()).toList();
        reason("resource." + FINAL_SNAPSHOT_SUFFIX, "A random id per cluster, renewed with every input that replaces it: the final "
                + "snapshot <name>-final-<suffix> of a destroyed\ncluster never blocks the destroy of the next cluster of the same name.");
        local("cluster_identity", "${sha1(jsonencode([" + String.join(", ", replacing) + "]))}");
        addOverride("resource." + FINAL_SNAPSHOT_SUFFIX, Map.of("triggers_replace", "${local.cluster_identity}"));
    }

    /** The memory of what the running cluster has, one instance per fact ({@link DayTwoTransitions}). */
    static final String RUNNING_CLUSTER = "terraform_data.running_cluster";

    private void runningClusterMemory() {
        local("tls_required", "${var.transit_encryption_enabled && coalesce(var.transit_encryption_mode, \"required\") == \"required\"}");
        local("running_facts", "${" + DayTwoTransitions.hclFacts() + "}");
        reason("resource." + RUNNING_CLUSTER, "What the running cluster has (TLS, its mode, AUTH, RBAC...), one instance per fact holding the "
                + "plantimestamp() of the plan\nthat created it: a fact created by this plan turned true now. Transitions ElastiCache only "
                + "accepts in steps\nare refused at plan from it (DayTwoTransitions). Renewed with the cluster.");
        Map<String, Object> memory = new LinkedHashMap<>();
        memory.put("for_each", "${toset(concat([\"cluster\"], [for dimension, value in local.running_facts : \"${dimension}=${value}\"]))}");
        memory.put("input", "${plantimestamp()}");
        // Renewed by the inputs that always replace the cluster; not by engine_version, which replaces it only downwards.
        List<String> alwaysReplacing = RedisVariables.ALL.stream()
                .filter(v -> !v.runningChanges().isEmpty() && v.runningChanges().stream().allMatch(c -> c.expected() == OnRunningCluster.REPLACES))
                .map(v -> "var." + v.name()).toList();
        memory.put("triggers_replace", "${sha1(jsonencode([" + String.join(", ", alwaysReplacing) + "]))}");
        memory.put("lifecycle", Map.of("ignore_changes", List.of("input")));
        addOverride("resource." + RUNNING_CLUSTER, memory);
        local("running_cluster_is_new", "${" + RUNNING_CLUSTER + "[\"cluster\"].input == plantimestamp()}");
        local("turned_facts", "${toset([for fact, memory in " + RUNNING_CLUSTER + " : fact if !local.running_cluster_is_new && memory.input == plantimestamp()])}");
        local("turned_dimensions", "${toset([for fact in local.turned_facts : split(\"=\", fact)[0]])}");
    }

    private void replicationGroup(Local authToken,
                                  ElasticacheParameterGroup parameterGroup, ElasticacheSubnetGroup subnetGroup,
                                  Local tags) {
        List<Precondition> preconditions = new ArrayList<>();
        for (CrossRule rule : RedisVariables.preconditions()) {
            preconditions.add(Precondition.builder().condition("${" + rule.hclCondition() + "}")
                    .errorMessage("Invalid inputs: " + rule.hclMessage() + ".").build());
        }
        for (DayTwoTransitions.Transition transition : DayTwoTransitions.REFUSED) {
            preconditions.add(Precondition.builder().condition("${" + transition.hclCondition() + "}")
                    .errorMessage("Unsafe change to the running cluster ${var.name}: " + transition.message()).build());
        }
        var group = ElasticacheReplicationGroup.Builder.create(this, "replication_group")
                .replicationGroupId(str("name"))
                .description("${coalesce(var.description, \"Redis for ${var.name} (${var.environment})\")}")
                .engine(str("engine"))
                .engineVersion(str("engine_version"))
                .nodeType(str("node_type"))
                .numCacheClusters(num("num_cache_clusters"))
                .port(num("port"))
                .parameterGroupName(PARAMETER_GROUP)
                .subnetGroupName(SUBNET_GROUP)
                .preferredCacheClusterAzs(list("preferred_cache_cluster_azs"))
                .networkType(str("network_type"))
                .ipDiscovery(str("ip_discovery"))
                // Sent both ways: left null, a change to false would plan nothing (the attribute is optional and computed).
                // A false is not sent when a cluster is created, and a running cluster reads back false.
                .dataTieringEnabled(bool("data_tiering_enabled"))
                // Left unset rather than []: the provider sees any user_group_ids, even [], as conflicting with auth_token.
                .userGroupIds(Token.asList("${length(local.user_group_ids) > 0 ? local.user_group_ids : null}"))
                .securityGroupIds(Token.asList("${concat(aws_security_group.this[*].id, var.security_group_ids)}"))
                .automaticFailoverEnabled(bool("automatic_failover_enabled"))
                .multiAzEnabled(bool("multi_az_enabled"))
                .atRestEncryptionEnabled(bool("at_rest_encryption_enabled"))
                .kmsKeyId(str("kms_key_arn"))
                .transitEncryptionEnabled(bool("transit_encryption_enabled"))
                .authToken(authToken.reference())
                .snapshotRetentionLimit(num("snapshot_retention_limit"))
                .snapshotWindow(str("snapshot_window"))
                .maintenanceWindow(str("maintenance_window"))
                .finalSnapshotIdentifier("${var.skip_final_snapshot ? null : (var.final_snapshot_unique_suffix ? \"${local.final_snapshot_name}-${substr("
                        + FINAL_SNAPSHOT_SUFFIX + ".id, 0, 8)}\" : local.final_snapshot_name)}")
                .snapshotName(str("snapshot_name"))
                .snapshotArns(list("snapshot_arns"))
                .notificationTopicArn(str("notification_topic_arn"))
                // A new parameter group (an engine upgrade to another family) must be in use at once: the old group is
                // deleted in the same apply, which ElastiCache refuses while the cluster still uses it.
                .applyImmediately(Token.asAny("${coalesce(var.apply_immediately, var.environment != \"prod\") || contains(local.turned_dimensions, \"parameter_group\")}"))
                .autoMinorVersionUpgrade("${tostring(var.auto_minor_version_upgrade)}")
                .timeouts(ElasticacheReplicationGroupTimeouts.builder().create("${lookup(var.timeouts, \"create\", null)}")
                        .update("${lookup(var.timeouts, \"update\", null)}").delete("${lookup(var.timeouts, \"delete\", null)}").build())
                .logDeliveryConfiguration(List.of(logDelivery("slow_log", "slow-log"), logDelivery("engine_log", "engine-log")))
                .lifecycle(TerraformResourceLifecycle.builder().precondition(preconditions).build())
                .tags(tagMap(tags))
                .build();
        // Newer than the AWS bindings (provider 5.23.1); the module requires a provider that has them (5.27+).
        // A changed token is rotated in place (both valid until clients move), never by replacing the cluster.
        // A token added to a running cluster without one must be ROTATE (SET is accepted only after ROTATE); the next
        // apply then sends the caller's strategy, SET closing passwordless access.
        group.addOverride("auth_token_update_strategy", "${var.auth_token_enabled ? (contains(local.turned_facts, \"auth_token=on\") ? \"ROTATE\" "
                + ": var.auth_token_update_strategy) : null}");
        // Sent explicitly (required unless preferred is asked for), so going back from preferred sends required; not on
        // Redis 6, which has no TLS modes, nor in the apply that upgrades to another family (a 6.x cluster would get a
        // mode in the call that upgrades it; the next apply sends it, if it differs from what the cluster reports).
        group.addOverride("transit_encryption_mode", "${var.transit_encryption_enabled && (var.engine == \"valkey\" || !startswith(var.engine_version, \"6\")) "
                + "&& !contains(local.turned_dimensions, \"parameter_group\") ? coalesce(var.transit_encryption_mode, \"required\") : null}");
        group.addOverride("depends_on", INGRESS_RULES);
        group.overrideLogicalId("this");
    }

    /** The variable block of {@code variable}, as cdktf writes a TerraformVariable's. */
    private void declare(Variable variable) {
        Map<String, Object> block = new LinkedHashMap<>();
        if (variable.defaultValue() != null) {
            block.put("default", variable.defaultValue());
        }
        block.put("description", variable.description());
        block.put("type", variable.type().hcl());
        if (variable.sensitive()) {
            block.put("sensitive", true);
        }
        block.put("nullable", variable.nullable());
        List<Map<String, Object>> validations = new ArrayList<>();
        for (Rule rule : variable.rules()) {
            validations.add(orderedMap("condition", "${" + rule.conditionFor(variable.name(), variable.nullable()) + "}",
                    "error_message", "The " + variable.name() + " value must be " + rule.rule() + "."));
        }
        if (!validations.isEmpty()) {
            block.put("validation", validations);
        }
        variableBlocks.put(variable.name(), block);
    }

    /** A local value of the module, by its Terraform name. */
    private record Local(String name) {
        String reference() {
            return "${local." + name + "}";
        }
    }

    private Local local(String name, String expression) {
        localValues.put(name, expression);
        return new Local(name);
    }

    private CloudwatchLogGroup logGroup(String id, String logType, Local tags) {
        CloudwatchLogGroup group = CloudwatchLogGroup.Builder.create(this, id)
                .count(Token.asNumber("${var.log_destination_type == \"" + RedisVariables.CLOUDWATCH_LOGS + "\" ? 1 : 0}"))
                .name("/aws/elasticache/" + str("name") + "/" + logType)
                .retentionInDays(num("log_retention_days"))
                .kmsKeyId(str("log_kms_key_arn"))
                .tags(tagMap(tags))
                .build();
        return group;
    }

    /** One log type's delivery: to the module's log group, or to the caller's Firehose stream. */
    private static ElasticacheReplicationGroupLogDeliveryConfiguration logDelivery(String groupId, String logType) {
        return ElasticacheReplicationGroupLogDeliveryConfiguration.builder()
                .destination("${var.log_destination_type == \"" + RedisVariables.CLOUDWATCH_LOGS + "\" ? one(aws_cloudwatch_log_group." + groupId
                        + "[*].name) : var.log_firehose_delivery_stream}")
                .destinationType("${var.log_destination_type}")
                .logFormat("json")
                .logType(logType)
                .build();
    }

    /** Map.of iterates in a per-JVM random order; generated files must not depend on it. */
    private static Map<String, Object> orderedMap(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        return map;
    }

    private static String str(String variable) {
        return "${var." + variable + "}";
    }

    private static Number num(String variable) {
        return Token.asNumber(str(variable));
    }

    private static List<String> list(String variable) {
        return Token.asList(str(variable));
    }

    private static com.hashicorp.cdktf.IResolvable bool(String variable) {
        return Token.asAny(str(variable));
    }

    /** The tags as a map token, made once: each is a round trip into the jsii runtime. */
    private final Map<String, Map<String, String>> tagMaps = new LinkedHashMap<>();

    private Map<String, String> tagMap(Local tags) {
        return tagMaps.computeIfAbsent(tags.name(), name -> Token.asStringMap(tags.reference()));
    }
}
