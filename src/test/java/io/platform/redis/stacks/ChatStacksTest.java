package io.platform.redis.stacks;

import static io.platform.redis.support.JsonPath.at;
import static io.platform.redis.support.JsonPath.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platform.redis.app.Main;
import io.platform.redis.chatdesign.ChatOutputs;
import io.platform.redis.module.ModuleOutput;
import io.platform.redis.support.JsiiLock;
import io.platform.redis.support.Synthesized;
import io.platform.redis.files.Directories;
import io.platform.redis.files.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The chat app's Redis: single mode in chat-dev, split mode in chat-prod, AUTH token in Secrets Manager. */
@ExtendWith(JsiiLock.class) // calls into cdktf itself, beside the offline terraform classes
class ChatStacksTest {
    private final Synthesized synthesized = Synthesized.get();

    @TempDir
    Path project;

    private Map<String, Object> modules(String stack) {
        return map(synthesized.stackJson(stack), "module");
    }

    @Test
    void chatDevIsOneClusterServingEveryWorkload() {
        Map<String, Object> modules = modules("chat-dev");
        assertEquals(List.of("redis"), List.copyOf(modules.keySet()));
        Map<String, Object> redis = map(modules, "redis");
        assertEquals("chat-dev-redis", redis.get("name"));
        assertEquals("cache.t3.micro", redis.get("node_type"));
        assertEquals(1, redis.get("num_cache_clusters"));
        assertEquals(false, redis.get("automatic_failover_enabled"));
        assertEquals(false, redis.get("multi_az_enabled"));
        assertEquals("sun:05:00-sun:06:00", redis.get("maintenance_window"));
        assertEquals("03:00-04:00", redis.get("snapshot_window"));
        assertEquals(1, redis.get("snapshot_retention_limit"));
        assertEquals("dev", redis.get("environment"));
    }

    @Test
    void chatProdIsSplitWithOwnNodeTypesReplicasAndOffsetWindows() {
        Map<String, Object> modules = modules("chat-prod");
        assertEquals(List.of("redis_adapter", "redis_state"), List.copyOf(modules.keySet()));
        Map<String, Object> adapter = map(modules, "redis_adapter");
        Map<String, Object> state = map(modules, "redis_state");
        assertEquals("chat-prod-redis-adapter", adapter.get("name"));
        assertEquals("chat-prod-redis-state", state.get("name"));
        assertEquals("cache.r6g.large", adapter.get("node_type"));
        assertEquals("cache.m6g.large", state.get("node_type"));
        assertEquals(2, adapter.get("num_cache_clusters"));
        assertEquals(2, state.get("num_cache_clusters"));
        assertEquals("sun:05:00-sun:06:00", adapter.get("maintenance_window"));
        assertEquals("03:00-04:00", adapter.get("snapshot_window"));
        assertEquals("sun:06:00-sun:07:00", state.get("maintenance_window"));
        assertEquals("04:00-05:00", state.get("snapshot_window"));
        for (Map<String, Object> cluster : List.of(adapter, state)) {
            assertEquals(true, cluster.get("automatic_failover_enabled"));
            assertEquals(true, cluster.get("multi_az_enabled"));
            assertEquals(7, cluster.get("snapshot_retention_limit"));
            assertEquals("prod", cluster.get("environment"));
        }
    }

    @Test
    void everyClusterIsTunedForSocketIoWithAuthTlsAndEncryption() {
        for (String stack : List.of("chat-dev", "chat-prod")) {
            for (Object value : modules(stack).values()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> cluster = (Map<String, Object>) value;
                assertEquals("./modules/redis", cluster.get("source"));
                assertEquals("volatile-lru", cluster.get("maxmemory_policy"));
                assertEquals("Ex", cluster.get("notify_keyspace_events"));
                assertEquals(0, cluster.get("timeout"));
                assertEquals(300, cluster.get("tcp_keepalive"));
                assertEquals("7.1", cluster.get("engine_version"));
                assertEquals(6379, cluster.get("port"));
                assertEquals(true, cluster.get("auth_token_enabled"));
                assertEquals(true, cluster.get("transit_encryption_enabled"));
                assertEquals(true, cluster.get("at_rest_encryption_enabled"));
                assertEquals("${random_password.redis_auth_token.result}", cluster.get("auth_token"));
            }
        }
    }

    @Test
    void theTokenIsGeneratedOnceAndKeptInSecretsManager() {
        for (String stack : List.of("chat-dev", "chat-prod")) {
            Map<String, Object> json = synthesized.stackJson(stack);
            assertEquals(32, (Object) at(json, "resource", "random_password", "redis_auth_token", "length"));
            assertEquals(false, at(json, "resource", "random_password", "redis_auth_token", "special"));
            assertEquals(stack + "/redis-auth", at(json, "resource", "aws_secretsmanager_secret", "redis_auth", "name"));
            assertEquals("${aws_secretsmanager_secret.redis_auth.id}",
                    at(json, "resource", "aws_secretsmanager_secret_version", "redis_auth_version", "secret_id"));
            assertEquals("${random_password.redis_auth_token.result}",
                    at(json, "resource", "aws_secretsmanager_secret_version", "redis_auth_version", "secret_string"));
        }
        assertEquals(30, (Object) at(synthesized.stackJson("chat-prod"), "resource", "aws_secretsmanager_secret", "redis_auth", "recovery_window_in_days"));
        assertEquals(7, (Object) at(synthesized.stackJson("chat-dev"), "resource", "aws_secretsmanager_secret", "redis_auth", "recovery_window_in_days"));
    }

    @Test
    void outputsHaveTheSameNamesInBothModesAndUrlsAreSensitive() {
        Map<String, Object> dev = map(synthesized.stackJson("chat-dev"), "output");
        Map<String, Object> prod = map(synthesized.stackJson("chat-prod"), "output");
        List<String> names = ChatOutputs.ALL.stream().map(ModuleOutput::name).sorted().toList();
        assertEquals(names, dev.keySet().stream().sorted().toList());
        assertEquals(names, prod.keySet().stream().sorted().toList());
        for (ModuleOutput output : ChatOutputs.ALL) {
            assertEquals(output.sensitive(), at(dev, output.name(), "sensitive"), output.name());
            assertEquals(output.sensitive(), at(prod, output.name(), "sensitive"), output.name());
        }
        assertEquals(true, at(prod, "adapter_redis_url", "sensitive"));
        assertEquals(true, at(prod, "state_redis_url", "sensitive"));
        // Single mode: both roles point at the one cluster.
        assertEquals("${module.redis.primary_endpoint_address}", at(dev, "adapter_endpoint", "value"));
        assertEquals("${module.redis.primary_endpoint_address}", at(dev, "state_endpoint", "value"));
        assertEquals("${module.redis.connection_url}", at(dev, "state_redis_url", "value"));
        assertEquals("${module.redis_adapter.primary_endpoint_address}", at(prod, "adapter_endpoint", "value"));
        assertEquals("${module.redis_state.primary_endpoint_address}", at(prod, "state_endpoint", "value"));
        assertEquals("${module.redis_state.connection_url}", at(prod, "state_redis_url", "value"));
        assertEquals("${aws_secretsmanager_secret.redis_auth.arn}", at(prod, "redis_auth_secret_arn", "value"));
    }

    @Test
    void flippingEnableRedisSplitIsTheOnlyChangeNeeded() throws Exception {
        Directories.copy(Synthesized.PROJECT.resolve("stacks"), project.resolve("stacks"));
        Path file = project.resolve("stacks/chat-prod.yaml");
        String original = Files.readString(file);
        Files.writeString(file, original.replace("enable_redis_split: true", "enable_redis_split: false"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(project, project.resolve("cdktf.out"), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));

        Map<String, Object> single = Json.read(project.resolve("cdktf.out/stacks/chat-prod/cdk.tf.json"));
        assertEquals(List.of("redis"), List.copyOf(map(single, "module").keySet()));
        assertEquals("chat-prod-redis", at(single, "module", "redis", "name"));
        assertEquals("cache.r6g.large", at(single, "module", "redis", "node_type"));
        assertEquals(2, (Object) at(single, "module", "redis", "num_cache_clusters"));
        assertEquals(new TreeSet<>(map(synthesized.stackJson("chat-prod"), "output").keySet()),
                new TreeSet<>(map(single, "output").keySet()));
    }
}
