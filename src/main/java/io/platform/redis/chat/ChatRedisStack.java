package io.platform.redis.chat;

import com.hashicorp.cdktf.TerraformHclModule;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.secretsmanager_secret.SecretsmanagerSecret;
import com.hashicorp.cdktf.providers.aws.secretsmanager_secret_version.SecretsmanagerSecretVersion;
import com.hashicorp.cdktf.providers.random_provider.password.Password;
import com.hashicorp.cdktf.providers.random_provider.provider.RandomProvider;
import io.platform.redis.module.AuthTokens;
import io.platform.redis.module.RedisOutputs;
import io.platform.redis.stacks.ModuleCall;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The chat app's Redis in a stack: one AUTH token, generated once and kept in Secrets Manager as
 * {@code <base>/redis-auth}, and one module call per cluster ({@link ChatCluster}). Both clusters of split mode
 * use the same token: the realtime tasks then read one secret and one environment variable, and rotating it is
 * one change; the clusters still fail and scale independently.
 */
public final class ChatRedisStack {
    private ChatRedisStack() {
    }

    public static void build(TerraformStack stack, ChatSettings chat) {
        new RandomProvider(stack, "random");
        String base = chat.string(ChatVariables.BASE_NAME);
        boolean prod = "prod".equals(chat.string(ChatVariables.ENVIRONMENT));

        Password token = AuthTokens.password(stack, "redis_auth_token").build();
        SecretsmanagerSecret secret = SecretsmanagerSecret.Builder.create(stack, "redis_auth")
                .name(base + "/redis-auth")
                .description("Redis AUTH token for ElastiCache authentication")
                // A deleted secret stays recoverable for this long; production gets the longest window.
                .recoveryWindowInDays(prod ? 30 : 7)
                .tags(chat.map(ChatVariables.TAGS))
                .build();
        SecretsmanagerSecretVersion.Builder.create(stack, "redis_auth_version")
                .secretId(secret.getId())
                .secretString(token.getResult())
                .build();

        Map<String, TerraformHclModule> byRole = new LinkedHashMap<>();
        for (ChatCluster cluster : ChatCluster.of(chat)) {
            Map<String, Object> variables = new LinkedHashMap<>(cluster.inputs().explicit());
            variables.put("auth_token", token.getResult());
            byRole.put(cluster.role(), ModuleCall.add(stack, cluster.moduleId(), variables));
        }
        TerraformHclModule adapter = byRole.getOrDefault("adapter", byRole.get("redis"));
        TerraformHclModule state = byRole.getOrDefault("state", byRole.get("redis"));

        Map<String, Object> values = new LinkedHashMap<>();
        values.put(ChatOutputs.ADAPTER_ENDPOINT.name(), adapter.get(RedisOutputs.PRIMARY_ENDPOINT_ADDRESS.name()));
        values.put(ChatOutputs.STATE_ENDPOINT.name(), state.get(RedisOutputs.PRIMARY_ENDPOINT_ADDRESS.name()));
        values.put(ChatOutputs.PORT.name(), adapter.get(RedisOutputs.PORT.name()));
        values.put(ChatOutputs.REDIS_AUTH_SECRET_ARN.name(), secret.getArn());
        values.put(ChatOutputs.REDIS_AUTH_SECRET_NAME.name(), secret.getName());
        values.put(ChatOutputs.ADAPTER_REDIS_URL.name(), adapter.get(RedisOutputs.CONNECTION_URL.name()));
        values.put(ChatOutputs.STATE_REDIS_URL.name(), state.get(RedisOutputs.CONNECTION_URL.name()));
        for (var output : ChatOutputs.ALL) {
            ModuleCall.output(stack, output.name(), values.get(output.name()), output.description(), output.sensitive());
        }
    }
}
