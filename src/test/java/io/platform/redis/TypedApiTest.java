package io.platform.redis;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.IResolvable;
import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.TerraformVariable;
import com.hashicorp.cdktf.TerraformVariableConfig;
import com.hashicorp.cdktf.Testing;
import com.hashicorp.cdktf.Token;
import io.platform.redis.files.Json;
import io.platform.redis.checks.ConfigChecks;
import io.platform.redis.InvalidConfigException;
import io.platform.redis.chat.ChatRedis;
import io.platform.redis.chat.ChatRedisConfig;
import io.platform.redis.chatdesign.ChatVariables;
import io.platform.redis.module.ModuleOutput;
import io.platform.redis.module.RedisOutputs;
import io.platform.redis.module.RedisVariables;
import io.platform.redis.module.Variable;
import io.platform.redis.module.VariableType;
import io.platform.redis.support.JsiiLock;
import io.platform.redis.support.Synthesized;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The typed Java API: its public names, its agreement with the catalogs, and its checks. */
@ExtendWith(JsiiLock.class) // calls into cdktf itself, beside the offline terraform classes
class TypedApiTest {
    static {
        Synthesized.get(); // the jsii runtime, for Token
    }

    /** The names other teams code against. */
    @Test
    void thePublicApiHasThePromisedNames() throws Exception {
        assertEquals("io.platform.redis.RedisModule", RedisModule.class.getName());
        RedisModule.class.getConstructor(software.constructs.Construct.class, String.class, RedisModuleConfig.class);
        ChatRedis.class.getConstructor(software.constructs.Construct.class, String.class, ChatRedisConfig.class);
        for (String getter : List.of("getPrimaryEndpointAddress", "getReaderEndpointAddress", "getPort", "getRedisUrl",
                "getCeleryBrokerUrl", "getRedisSecurityGroupId")) {
            RedisModule.class.getMethod(getter);
        }
        for (String setter : List.of("name", "nodeType", "subnetIds", "vpcId", "environment", "numCacheClusters",
                "snapshotRetentionLimit", "allowedSecurityGroupIds", "tags")) {
            assertTrue(setterNames(RedisModuleConfig.Builder.class).contains(setter), setter);
        }
        for (String setter : List.of("baseName", "environment", "redisNodeType", "redisNumCacheNodes", "enableRedisSplit",
                "redisAdapterNodeType", "redisAdapterReplicas", "redisStateNodeType", "redisStateReplicas", "vpcId",
                "privateSubnetIds", "allowedSecurityGroupIds")) {
            assertTrue(setterNames(ChatRedisConfig.Builder.class).contains(setter), setter);
        }
        assertEquals(com.hashicorp.cdktf.providers.aws.secretsmanager_secret.SecretsmanagerSecret.class,
                ChatRedis.class.getMethod("getRedisAuthSecret").getReturnType());
        ChatRedis.class.getMethod("getAdapterEndpoint");
        ChatRedis.class.getMethod("getStateEndpoint");
    }

    private static Set<String> setterNames(Class<?> builder) {
        Set<String> names = new TreeSet<>();
        for (Method method : builder.getDeclaredMethods()) {
            if (Modifier.isPublic(method.getModifiers()) && method.getReturnType() == builder) {
                names.add(method.getName());
            }
        }
        return names;
    }

    /** Every variable has exactly one setter of its type, and every setter is a variable. */
    private static void assertSettersMatch(Class<?> builder, List<Variable> catalog) {
        Set<String> expected = new TreeSet<>();
        for (Variable variable : catalog) {
            String name = ConfigChecks.javaName(variable.name());
            expected.add(name);
            Method setter = assertDoesNotThrow(() -> builder.getMethod(name, rawType(variable.type())), builder.getSimpleName() + "." + name);
            assertEquals(javaType(variable.type()), setter.getGenericParameterTypes()[0].getTypeName(), name);
            if (variable.type() == VariableType.BOOL && builder == RedisModuleConfig.Builder.class) {
                // a TerraformVariable's boolean, as the cdktf bindings take it
                assertDoesNotThrow(() -> builder.getMethod(name, IResolvable.class), builder.getSimpleName() + "." + name + "(IResolvable)");
            }
        }
        assertEquals(expected, setterNames(builder), builder.getName() + ": setters without a variable, or variables without a setter");
    }

    @Test
    void everyModuleVariableHasATypedSetterAndEverySetterIsAVariable() {
        assertSettersMatch(RedisModuleConfig.Builder.class, RedisVariables.ALL);
        assertSettersMatch(ChatRedisConfig.Builder.class, ChatVariables.ALL);
    }

    @Test
    void everyModuleOutputHasATypedGetterAndEveryGetterIsAnOutput() {
        Set<String> expected = new TreeSet<>();
        for (ModuleOutput output : RedisOutputs.ALL) {
            String javaName = ConfigChecks.javaName(output.name());
            String getter = "get" + Character.toUpperCase(javaName.charAt(0)) + javaName.substring(1);
            expected.add(getter);
            Method method = assertDoesNotThrow(() -> RedisModuleOutputs.class.getMethod(getter), getter);
            assertEquals(javaType(output.type()), method.getGenericReturnType().getTypeName(), getter);
            assertEquals(output.sensitive(), method.isAnnotationPresent(Sensitive.class), getter + ": @Sensitive exactly when the output is sensitive");
            if (output.key() != null) {
                String entry = getter.substring(0, getter.length() - 1);
                expected.add(entry);
                Method accessor = assertDoesNotThrow(() -> RedisModuleOutputs.class.getMethod(entry, String.class), entry);
                assertEquals(output.sensitive(), accessor.isAnnotationPresent(Sensitive.class), entry + ": @Sensitive");
            }
        }
        expected.add("exportOutputs");
        Set<String> getters = new TreeSet<>();
        for (Method method : RedisModuleOutputs.class.getDeclaredMethods()) {
            if (method.isDefault()) {
                getters.add(method.getName());
            }
        }
        assertEquals(expected, getters);
    }

    private static Class<?> rawType(VariableType type) {
        return switch (type) {
            case STRING -> String.class;
            case NUMBER -> Number.class;
            case BOOL -> Boolean.class;
            case STRING_LIST -> List.class;
            case STRING_MAP -> Map.class;
        };
    }

    private static String javaType(VariableType type) {
        return switch (type) {
            case STRING -> "java.lang.String";
            case NUMBER -> "java.lang.Number";
            case BOOL -> "java.lang.Boolean";
            case STRING_LIST -> "java.util.List<java.lang.String>";
            case STRING_MAP -> "java.util.Map<java.lang.String, java.lang.String>";
        };
    }

    private static RedisModuleConfig.Builder valid() {
        return RedisModuleConfig.builder().name("orders-cache").environment("dev").nodeType("cache.t4g.micro")
                .subnetIds(List.of("subnet-0a1b2c3d", "subnet-4e5f6a7b"));
    }

    @Test
    void threeMistakesAreReportedInOneMessageWithJavaAndTerraformNames() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> valid()
                .name("Bad--Name-").snapshotRetentionLimit(40).numCacheClusters(1).automaticFailoverEnabled(true).multiAzEnabled(false)
                .build());
        String message = e.getMessage();
        assertTrue(message.contains("  - name: \"Bad--Name-\": must be 1-40 lowercase letters"), message); // one name when both agree
        assertTrue(message.contains("  - name: \"Bad--Name-\": must be free of two consecutive hyphens"), message);
        assertTrue(!message.contains("name (name)"), message);
        assertTrue(message.contains("snapshotRetentionLimit (snapshot_retention_limit): 40: must be between 0 and 35"), message);
        assertTrue(message.contains("automaticFailoverEnabled (automatic_failover_enabled), numCacheClusters (num_cache_clusters): "
                + "automatic_failover_enabled needs num_cache_clusters >= 2"), message);
        assertTrue(message.startsWith(e.problems().size() + " problem(s) in RedisModuleConfig:"), message);
    }

    @Test
    void tokensAreLeftToTheModuleAndSecretsAreNeverShown() {
        RedisModuleConfig config = valid().subnetIds(Token.asList("${data.aws_subnets.private.ids}"))
                .vpcId(Token.asString("${data.aws_vpc.main.id}")).numCacheClusters(Token.asNumber("${var.nodes}")).build();
        assertTrue(Token.isUnresolved(config.variables().get("subnet_ids")));
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> valid()
                .authTokenEnabled(true).authToken("short secret value").build());
        assertTrue(e.getMessage().contains("authToken (auth_token): (sensitive value hidden)"), e.getMessage());
        assertTrue(!e.getMessage().contains("short secret value"), e.getMessage());
    }

    @Test
    void theChatConfigChecksItsModeAndItsClusters() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> ChatRedisConfig.builder()
                .baseName("chat").environment("dev").vpcId("vpc-0a1b2c3d").privateSubnetIds(List.of("subnet-0a1b2c3d"))
                .enableRedisSplit(true).redisAdapterNodeType("cache.r6g.large").build());
        assertTrue(e.getMessage().contains("redisAdapterReplicas (redis_adapter_replicas): is required in split mode"), e.getMessage());
        InvalidConfigException cluster = assertThrows(InvalidConfigException.class, () -> ChatRedisConfig.builder()
                .baseName("chat").environment("dev").vpcId("vpc-0a1b2c3d").privateSubnetIds(List.of("subnet-0a1b2c3d"))
                .redisNodeType("cache.t2.micro").redisNumCacheNodes(2).build());
        assertTrue(cluster.getMessage().contains("redis cluster: "), cluster.getMessage());
        InvalidConfigException groups = assertThrows(InvalidConfigException.class, () -> ChatRedisConfig.builder()
                .baseName("chat").environment("dev").vpcId("vpc-0a1b2c3d").privateSubnetIds(List.of("subnet-0a1b2c3d"))
                .redisNodeType("cache.t3.micro").redisNumCacheNodes(1)
                .redisSecurityGroupId("sg-0a1b2c3d").allowedSecurityGroupIds(List.of("sg-4e5f6a7b")).build());
        assertTrue(groups.getMessage().contains("allowedSecurityGroupIds (allowed_security_group_ids): applies only to a created security group"),
                groups.getMessage());
    }

    /** Every chat rule in build(), all at once, named by the chat setters: no module setter the user never called. */
    @Test
    void theChatConfigReportsAMissingSplitKeyAndABadValueTogether() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> ChatRedisConfig.builder()
                .baseName("chat").environment("dev").vpcId("vpc-0a1b2c3d").privateSubnetIds(List.of("subnet-0a1b2c3d", "subnet-4e5f6a7b"))
                .enableRedisSplit(true).redisAdapterNodeType("cache.r6g.large").redisAdapterReplicas(1)
                .redisStateReplicas(7).build());
        String message = e.getMessage();
        assertTrue(message.startsWith("2 problem(s) in ChatRedisConfig:"), message);
        assertTrue(message.contains("redisStateReplicas (redis_state_replicas): 7: must be between 0 and 5"), message);
        assertTrue(message.contains("redisStateNodeType (redis_state_node_type): is required in split mode"), message);
        assertTrue(!message.contains("nodeType (node_type)"), message);
    }

    /** The cluster rules name the chat options that feed them. */
    @Test
    void aChatClusterRuleNamesTheChatOptions() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> ChatRedisConfig.builder()
                .baseName("chat").environment("dev").vpcId("vpc-0a1b2c3d").privateSubnetIds(List.of("subnet-0a1b2c3d"))
                .redisNodeType("cache.t3.micro").redisNumCacheNodes(2).build());
        assertTrue(e.getMessage().contains("redisNumCacheNodes (redis_num_cache_nodes), privateSubnetIds (private_subnet_ids): "
                + "redis cluster: multi_az_enabled needs at least two subnet_ids"), e.getMessage());
    }

    @Test
    void nodeTypesThatCannotExistAreRefusedWithTheClosestMatch() {
        for (var typo : Map.of("cache.t4g.smal", "cache.t4g.small", "cache.r6g.larg", "cache.r6g.large", "t4g.micro", "cache.t4g.micro").entrySet()) {
            InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> valid().nodeType(typo.getKey()).build());
            assertTrue(e.getMessage().contains("nodeType (node_type): \"" + typo.getKey() + "\": must be a node type cache.FAMILY.SIZE"), e.getMessage());
            assertTrue(e.getMessage().contains("did you mean \"" + typo.getValue() + "\"?"), e.getMessage());
        }
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> valid().nodeType("cache.t4g.xlargee").build());
        assertTrue(e.getMessage().contains("nodeType (node_type): \"cache.t4g.xlargee\": must be a node type"), e.getMessage());
        for (String valid : List.of("cache.t4g.micro", "cache.t3.medium", "cache.m7g.large", "cache.r6gd.xlarge", "cache.r7g.16xlarge",
                "cache.c7gn.large", "cache.r8g.2xlarge")) {
            assertDoesNotThrow(() -> valid().nodeType(valid).build(), valid);
        }
    }

    /** What was set can be read back, typed; what was not is null (the module's default applies). */
    @Test
    void aConfigHasTypedGettersForWhatWasSet() {
        RedisModuleConfig config = valid().numCacheClusters(3).tags(Map.of("Team", "orders")).build();
        assertEquals("orders-cache", config.getName());
        assertEquals(3, config.getNumCacheClusters());
        assertEquals(List.of("subnet-0a1b2c3d", "subnet-4e5f6a7b"), config.getSubnetIds());
        assertEquals(Map.of("Team", "orders"), config.getTags());
        assertEquals(null, config.getSnapshotRetentionLimit());
        ChatRedisConfig chat = ChatRedisConfig.builder().baseName("chat").environment("dev").vpcId("vpc-0a1b2c3d")
                .privateSubnetIds(List.of("subnet-0a1b2c3d")).redisNodeType("cache.t3.micro").redisNumCacheNodes(1).build();
        assertEquals("cache.t3.micro", chat.getRedisNodeType());
        assertEquals(null, chat.getEnableRedisSplit());
    }

    /**
     * Per-user values read by Terraform functions, not Java maps of tokens; a user that is not in rbac_users fails at
     * synth; exported outputs carry the module's sensitivity; a boolean may be a TerraformVariable's. (The plan that
     * resolves them: RealConfigurationsTest.javaOutputsResolvePerUserAndExportWithTheirSensitivity.)
     */
    @Test
    void perUserAccessorsExportedOutputsAndBooleanTokens() {
        TerraformStack stack = new TerraformStack(Testing.app(), "outputs");
        TerraformVariable tls = new TerraformVariable(stack, "tls", TerraformVariableConfig.builder().type("bool").defaultValue(true).build());
        RedisModule cache = new RedisModule(stack, "cache", valid().rbacUsers(Map.of("django", "on ~:1:* +@all", "celery", "on ~* +@all", "app-worker", "on ~* +@all"))
                .transitEncryptionEnabled(tls.getBooleanValue()).build());
        assertEquals(null, cache.getConfig().getTransitEncryptionEnabled(), "a boolean token has no Java value");
        assertEquals(1, cache.getUserSecretArns().size(), "the map token this accessor replaces: one placeholder entry");
        assertEquals(null, cache.getUserSecretArns().get("django"), "the map token this accessor replaces: no user's entry");
        new TerraformOutput(stack, "django_secret_arn", com.hashicorp.cdktf.TerraformOutputConfig.builder().value(cache.getUserSecretArn("django")).build());
        new TerraformOutput(stack, "w_secret_arn", com.hashicorp.cdktf.TerraformOutputConfig.builder().value(cache.getUserSecretArn("app-worker")).build());
        Map<String, TerraformOutput> exported = cache.exportOutputs(stack, "cache_");
        assertEquals(RedisOutputs.ALL.size(), exported.size());
        IllegalArgumentException typo = assertThrows(IllegalArgumentException.class, () -> cache.getUserUrl("djang"));
        assertEquals("outputs/cache: user_urls has no entry \"djang\": rbac_users has [app-worker, celery, django]", typo.getMessage());
        assertThrows(IllegalArgumentException.class, () -> cache.exportOutputs(stack, "cache outputs "));

        Map<String, Object> json = Json.parse(Testing.synth(stack));
        Map<String, Object> outputs = io.platform.redis.support.JsonPath.map(json, "output");
        // Fn.lookup with a literal key: cdktf writes Terraform's index (an attribute for a plain name)
        assertEquals("${module.cache.user_secret_arns.django}", io.platform.redis.support.JsonPath.at(outputs, "django_secret_arn", "value"));
        assertEquals("${module.cache.user_secret_arns[\"app-worker\"]}", io.platform.redis.support.JsonPath.at(outputs, "w_secret_arn", "value"));
        for (ModuleOutput output : RedisOutputs.ALL) {
            Map<String, Object> written = io.platform.redis.support.JsonPath.map(outputs, "cache_" + output.name());
            assertEquals("${module.cache." + output.name() + "}", written.get("value"), output.name());
            assertEquals(output.sensitive(), Boolean.TRUE.equals(written.get("sensitive")), output.name() + " sensitive");
        }
        assertEquals("${var.tls}", io.platform.redis.support.JsonPath.at(json, "module", "cache", "transit_encryption_enabled"));
    }

    /** Exported into another stack, an output is a cross-stack reference (the plain expression serves the module's own stack). */
    @Test
    void outputsExportedIntoAnotherStackAreCrossStackReferences(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        com.hashicorp.cdktf.App app = new com.hashicorp.cdktf.App(com.hashicorp.cdktf.AppConfig.builder().outdir(dir.toString()).build());
        TerraformStack producer = new TerraformStack(app, "producer");
        new com.hashicorp.cdktf.providers.aws.provider.AwsProvider(producer, "aws",
                com.hashicorp.cdktf.providers.aws.provider.AwsProviderConfig.builder().region("eu-west-1").build());
        RedisModule cache = new RedisModule(producer, "cache", valid().build());
        TerraformStack consumer = new TerraformStack(app, "consumer");
        cache.exportOutputs(consumer, "cache_");
        app.synth();
        Map<String, Object> json = io.platform.redis.files.Json.read(dir.resolve("stacks/consumer/cdk.tf.json"));
        Object value = io.platform.redis.support.JsonPath.at(json, "output", "cache_redis_url", "value");
        assertTrue(String.valueOf(value).startsWith("${data.terraform_remote_state.") && String.valueOf(value).contains("cross-stack-output-"), String.valueOf(value));
    }
}
