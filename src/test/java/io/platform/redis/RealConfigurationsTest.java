package io.platform.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.AppConfig;
import com.hashicorp.cdktf.LocalBackend;
import com.hashicorp.cdktf.LocalBackendConfig;
import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.TerraformOutputConfig;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.TerraformVariable;
import com.hashicorp.cdktf.TerraformVariableConfig;
import com.hashicorp.cdktf.providers.aws.eip.Eip;
import com.hashicorp.cdktf.providers.aws.elasticache_parameter_group.ElasticacheParameterGroup;
import com.hashicorp.cdktf.providers.aws.elasticache_subnet_group.ElasticacheSubnetGroup;
import com.hashicorp.cdktf.providers.aws.elasticache_user.ElasticacheUser;
import com.hashicorp.cdktf.providers.aws.elasticache_user.ElasticacheUserAuthenticationMode;
import com.hashicorp.cdktf.providers.aws.elasticache_user_group.ElasticacheUserGroup;
import com.hashicorp.cdktf.providers.aws.iam_role.IamRole;
import com.hashicorp.cdktf.providers.aws.kinesis_firehose_delivery_stream.KinesisFirehoseDeliveryStream;
import com.hashicorp.cdktf.providers.aws.kinesis_firehose_delivery_stream.KinesisFirehoseDeliveryStreamExtendedS3Configuration;
import com.hashicorp.cdktf.providers.aws.kms_key.KmsKey;
import com.hashicorp.cdktf.providers.aws.provider.AwsProvider;
import com.hashicorp.cdktf.providers.aws.route53_zone.Route53Zone;
import com.hashicorp.cdktf.providers.aws.s3_bucket.S3Bucket;
import com.hashicorp.cdktf.providers.aws.secretsmanager_secret.SecretsmanagerSecret;
import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroup;
import com.hashicorp.cdktf.providers.aws.sns_topic.SnsTopic;
import com.hashicorp.cdktf.providers.aws.subnet.Subnet;
import com.hashicorp.cdktf.providers.aws.vpc.Vpc;
import com.hashicorp.cdktf.providers.random_provider.password.Password;
import com.hashicorp.cdktf.providers.random_provider.provider.RandomProvider;
import io.platform.redis.chat.ChatRedis;
import io.platform.redis.chat.ChatRedisConfig;
import io.platform.redis.chatdesign.ChatVariables;
import io.platform.redis.module.FromResource;
import io.platform.redis.module.ModuleOutput;
import io.platform.redis.module.RedisOutputs;
import io.platform.redis.module.RedisVariables;
import io.platform.redis.module.Variable;
import io.platform.redis.offline.OfflineCopy;
import io.platform.redis.module.ProviderVersions;
import io.platform.redis.support.JsiiLock;
import io.platform.redis.support.JsonPath;
import io.platform.redis.support.ModuleRoot;
import io.platform.redis.support.Synthesized;
import io.platform.redis.support.Terraform;
import io.platform.redis.support.Tiers;
import io.platform.redis.files.Directories;
import io.platform.redis.files.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import software.constructs.Construct;

/**
 * The module and the constructs beside the resources a team creates in the same apply, whose ids and ARNs are
 * unknown at plan, and several Redis constructs in one stack. Every input the catalogs mark {@code fromResource} gets
 * a module call (or a {@code ChatRedis}) of its own whose value comes from such a resource; real terraform plans the
 * whole configuration offline, through the exported HCL and through the Java constructs' tokens.
 */
@Tag(Tiers.TERRAFORM)
@Execution(ExecutionMode.CONCURRENT) // each test plans its own copy
class RealConfigurationsTest {
    private static final Path PLATFORM = Path.of("examples/hcl-platform/platform.tf");
    private static final Path EXTRAS = Path.of("src/test/resources/unknown-at-plan/extras.tf");

    private final Synthesized synthesized = Synthesized.get();

    private static Terraform terraform() {
        assumeTrue(Terraform.get().isPresent(), () -> "SKIPPED offline plans of real configurations: " + Terraform.unavailableReason());
        return Terraform.get().orElseThrow();
    }

    /** Values an input needs beside it to be used at all (a given token needs AUTH on). */
    private static Map<String, Object> companions(Variable variable) {
        if (variable == RedisVariables.ZONE_ID) {
            return Map.of("dns_subdomain", "cache"); // the record that uses the zone
        }
        if (variable == RedisVariables.PARAMETER_GROUP_NAME) {
            return Map.of("create_parameter_group", false);
        }
        if (variable == RedisVariables.SUBNET_GROUP_NAME) {
            return Map.of("create_subnet_group", false);
        }
        if (variable == RedisVariables.LOG_FIREHOSE_DELIVERY_STREAM) {
            return Map.of("log_destination_type", "kinesis-firehose");
        }
        if (variable == RedisVariables.SECRET_KMS_KEY_ARN) {
            return Map.of("rbac_users", Map.of("django", "on ~:1:* +@all")); // the secrets the key encrypts
        }
        return variable == RedisVariables.AUTH_TOKEN ? Map.of("auth_token_enabled", true) : Map.of();
    }

    private static List<Variable> fedByResources(List<Variable> catalog) {
        List<Variable> fed = catalog.stream().filter(v -> v.fromResource() != null).toList();
        assertTrue(fed.size() >= 5, "the catalog marks too few inputs as fed by resources: " + fed);
        return fed;
    }

    @Test
    void everyInputFedByAResourcePlansThroughTheHclModule() throws Exception {
        Terraform terraform = terraform();
        Path root = ModuleRoot.withModule(synthesized, "unknown-hcl-");
        try {
            Path config = Files.createDirectories(root.resolve("platform"));
            Files.copy(PLATFORM, config.resolve("platform.tf"));
            Files.copy(EXTRAS, config.resolve("extras.tf"));
            Map<String, Object> calls = new LinkedHashMap<>();
            for (Variable variable : fedByResources(RedisVariables.ALL)) {
                Map<String, Object> call = new LinkedHashMap<>(RedisVariables.EXAMPLE);
                call.put("source", "../modules/redis");
                call.put("name", "unknown-" + variable.name().replace('_', '-'));
                call.putAll(companions(variable));
                call.put(variable.name(), "${" + variable.fromResource().example() + "}");
                calls.put("unknown_" + variable.name(), call);
            }
            Json.write(config.resolve("calls.tf.json"), Map.of(
                    "variable", Map.of("region", Map.of("default", "eu-west-1")),
                    "provider", Map.of("aws", Map.of("region", "${var.region}")),
                    "module", calls));
            try (OfflineCopy copy = OfflineCopy.of(root)) {
                Terraform.Plan plan = terraform.plan(copy.asRoot(copy.dir().resolve("platform")));
                assertEachCallPlansItsGroup(plan, calls.keySet());
                System.out.println("[unknown at plan] HCL module: " + calls.size() + " calls, each with one input from a resource "
                        + "of the same apply, planned: " + calls.keySet());
            }
        } finally {
            Directories.deleteIfExists(root);
        }
    }

    @Test
    void everyInputFedByAResourcePlansThroughTheJavaConstructs() throws Exception {
        Terraform terraform = terraform();
        List<String> calls = new ArrayList<>();
        Terraform.Plan plan = synthesizeAndPlan(terraform, "unknown", (stack, platform) -> {
            for (Variable variable : fedByResources(RedisVariables.ALL)) {
                Map<String, Object> values = new LinkedHashMap<>(RedisVariables.EXAMPLE);
                values.put("name", "unknown-" + variable.name().replace('_', '-'));
                values.putAll(companions(variable));
                values.put(variable.name(), platform.token(variable.fromResource()));
                new RedisModule(stack, "unknown_" + variable.name(), RedisModuleConfig.fromVariables(values));
                calls.add("unknown_" + variable.name());
            }
            for (Variable option : fedByResources(ChatVariables.ALL)) {
                Map<String, Object> values = new LinkedHashMap<>();
                values.put("base_name", "chat-" + Math.abs(option.name().hashCode() % 100000));
                values.put("environment", "dev");
                values.put("vpc_id", "vpc-0a1b2c3d");
                values.put("private_subnet_ids", List.of("subnet-0a1b2c3d", "subnet-4e5f6a7b"));
                values.put("redis_node_type", "cache.t4g.micro");
                values.put("redis_num_cache_nodes", 2);
                values.put(option.name(), platform.token(option.fromResource()));
                new ChatRedis(stack, "chat_" + option.name(), ChatRedisConfig.fromVariables(values));
                calls.add("chat_" + option.name());
            }
        });
        assertEachCallPlansItsGroup(plan, calls);
        System.out.println("[unknown at plan] Java constructs: " + calls.size() + " constructs, each fed one cdktf token "
                + "of a resource of the same stack, planned: " + calls);
    }

    /**
     * examples/hcl-platform, as a team copies it: its own network and app role, three calls of the module (one with RBAC
     * users whose secrets the role reads through the module's policy output), planned offline.
     */
    @Test
    void theHclPlatformExamplePlansThreeCachesBesideItsNetworkAndRole() throws Exception {
        Terraform terraform = terraform();
        Path root = ModuleRoot.withModule(synthesized, "hcl-platform-");
        try {
            Directories.copy(Path.of("examples/hcl-platform"), root.resolve("examples/hcl-platform"));
            try (OfflineCopy copy = OfflineCopy.of(root)) {
                Terraform.Plan plan = terraform.plan(copy.asRoot(copy.dir().resolve("examples/hcl-platform")));
                Map<String, Map<String, Object>> groups = plan.after("aws_elasticache_replication_group");
                assertEquals(List.of("platform-cache", "platform-celery", "platform-realtime"),
                        groups.values().stream().map(g -> (String) g.get("replication_group_id")).sorted().toList());
                Map<String, Map<String, Object>> rules = plan.after("aws_vpc_security_group_ingress_rule");
                assertEquals(List.of("module.cache.aws_vpc_security_group_ingress_rule.from_security_groups[0]",
                        "module.celery_broker.aws_vpc_security_group_ingress_rule.from_security_groups[0]",
                        "module.realtime.aws_vpc_security_group_ingress_rule.from_security_groups[0]"), List.copyOf(rules.keySet()));
                // the role's policy is the module's output: it names the secrets, created in the same apply
                assertTrue(plan.unknownUntilApply("aws_iam_role_policy.app_reads_realtime_secrets", "policy"),
                        "the role policy holds the module's secrets_read_policy_json");
                assertTrue(String.valueOf(plan.after("aws_elasticache_parameter_group")).contains("activedefrag"),
                        "the realtime cluster's extra parameter reaches its parameter group");
                for (String rule : rules.keySet()) {
                    assertTrue(plan.unknownUntilApply(rule, "referenced_security_group_id"), rule + ": the app group's id is known only after apply");
                }
                System.out.println("[offline plan] examples/hcl-platform: " + plan.creates().values().stream().mapToInt(Integer::intValue).sum()
                        + " to create " + plan.creates());
            }
        } finally {
            Directories.deleteIfExists(root);
        }
    }

    /** Two RedisModule, a split and a single ChatRedis in one stack: five clusters, two token secrets, nothing shared. */
    @Test
    void aStackHoldsAnyNumberOfRedisConstructsInAnyMix() throws Exception {
        Terraform terraform = terraform();
        Terraform.Plan plan = synthesizeAndPlan(terraform, "platform", (stack, platform) -> {
            for (String id : List.of("cache", "broker")) {
                new RedisModule(stack, id, RedisModuleConfig.builder().name("platform-" + id).environment("staging")
                        .nodeType("cache.t4g.small").vpcId((String) platform.token(FromResource.VPC_ID))
                        .subnetIds(subnets(platform)).build());
            }
            new ChatRedis(stack, "chat", chat("chat-split", platform).enableRedisSplit(true)
                    .redisAdapterNodeType("cache.r6g.large").redisAdapterReplicas(1)
                    .redisStateNodeType("cache.m6g.large").redisStateReplicas(1).build());
            new ChatRedis(stack, "presence", chat("chat-single", platform)
                    .redisNodeType("cache.t4g.micro").redisNumCacheNodes(1).build());
        });
        Map<String, String> groups = new java.util.TreeMap<>();
        plan.after("aws_elasticache_replication_group").forEach((address, after) ->
                groups.put(address, (String) after.get("replication_group_id")));
        assertEquals(5, groups.size(), groups.toString());
        assertEquals(List.of("chat-single-redis", "chat-split-redis-adapter", "chat-split-redis-state", "platform-broker",
                "platform-cache"), groups.values().stream().sorted().toList());
        List<String> secrets = plan.after("aws_secretsmanager_secret").values().stream().map(s -> (String) s.get("name")).sorted().toList();
        assertEquals(List.of("chat-single/redis-auth", "chat-split/redis-auth"), secrets);
        assertEquals(2, plan.creates().get("aws_secretsmanager_secret_version"));
        System.out.println("[offline plan] one stack, two RedisModule + split and single ChatRedis: " + groups + ", secrets " + secrets);
    }

    /** A Terraform name two constructs would share is an error at synth that names both, never a silent overwrite. */
    @Test
    void aNameTwoConstructsWouldShareFailsNamingBoth() {
        JsiiLock.locked(() -> {
            App app = new App(AppConfig.builder().outdir(System.getProperty("java.io.tmpdir")).build());
            TerraformStack stack = platformStack(app, "clash");
            new RedisModule(stack, "redis", RedisModuleConfig.builder().name("django-cache").environment("dev")
                    .nodeType("cache.t4g.micro").vpcId("vpc-0a1b2c3d").subnetIds(List.of("subnet-0a1b2c3d", "subnet-4e5f6a7b")).build());
            Construct team = new Construct(stack, "team");
            var sameCall = assertThrows(IllegalArgumentException.class, () -> new ChatRedis(team, "redis", ChatRedisConfig.builder()
                    .baseName("chat").environment("dev").vpcId("vpc-0a1b2c3d").privateSubnetIds(List.of("subnet-0a1b2c3d", "subnet-4e5f6a7b"))
                    .redisNodeType("cache.t4g.micro").redisNumCacheNodes(1).build()));
            assertTrue(sameCall.getMessage().contains("module \"redis\" is used by two constructs, clash/redis and clash/team/redis/redis"),
                    sameCall.getMessage());
            var sameName = assertThrows(IllegalArgumentException.class, () -> new RedisModule(team, "other", RedisModuleConfig.builder()
                    .name("django-cache").environment("dev").nodeType("cache.t4g.micro").vpcId("vpc-0a1b2c3d")
                    .subnetIds(List.of("subnet-0a1b2c3d", "subnet-4e5f6a7b")).build()));
            assertTrue(sameName.getMessage().contains("replication group id \"django-cache\" is used by two constructs, clash/redis and clash/team/other; AWS would refuse"),
                    sameName.getMessage());
            System.out.println("[synth] " + sameCall.getMessage() + "\n[synth] " + sameName.getMessage());
            return null;
        });
    }

    /**
     * AWS names are unique per account and region: the same replication group id in two stacks of one app and region
     * fails at synth naming both constructs (and passes when the regions differ); an RBAC user id that two clusters of
     * one stack would both create ("orders" + user "cache-x", "orders-cache" + user "x") fails when the second is made.
     */
    @Test
    void anAwsNameTwoStacksOfOneRegionWouldShareFailsAtSynth() {
        JsiiLock.locked(() -> {
            Path outdir = ModuleRoot.scratch("aws-names-");
            try {
                App app = new App(AppConfig.builder().outdir(outdir.toString()).build());
                new RedisModule(platformStack(app, "orders"), "cache", exampleConfig("shared-cache"));
                new RedisModule(platformStack(app, "billing"), "cache", exampleConfig("shared-cache"));
                RuntimeException clash = assertThrows(RuntimeException.class, app::synth);
                assertTrue(clash.getMessage().contains("replication group id \"shared-cache\" is used in two stacks of the app in region "
                        + "eu-west-1, by billing/cache and orders/cache; AWS would refuse the second one at apply"), clash.getMessage());

                App regions = new App(AppConfig.builder().outdir(outdir.resolve("regions").toString()).build());
                new RedisModule(platformStack(regions, "orders"), "cache", exampleConfig("shared-cache"));
                TerraformStack virginia = new TerraformStack(regions, "orders-us");
                new AwsProvider(virginia, "aws", com.hashicorp.cdktf.providers.aws.provider.AwsProviderConfig.builder().region("us-east-1").build());
                new RedisModule(virginia, "cache", exampleConfig("shared-cache"));
                regions.synth(); // another region: the same name is another cluster

                TerraformStack users = platformStack(regions, "users");
                new RedisModule(users, "orders", RedisModuleConfig.builder().name("orders").environment("dev").nodeType("cache.t4g.micro")
                        .vpcId("vpc-0a1b2c3d").subnetIds(List.of("subnet-0a1b2c3d", "subnet-4e5f6a7b")).rbacUsers(Map.of("cache-x", "on ~* +@all")).build());
                var userId = assertThrows(IllegalArgumentException.class, () -> new RedisModule(users, "orders_cache", RedisModuleConfig.builder()
                        .name("orders-cache").environment("dev").nodeType("cache.t4g.micro").vpcId("vpc-0a1b2c3d")
                        .subnetIds(List.of("subnet-0a1b2c3d", "subnet-4e5f6a7b")).rbacUsers(Map.of("x", "on ~* +@all")).build()));
                assertTrue(userId.getMessage().contains("ElastiCache user id \"orders-cache-x\" is used by two constructs, users/orders and users/orders_cache"),
                        userId.getMessage());
                System.out.println("[synth] " + clash.getMessage().lines().filter(line -> line.contains("two stacks")).findFirst().orElse("")
                        + "\n[synth] " + userId.getMessage());
            } finally {
                Directories.deleteIfExists(outdir);
            }
            return null;
        });
    }

    /**
     * The team's own resources are in the same namespace: one that a construct would overwrite (the team's secret
     * "chat_auth" beside a ChatRedis "chat") fails the synth naming both, and an id that is no Terraform name fails
     * when the construct is made, not at terraform init.
     */
    @Test
    void aTeamsOwnResourceOfTheSameNameAndAnIdTerraformRefusesFailNamingThem() throws Exception {
        Path outdir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "team-clash-");
        JsiiLock.locked(() -> {
            App app = new App(AppConfig.builder().outdir(outdir.toString()).build());
            TerraformStack stack = platformStack(app, "team");
            SecretsmanagerSecret own = SecretsmanagerSecret.Builder.create(stack, "own_secret").name("team/own").build();
            own.overrideLogicalId("chat_auth");
            new ChatRedis(stack, "chat", ChatRedisConfig.builder().baseName("chat").environment("dev").vpcId("vpc-0a1b2c3d")
                    .privateSubnetIds(List.of("subnet-0a1b2c3d", "subnet-4e5f6a7b")).redisNodeType("cache.t4g.micro").redisNumCacheNodes(1).build());
            RuntimeException clash = assertThrows(RuntimeException.class, app::synth);
            assertTrue(clash.getMessage().contains("aws_secretsmanager_secret.chat_auth is written by two constructs, team/own_secret and "
                    + "team/chat/redis_auth"), clash.getMessage());
            var badId = assertThrows(IllegalArgumentException.class, () -> new RedisModule(stack, "orders cache.v2", RedisModuleConfig.builder()
                    .name("orders-cache").environment("dev").nodeType("cache.t4g.micro").vpcId("vpc-0a1b2c3d")
                    .subnetIds(List.of("subnet-0a1b2c3d", "subnet-4e5f6a7b")).build()));
            assertTrue(badId.getMessage().contains("team/orders cache.v2: construct id \"orders cache.v2\" is not a Terraform name"), badId.getMessage());
            System.out.println("[synth] " + clash.getMessage().lines().filter(l -> l.contains("written by")).findFirst().orElseThrow().strip()
                    + "\n[synth] " + badId.getMessage());
            return null;
        });
        Directories.deleteIfExists(outdir);
    }

    /**
     * The team's hashicorp/aws constraint, set before or after the constructs, keeps its bounds and gains the module's;
     * one that no version can meet together with the module's fails the synth naming both.
     */
    @Test
    void theTeamsProviderConstraintIsKeptAndJoinedAndAContradictionFails() throws Exception {
        Path outdir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "constraint-");
        try {
            JsiiLock.locked(() -> {
                App app = new App(AppConfig.builder().outdir(outdir.toString()).build());
                TerraformStack before = platformStack(app, "before");
                before.addOverride("terraform.required_providers.aws.version", "~> 5.80");
                new RedisModule(before, "cache", exampleConfig("before-cache"));
                TerraformStack after = platformStack(app, "after");
                new RedisModule(after, "cache", exampleConfig("after-cache"));
                after.addOverride("terraform.required_providers.aws.version", "~> 5.80");
                TerraformStack untouched = platformStack(app, "untouched");
                new RedisModule(untouched, "cache", exampleConfig("untouched-cache"));
                app.synth();
                return null;
            });
            for (String stack : List.of("before", "after")) {
                assertEquals("~> 5.80, " + ProviderVersions.AWS, JsonPath.at(Json.read(outdir.resolve("stacks/" + stack + "/cdk.tf.json")),
                        "terraform", "required_providers", "aws", "version"), stack);
            }
            assertEquals(ProviderVersions.AWS, JsonPath.at(Json.read(outdir.resolve("stacks/untouched/cdk.tf.json")),
                    "terraform", "required_providers", "aws", "version"), "the bindings' own 5.23.1 is replaced");
            RuntimeException contradiction = assertThrows(RuntimeException.class, () -> JsiiLock.locked(() -> {
                App app = new App(AppConfig.builder().outdir(outdir.resolve("contradiction").toString()).build());
                TerraformStack stack = platformStack(app, "pinned");
                stack.addOverride("terraform.required_providers.aws.version", "= 5.60.0");
                new RedisModule(stack, "cache", exampleConfig("pinned-cache"));
                app.synth();
                return null;
            }));
            assertTrue(contradiction.getMessage().contains("hashicorp/aws \"= 5.60.0\" (the stack's constraint) and \"" + ProviderVersions.AWS
                    + "\" (the Redis module, pinned/cache) admit no common version"), contradiction.getMessage());
            System.out.println("[synth] team constraint ~> 5.80 -> \"~> 5.80, " + ProviderVersions.AWS + "\" (set before or after the construct); "
                    + contradiction.getMessage().lines().filter(l -> l.contains("hashicorp/aws")).findFirst().orElseThrow().strip());
        } finally {
            Directories.deleteIfExists(outdir);
        }
    }

    /**
     * The Java outputs as a team uses them, applied by {@code terraform test} under a mocked AWS provider (the secrets'
     * ARNs are then values): {@code getUserSecretArn("django")} is django's secret and not celery's, {@code getUserUrl}
     * celery's URL; {@code exportOutputs} wrote every output, and terraform accepted them, which it does only when
     * each output holding a secret is sensitive; the TLS switch came from a TerraformVariable's boolean.
     */
    @Test
    void javaOutputsResolvePerUserAndExportWithTheirSensitivity() throws Exception {
        Terraform terraform = terraform();
        Path outdir = ModuleRoot.scratch("outputs-");
        try {
            JsiiLock.locked(() -> {
                App app = new App(AppConfig.builder().outdir(outdir.toString()).build());
                TerraformStack stack = platformStack(app, "outputs");
                TerraformVariable tls = new TerraformVariable(stack, "tls", TerraformVariableConfig.builder().type("bool").defaultValue(true).build());
                RedisModule cache = new RedisModule(stack, "cache", RedisModuleConfig.builder().name("outputs-cache").environment("dev")
                        .nodeType("cache.t4g.micro").vpcId("vpc-0a1b2c3d").subnetIds(List.of("subnet-0a1b2c3d", "subnet-4e5f6a7b"))
                        .rbacUsers(Map.of("django", "on ~:1:* +@all", "celery", "on ~* +@all")).transitEncryptionEnabled(tls.getBooleanValue()).build());
                new TerraformOutput(stack, "django_secret_arn", TerraformOutputConfig.builder().value(cache.getUserSecretArn("django")).build());
                new TerraformOutput(stack, "celery_url", TerraformOutputConfig.builder().value(cache.getUserUrl("celery")).sensitive(true).build());
                cache.exportOutputs(stack, "cache_");
                app.synth();
                return null;
            });
            try (OfflineCopy copy = OfflineCopy.of(outdir.resolve("stacks").resolve("outputs"))) {
                Path root = copy.asRoot(copy.dir());
                Files.createDirectories(root.resolve("tests"));
                Files.writeString(root.resolve("tests/outputs.tftest.hcl"), """
                        mock_provider "aws" {}

                        run "outputs" {
                          assert {
                            condition     = output.django_secret_arn == module.cache.user_secret_arns["django"] && output.django_secret_arn != module.cache.user_secret_arns["celery"]
                            error_message = "getUserSecretArn(django) is not django's secret ARN"
                          }
                          assert {
                            condition     = nonsensitive(output.celery_url == module.cache.user_urls["celery"] && output.celery_url != module.cache.user_urls["django"])
                            error_message = "getUserUrl(celery) is not celery's URL"
                          }
                          assert {
                            condition     = output.cache_user_secret_arns == module.cache.user_secret_arns && output.cache_port == 6379
                            error_message = "the exported outputs are not the module's"
                          }
                          assert {
                            condition     = startswith(nonsensitive(output.cache_redis_url), "rediss://")
                            error_message = "transit_encryption_enabled from var.tls (true) did not reach the module"
                          }
                        }
                        """);
                terraform.ok(root, "init", "-input=false", "-no-color");
                Terraform.Result result = terraform.run(root, "test", "-no-color");
                assertEquals(0, result.exitCode(), "terraform test of the Java outputs:\n" + result.output());
                Map<String, Object> outputs = JsonPath.map(Json.read(root.resolve("cdk.tf.json")), "output");
                List<String> sensitive = outputs.entrySet().stream().filter(e -> Boolean.TRUE.equals(((Map<?, ?>) e.getValue()).get("sensitive")))
                        .map(Map.Entry::getKey).sorted().toList();
                assertEquals(RedisOutputs.ALL.stream().filter(ModuleOutput::sensitive).map(o -> "cache_" + o.name()).sorted().toList(),
                        sensitive.stream().filter(name -> name.startsWith("cache_")).toList(), "exportOutputs: sensitive where the module's output is");
                System.out.println("[terraform test] Java outputs: getUserSecretArn(\"django\") = django's secret ARN, getUserUrl(\"celery\") = "
                        + "celery's URL, " + outputs.size() + " outputs (sensitive: " + sensitive + "), TLS from a TerraformVariable: "
                        + result.output().lines().filter(line -> line.contains("Success!") || line.contains("pass")).toList());
            }
        } finally {
            Directories.deleteIfExists(outdir);
        }
    }

    private static RedisModuleConfig exampleConfig(String name) {
        return RedisModuleConfig.builder().name(name).environment("dev").nodeType("cache.t4g.micro").vpcId("vpc-0a1b2c3d")
                .subnetIds(List.of("subnet-0a1b2c3d", "subnet-4e5f6a7b")).build();
    }

    private static ChatRedisConfig.Builder chat(String baseName, Platform platform) {
        return ChatRedisConfig.builder().baseName(baseName).environment("dev")
                .vpcId((String) platform.token(FromResource.VPC_ID)).privateSubnetIds(subnets(platform))
                .allowedSecurityGroupIds(securityGroups(platform));
    }

    @SuppressWarnings("unchecked")
    private static List<String> subnets(Platform platform) {
        return (List<String>) platform.token(FromResource.SUBNET_IDS);
    }

    @SuppressWarnings("unchecked")
    private static List<String> securityGroups(Platform platform) {
        return (List<String>) platform.token(FromResource.SECURITY_GROUP_IDS);
    }


    /** The node type grammar is the module's validation too: each typo fails terraform plan with the rule. */
    @Test
    void nodeTypesThatCannotExistFailAtPlan() throws Exception {
        Terraform terraform = terraform();
        Path root = ModuleRoot.withModule(synthesized, "node-types-");
        try {
            Map<String, Map<String, Object>> calls = new LinkedHashMap<>();
            for (String typo : List.of("cache.t4g.smal", "cache.t4g.xlargee", "cache.r6g.larg")) {
                Map<String, Object> call = new LinkedHashMap<>(RedisVariables.EXAMPLE);
                call.put("name", typo.replace("cache.", "typo-").replace('.', '-'));
                call.put("node_type", typo);
                calls.put(typo.replace("cache.", "typo_").replace('.', '_'), call);
            }
            ModuleRoot.writeCalls(root, calls);
            try (OfflineCopy copy = OfflineCopy.of(root)) {
                Path dir = copy.asRoot(copy.dir());
                terraform.ok(dir, "init", "-input=false", "-no-color");
                Terraform.Result result = terraform.run(dir, "plan", "-input=false", "-no-color", "-lock=false");
                assertEquals(1, result.exitCode(), result.output());
                for (String call : calls.keySet()) {
                    assertTrue(result.output().contains("in module." + call + ":"), call + ": " + result.output());
                }
                long refused = result.output().lines().filter(l -> l.contains("The node_type value must be a node type cache.FAMILY.SIZE")).count();
                assertEquals(3, refused, result.output());
                System.out.println("[offline plan] node types " + calls.keySet() + ": each refused by the module's validation");
            }
        } finally {
            Directories.deleteIfExists(root);
        }
    }

    /**
     * Synthesizes one stack with the platform's resources and what {@code build} adds (in an app of its own, holding
     * the jsii runtime), then plans its folder offline.
     */
    private static Terraform.Plan synthesizeAndPlan(Terraform terraform, String name, BiConsumer<TerraformStack, Platform> build) {
        Path outdir = ModuleRoot.scratch(name + "-");
        try {
            JsiiLock.locked(() -> {
                App app = new App(AppConfig.builder().outdir(outdir.toString()).build());
                TerraformStack stack = platformStack(app, name);
                build.accept(stack, new Platform(stack));
                app.synth();
                return null;
            });
            try (OfflineCopy copy = OfflineCopy.of(outdir.resolve("stacks").resolve(name))) {
                return terraform.plan(copy.asRoot(copy.dir()));
            }
        } finally {
            Directories.deleteIfExists(outdir);
        }
    }

    /** Every call planned a replication group of its own, whatever was unknown. */
    private static void assertEachCallPlansItsGroup(Terraform.Plan plan, Iterable<String> calls) {
        var groups = plan.after("aws_elasticache_replication_group").keySet();
        for (String call : calls) {
            assertTrue(groups.stream().anyMatch(address -> address.startsWith("module." + call + ".")),
                    call + " planned no replication group: " + groups);
        }
    }

    /** A stack with the AWS provider (offline-plannable once its copy gets the override) and a local backend. */
    private static TerraformStack platformStack(App app, String name) {
        TerraformStack stack = new TerraformStack(app, name);
        new AwsProvider(stack, "aws", com.hashicorp.cdktf.providers.aws.provider.AwsProviderConfig.builder().region("eu-west-1").build());
        new LocalBackend(stack, LocalBackendConfig.builder().path("terraform.tfstate").build());
        return stack;
    }

    /** The Java twin of examples/hcl-platform plus extras.tf: one resource per kind of fed input. */
    private static final class Platform {
        private final Map<FromResource, Object> tokens = new LinkedHashMap<>();

        Platform(Construct stack) {
            Vpc vpc = Vpc.Builder.create(stack, "main").cidrBlock("10.20.0.0/16").build();
            Subnet a = Subnet.Builder.create(stack, "a").vpcId(vpc.getId()).cidrBlock("10.20.1.0/24").availabilityZone("eu-west-1a").build();
            Subnet b = Subnet.Builder.create(stack, "b").vpcId(vpc.getId()).cidrBlock("10.20.2.0/24").availabilityZone("eu-west-1b").build();
            SecurityGroup app = SecurityGroup.Builder.create(stack, "app").namePrefix("platform-app-").vpcId(vpc.getId()).build();
            SecurityGroup redis = SecurityGroup.Builder.create(stack, "redis").namePrefix("platform-redis-").vpcId(vpc.getId()).build();
            Eip nat = Eip.Builder.create(stack, "nat").domain("vpc").build();
            SnsTopic alerts = SnsTopic.Builder.create(stack, "alerts").name("platform-alerts").build();
            KmsKey key = KmsKey.Builder.create(stack, "redis_key").description("ElastiCache at rest").build();
            new RandomProvider(stack, "random");
            Password password = Password.Builder.create(stack, "password").length(32).special(false).build();
            Route53Zone zone = Route53Zone.Builder.create(stack, "internal").name("platform.internal").build();
            tokens.put(FromResource.ROUTE53_ZONE_ID, zone.getZoneId());
            tokens.put(FromResource.NAMED_SOURCES, Map.of("workers", app.getId()));
            tokens.put(FromResource.PARAMETER_GROUP, ElasticacheParameterGroup.Builder.create(stack, "shared_parameters")
                    .name("platform-redis7").family("redis7").build().getId());
            tokens.put(FromResource.SUBNET_GROUP, ElasticacheSubnetGroup.Builder.create(stack, "shared_subnets")
                    .name("platform-private").subnetIds(List.of(a.getId(), b.getId())).build().getId());
            ElasticacheUser defaultUser = ElasticacheUser.Builder.create(stack, "default_user").userId("platform-default")
                    .userName("default").engine("redis").accessString("off -@all")
                    .authenticationMode(ElasticacheUserAuthenticationMode.builder().type("no-password-required").build()).build();
            tokens.put(FromResource.USER_GROUP_IDS, List.of(ElasticacheUserGroup.Builder.create(stack, "apps").userGroupId("platform-apps")
                    .engine("redis").userIds(List.of(defaultUser.getUserId())).build().getId()));
            tokens.put(FromResource.VPC_ID, vpc.getId());
            tokens.put(FromResource.SUBNET_IDS, List.of(a.getId(), b.getId()));
            tokens.put(FromResource.SECURITY_GROUP_ID, redis.getId());
            tokens.put(FromResource.SECURITY_GROUP_IDS, List.of(app.getId()));
            tokens.put(FromResource.CIDR_BLOCKS, List.of(nat.getPublicIp() + "/32"));
            tokens.put(FromResource.SNS_TOPIC_ARN, alerts.getArn());
            tokens.put(FromResource.SNS_TOPIC_ARNS, List.of(alerts.getArn()));
            tokens.put(FromResource.KMS_KEY_ARN, key.getArn());
            tokens.put(FromResource.SECRET, password.getResult());
            S3Bucket logs = S3Bucket.Builder.create(stack, "logs").bucketPrefix("platform-redis-logs-").build();
            IamRole firehose = IamRole.Builder.create(stack, "firehose").namePrefix("platform-firehose-")
                    .assumeRolePolicy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                            + "\"Principal\":{\"Service\":\"firehose.amazonaws.com\"}}]}").build();
            tokens.put(FromResource.FIREHOSE_STREAM_NAME, KinesisFirehoseDeliveryStream.Builder.create(stack, "log_stream")
                    .name(logs.getBucket() + "-stream").destination("extended_s3")
                    .extendedS3Configuration(KinesisFirehoseDeliveryStreamExtendedS3Configuration.builder()
                            .roleArn(firehose.getArn()).bucketArn(logs.getArn()).build())
                    .build().getName());
            assertEquals(new TreeSet<>(List.of(FromResource.values())), new TreeSet<>(tokens.keySet()), "a kind without a resource");
        }

        Object token(FromResource kind) {
            return tokens.get(kind);
        }
    }
}
