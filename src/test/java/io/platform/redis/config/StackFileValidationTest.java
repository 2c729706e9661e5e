package io.platform.redis.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platform.redis.RedisModuleConfig;
import io.platform.redis.checks.ConfigChecks;
import io.platform.redis.InvalidConfigException;
import io.platform.redis.config.InvalidStacksException;
import io.platform.redis.config.Problem;
import io.platform.redis.config.StackFileReader;
import io.platform.redis.module.CrossRule;
import io.platform.redis.module.ModuleInputs;
import io.platform.redis.module.ModuleTests;
import io.platform.redis.module.RedisVariables;
import io.platform.redis.module.Rule;
import io.platform.redis.module.Variable;
import io.platform.redis.support.JsiiLock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad stack files are caught before anything is built, with file, line, key, value and rule, all at once. */
@ExtendWith(JsiiLock.class) // calls into cdktf itself, beside the offline terraform classes
class StackFileValidationTest {
    @TempDir
    Path project;

    static final String VALID = """
            stack: dev
            region: eu-west-1
            redis:
              name: django-cache
              environment: dev
              node_type: cache.t4g.micro
              vpc_id: vpc-0a1b2c3d
              subnet_ids: [subnet-0a1b2c3d, subnet-4e5f6a7b]
            """;

    private Path write(String name, String text) throws IOException {
        Path stacks = Files.createDirectories(project.resolve("stacks"));
        return Files.writeString(stacks.resolve(name), text);
    }

    private List<Problem> problems() {
        return assertThrows(InvalidStacksException.class,
                () -> StackFileReader.readAll(project, project.resolve("stacks"))).problems();
    }

    private static String joined(List<Problem> problems) {
        return String.join("\n", problems.stream().map(Problem::toString).toList());
    }

    @Test
    void aValidFileIsRead() throws Exception {
        write("dev.yaml", VALID);
        var stacks = StackFileReader.readAll(project, project.resolve("stacks"));
        assertEquals("dev", stacks.get(0).stack());
        assertEquals(2, ((io.platform.redis.config.Workload.DjangoRedis) stacks.get(0).workload()).inputs().number(RedisVariables.NUM_CACHE_CLUSTERS));
    }

    @Test
    void anEngineVersionTheEngineDoesNotOfferAndABadKmsKeyAreNamedWithTheirRule() throws Exception {
        write("valkey.yaml", VALID.replace("stack: dev", "stack: valkey") + "  engine: valkey\n  engine_version: \"7.1\"\n");
        write("kms.yaml", VALID.replace("stack: dev", "stack: kms") + "  kms_key_arn: alias/redis\n");
        String text = joined(problems());
        assertTrue(text.contains("stacks/valkey.yaml:3: redis.engine, redis.engine_version: engine_version must be one the engine offers: redis 7.1, 7.0, 6.2, "
                + "6.0, 6.x; valkey 8.1, 8.0, 7.2"), text);
        assertTrue(text.contains("stacks/kms.yaml:9: redis.kms_key_arn: \"alias/redis\": must be a KMS key ARN"), text);
    }

    /** allkeys-* is valid (a cache without a broker), but it can evict queued Celery tasks: the report says so. */
    @Test
    void anAllkeysEvictionPolicyIsReportedAsASafeguardTurnedOff() throws Exception {
        write("dev.yaml", VALID + "  maxmemory_policy: allkeys-lru\n");
        var stacks = StackFileReader.readAll(project, project.resolve("stacks"));
        assertEquals(List.of("stacks/dev.yaml: redis.maxmemory_policy = allkeys-lru: a cache that fills the node can evict "
                + "queued Celery tasks on DB 1"), io.platform.redis.config.Safeguards.turnedOff(stacks.get(0)));
    }

    /** One engine: a stack file's bad values and the same values given to build() get the same problems, in their own terms. */
    @Test
    void aStackFilesBadValueIsReportedByTheChecksOfBuild() throws Exception {
        write("dev.yaml", VALID + "  snapshot_retention_limit: 40\n  engine: valkey\n");
        List<String> fromFile = problems().stream().map(Problem::message).toList();
        InvalidConfigException fromBuild = assertThrows(InvalidConfigException.class, () -> RedisModuleConfig.builder()
                .name("django-cache").environment("dev").nodeType("cache.t4g.micro").vpcId("vpc-0a1b2c3d")
                .subnetIds(List.of("subnet-0a1b2c3d", "subnet-4e5f6a7b")).snapshotRetentionLimit(40).engine("valkey").build());
        assertEquals(2, fromFile.size(), String.valueOf(fromFile));
        assertEquals(fromFile.stream().sorted().toList(), fromBuild.details().stream().map(InvalidConfigException.Problem::text).sorted().toList());
    }

    @Test
    void threeMistakesAreReportedTogetherWithFileLineKeyValueAndRule() throws Exception {
        write("prod.yaml", VALID.replace("stack: dev", "stack: prod")
                + "  snapshot_retention_limit: 40\n"
                + "  maxmemory_policy: lru\n"
                + "  num_cache_cluster: 3\n");
        List<Problem> problems = problems();
        String text = joined(problems);
        assertEquals(3, problems.size(), text);
        assertTrue(text.contains("stacks/prod.yaml:9: redis.snapshot_retention_limit: 40: must be between 0 and 35"), text);
        assertTrue(text.contains("stacks/prod.yaml:10: redis.maxmemory_policy: \"lru\": must be one of volatile-lru, allkeys-lru"), text);
        assertTrue(text.contains("stacks/prod.yaml:11: redis.num_cache_cluster: unknown key; did you mean \"num_cache_clusters\"?"), text);
    }

    /** Problems come in reading order, by file and line, whatever order the catalog checks the keys in. */
    @Test
    void problemsAreSortedByFileAndLine() throws Exception {
        write("b.yaml", VALID.replace("stack: dev", "stack: b") + "  port: 80\n  num_cache_clusters: 9\n");
        write("a.yaml", VALID.replace("stack: dev", "stack: a") + "  port: 80\n");
        List<Problem> problems = problems();
        assertEquals(List.of("stacks/a.yaml:9", "stacks/b.yaml:9", "stacks/b.yaml:10"),
                problems.stream().map(p -> p.file() + ":" + p.line()).toList(), joined(problems));
    }

    @Test
    void allowReplacementNamesKeysThatExist() throws Exception {
        write("prod.yaml", VALID.replace("stack: dev", "stack: prod\nallow_replacement: [prot, region]"));
        write("x.yaml", VALID.replace("stack: dev", "stack: x\nallow_replacement: port"));
        String text = joined(problems());
        assertTrue(text.contains("stacks/prod.yaml:2: allow_replacement: \"prot\": not a key whose change can replace a cluster; "
                + "did you mean \"port\"?"), text);
        assertTrue(!text.contains("\"region\""), text);
        assertTrue(text.contains("stacks/x.yaml:2: allow_replacement: string \"port\": must be a list of keys, e.g. [port]"), text);
    }

    /** Node types are checked by their grammar, so a typo fails here with the closest valid spelling. */
    @Test
    void nodeTypesThatCannotExistAreRefusedWithAClosestMatch() throws Exception {
        Map<String, String> typos = Map.of("smal.yaml", "cache.t4g.smal", "xlargee.yaml", "cache.t4g.xlargee", "larg.yaml", "cache.r6g.larg");
        for (var typo : typos.entrySet()) {
            write(typo.getKey(), VALID.replace("stack: dev", "stack: " + typo.getKey().replace(".yaml", ""))
                    .replace("cache.t4g.micro", typo.getValue()));
        }
        write("chat.yaml", CHAT + "  redis_node_type: cache.t4g.smal\n  redis_num_cache_nodes: 1\n");
        String text = joined(problems());
        assertTrue(text.contains("stacks/smal.yaml:6: redis.node_type: \"cache.t4g.smal\": must be a node type cache.FAMILY.SIZE"), text);
        assertTrue(text.contains("did you mean \"cache.t4g.small\"?"), text);
        // refused without a suggestion: the closest size, xlarge, does not exist in the burstable t4g family
        assertTrue(text.contains("stacks/xlargee.yaml:6: redis.node_type: \"cache.t4g.xlargee\": must be a node type"), text);
        assertTrue(!text.contains("did you mean \"cache.t4g.xlarge\""), text);
        assertTrue(text.contains("stacks/larg.yaml:6: redis.node_type: \"cache.r6g.larg\""), text);
        assertTrue(text.contains("did you mean \"cache.r6g.large\"?"), text);
        assertTrue(text.contains("stacks/chat.yaml:8: chat.redis_node_type: \"cache.t4g.smal\""), text);
    }

    @Test
    void wrongTypesAndMissingKeysAreNamed() throws Exception {
        write("dev.yaml", """
                stack: dev
                region: eu-west-1
                redis:
                  name: django-cache
                  environment: dev
                  num_cache_clusters: "2"
                  multi_az_enabled: maybe
                  subnet_ids: subnet-0a1b2c3d
                """);
        String text = joined(problems());
        assertTrue(text.contains("redis.num_cache_clusters: must be a whole number, got string \"2\""), text);
        assertTrue(text.contains("redis.multi_az_enabled: must be true or false, got string \"maybe\""), text);
        assertTrue(text.contains("redis.subnet_ids: must be a list of strings, got string \"subnet-0a1b2c3d\""), text);
        assertTrue(text.contains("redis.node_type: is required"), text);
        assertTrue(!text.contains("redis.vpc_id"), "vpc_id is optional (the subnets' VPC): " + text);
    }

    @Test
    void malformedYamlNamesTheLine() throws Exception {
        write("dev.yaml", "stack: dev\nregion: [eu-west-1\nredis: {}\n");
        String text = joined(problems());
        assertTrue(text.startsWith("stacks/dev.yaml:"), text);
        assertTrue(text.contains("not valid YAML/JSON"), text);
    }

    @Test
    void jsonStackFilesAreReadToo() throws Exception {
        write("dev.json", "{\"stack\": \"dev\", \"region\": \"eu-west-1\", \"redis\": {\"name\": \"django-cache\", "
                + "\"environment\": \"dev\", \"node_type\": \"cache.t4g.micro\", \"vpc_id\": \"vpc-0a1b2c3d\", "
                + "\"subnet_ids\": [\"subnet-0a1b2c3d\", \"subnet-4e5f6a7b\"]}}");
        assertEquals("dev", StackFileReader.readAll(project, project.resolve("stacks")).get(0).stack());
    }

    @Test
    void duplicateKeysAndDuplicateStackNamesAreRejected() throws Exception {
        write("a.yaml", VALID + "  port: 6379\n  port: 6380\n");
        write("b.yaml", VALID);
        write("c.yaml", VALID);
        String text = joined(problems());
        assertTrue(text.contains("stacks/a.yaml:10: redis.port: appears twice (first on line 9)"), text);
        assertTrue(text.contains("stacks/c.yaml: stack: \"dev\" is already the stack name in stacks/b.yaml"), text);
    }

    /**
     * AWS names are unique per account and region: two stack files whose clusters ask for one name are refused when
     * read, naming both files (the stacks built from them no longer check it at synth, where it was a jsii stack trace).
     */
    @Test
    void twoStackFilesThatAskAwsForOneNameInOneRegionAreRefused() throws Exception {
        write("a.yaml", VALID);
        write("b.yaml", VALID.replace("stack: dev", "stack: b"));
        write("c.yaml", VALID.replace("stack: dev", "stack: c").replace("eu-west-1", "us-east-1")); // another region
        write("d.yaml", CHAT.replace("stack: chat", "stack: d").replace("base_name: chat", "base_name: shop")
                + "  redis_node_type: cache.t4g.micro\n  redis_num_cache_nodes: 1\n");
        write("e.yaml", VALID.replace("stack: dev", "stack: e").replace("name: django-cache", "name: shop-redis"));
        List<Problem> problems = problems();
        String text = joined(problems);
        assertTrue(text.contains("stacks/b.yaml:4: redis.name: replication group id \"django-cache\" is asked for by stacks/a.yaml "
                + "too, in region eu-west-1; AWS would refuse the second one at apply."), text);
        // the chat design's single cluster is <base_name>-redis
        assertTrue(text.contains("stacks/e.yaml:4: redis.name: replication group id \"shop-redis\" is asked for by stacks/d.yaml too"), text);
        assertEquals(2, problems.size(), text);
    }

    @Test
    void anEmptyOrMissingStacksFolderIsAnError() throws Exception {
        assertTrue(joined(problems()).contains("stacks: folder not found"));
        Files.createDirectories(project.resolve("stacks"));
        assertTrue(joined(problems()).contains("stacks: holds no stack file"));
    }

    @Test
    void anEmptyFileAndABadBackendAreExplained() throws Exception {
        write("a.yaml", "");
        write("b.yaml", VALID.replace("stack: dev", "stack: b") + "backend:\n  s3:\n    bucket: state\n");
        write("c.yaml", VALID.replace("stack: dev", "stack: c") + "backend:\n  local:\n    path: /abs/state.tfstate\n");
        String text = joined(problems());
        assertTrue(text.contains("stacks/a.yaml: must be a map with the keys stack, region, backend and redis or chat, but the file is empty"), text);
        assertTrue(text.contains("stacks/b.yaml:10: backend.s3.key: is required"), text);
        assertTrue(text.contains("stacks/c.yaml:11: backend.local.path: \"/abs/state.tfstate\": must be a relative path"), text);
    }

    @Test
    void aSensitiveValueIsNeverEchoed() throws Exception {
        write("dev.yaml", VALID + "  auth_token_enabled: true\n  auth_token: \"short@secret\"\n");
        String text = joined(problems());
        assertTrue(text.contains("redis.auth_token: (sensitive value hidden): must be 16-128"), text);
        assertTrue(!text.contains("short@secret"), text);
    }

    static Stream<ModuleTests.Case> cases() {
        return ModuleTests.cases().stream();
    }

    /** The same bad values the module's generated validation test feeds to terraform. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void javaRejectsEveryBadExampleTheModuleRejects(ModuleTests.Case badCase) {
        Map<String, Object> values = new LinkedHashMap<>(RedisVariables.EXAMPLE);
        values.putAll(badCase.variables());
        List<ConfigChecks.Problem> violations = problems(values);
        assertEquals(1, violations.size(), badCase.name() + ": " + violations);
    }

    @Test
    void theCatalogExampleIsValid() {
        assertEquals(List.of(), problems(RedisVariables.EXAMPLE));
        for (Variable variable : RedisVariables.ALL) {
            if (variable.defaultValue() != null) {
                assertEquals(List.of(), variable.violations(variable.defaultValue()), variable.name() + " default");
            }
            for (Rule rule : variable.rules()) {
                assertTrue(variable.type().accepts(rule.badExample()), variable.name() + " bad example type");
            }
        }
        for (CrossRule rule : RedisVariables.preconditions()) {
            Map<String, Object> values = new LinkedHashMap<>(RedisVariables.EXAMPLE);
            values.putAll(rule.badExample());
            List<String> texts = problems(values).stream().map(ConfigChecks.Problem::text).toList();
            assertEquals(1, texts.size(), rule.rule() + ": " + texts);
            assertTrue(texts.get(0).startsWith(rule.rule()), texts.get(0));
        }
    }

    /** The problems build() and the stack files report: one engine for both. */
    private static List<ConfigChecks.Problem> problems(Map<String, Object> values) {
        return ConfigChecks.check(RedisVariables.ALL, RedisVariables.preconditions(), values).problems();
    }

    static final String CHAT = """
            stack: chat
            region: eu-west-1
            chat:
              base_name: chat
              environment: dev
              vpc_id: vpc-0a1b2c3d
              private_subnet_ids: [subnet-0a1b2c3d, subnet-4e5f6a7b]
            """;

    @Test
    void chatModesNeedTheirOwnKeys() throws Exception {
        write("a.yaml", CHAT.replace("stack: chat", "stack: a"));
        write("b.yaml", CHAT.replace("stack: chat", "stack: b") + "  enable_redis_split: true\n  redis_adapter_node_type: cache.r6g.large\n");
        String text = joined(problems());
        assertTrue(text.contains("stacks/a.yaml:3: chat.redis_node_type: is required in single mode"), text);
        assertTrue(text.contains("stacks/a.yaml:3: chat.redis_num_cache_nodes: is required in single mode"), text);
        assertTrue(text.contains("stacks/b.yaml:3: chat.redis_adapter_replicas: is required in split mode (enable_redis_split: true)"), text);
        assertTrue(text.contains("stacks/b.yaml:3: chat.redis_state_node_type: is required in split mode"), text);
        assertTrue(!text.contains("chat.redis_adapter_node_type"), text);
    }

    @Test
    void chatClustersAreCheckedAgainstTheModuleRules() throws Exception {
        write("chat.yaml", CHAT + "  redis_node_type: cache.t2.micro\n  redis_num_cache_nodes: 2\n"
                + "  redis_security_group_id: sg-0a1b2c3d\n");
        write("x.yaml", CHAT.replace("stack: chat", "stack: x").replace("base_name: chat", "base_name: a-very-long-chat-base-name-x")
                + "  redis_node_type: cache.t3.micro\n  redis_num_cache_nodes: 7\n  allowed_security_group_ids: [sg-1]\n"
                + "  redis_security_group_id: sg-0a1b2c3d\n");
        String text = joined(problems());
        assertTrue(text.contains("stacks/chat.yaml:3: chat.redis_num_cache_nodes, chat.redis_node_type: redis cluster: automatic_failover_enabled is not supported on T1 and T2 node types"), text);
        assertTrue(text.contains("stacks/x.yaml:4: chat.base_name: \"a-very-long-chat-base-name-x\": must be 2-26"), text);
        assertTrue(text.contains("stacks/x.yaml:9: chat.redis_num_cache_nodes: 7: must be between 1 and 6"), text);
    }

    @Test
    void aStackFileDeploysExactlyOneOfRedisOrChat() throws Exception {
        write("both.yaml", VALID + CHAT.substring(CHAT.indexOf("chat:")));
        assertTrue(joined(problems()).contains("stacks/both.yaml:1: needs exactly one of \"redis\""));
    }

    @Test
    void javaRejectsEveryChatBadExample() {
        for (Variable variable : io.platform.redis.chatdesign.ChatVariables.ALL) {
            for (Rule rule : variable.rules()) {
                assertTrue(!variable.violations(rule.badExample()).isEmpty(), variable.name() + ": " + rule.badExample());
            }
            if (variable.defaultValue() != null) {
                assertEquals(List.of(), variable.violations(variable.defaultValue()), variable.name());
            }
        }
    }

    @Test
    void everyDocumentedStackFileCheckNamesARealTest() throws Exception {
        for (var check : io.platform.redis.docs.GeneratedDocs.FILE_CHECKS) {
            String[] parts = check.test().split("[.]");
            Class<?> type = testClass(parts[0]);
            assertTrue(java.util.Arrays.stream(type.getDeclaredMethods()).anyMatch(m -> m.getName().equals(parts[1])), check.test());
        }
    }

    /** A test class by its simple name, in whichever test package it sits. */
    private static Class<?> testClass(String simpleName) throws Exception {
        Path classes = Path.of("target/test-classes");
        try (java.util.stream.Stream<Path> files = Files.walk(classes)) {
            Path file = files.filter(f -> f.getFileName().toString().equals(simpleName + ".class")).findFirst()
                    .orElseThrow(() -> new AssertionError("no test class " + simpleName));
            String name = classes.relativize(file).toString().replace('/', '.').replace('\\', '.');
            return Class.forName(name.substring(0, name.length() - ".class".length()));
        }
    }
}
