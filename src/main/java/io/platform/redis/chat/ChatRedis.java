package io.platform.redis.chat;

import com.hashicorp.cdktf.Fn;
import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.Token;
import com.hashicorp.cdktf.providers.aws.iam_role.IamRole;
import com.hashicorp.cdktf.providers.aws.iam_role_policy.IamRolePolicy;
import com.hashicorp.cdktf.providers.aws.secretsmanager_secret.SecretsmanagerSecret;
import com.hashicorp.cdktf.providers.aws.secretsmanager_secret_version.SecretsmanagerSecretVersion;
import com.hashicorp.cdktf.providers.random_provider.password.Password;
import com.hashicorp.cdktf.providers.random_provider.provider.RandomProvider;
import io.platform.redis.RedisModule;
import io.platform.redis.RedisModuleConfig;
import io.platform.redis.Sensitive;
import io.platform.redis.chatdesign.ChatCluster;
import io.platform.redis.chatdesign.ChatOutputs;
import io.platform.redis.chatdesign.ChatSettings;
import io.platform.redis.chatdesign.ChatVariables;
import io.platform.redis.module.AuthTokens;
import io.platform.redis.module.AwsNames;
import io.platform.redis.module.ModuleOutput;
import io.platform.redis.module.RedisVariables;
import io.platform.redis.module.ProviderVersions;
import io.platform.redis.construct.StackLedger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * The chat app's Redis: one AUTH token, generated once and kept in Secrets Manager as {@code <base>/redis-auth},
 * and one call of the Redis module per cluster ({@link ChatCluster}): one cluster in single mode, an adapter and a
 * state cluster in split mode. Both clusters share the token: the realtime tasks read one secret, and rotating it is
 * one change; the clusters still fail and scale independently. Adds the random provider to the stack when the
 * stack has none.
 *
 * <p>Its Terraform names derive from its id, so a stack holds any number of them beside any number of
 * {@link RedisModule}s: module calls {@code <id>} (single) or {@code <id>_adapter} and {@code <id>_state} (split),
 * {@code random_password.<id>_auth_token}, {@code aws_secretsmanager_secret.<id>_auth} and its version
 * {@code <id>_auth_version}. With the id {@code redis} these are the design's own names. A name another construct of
 * the stack already uses fails at synth, naming both.
 *
 * <p>Returns what the design's function returns: {@link #getAdapterEndpoint()}, {@link #getStateEndpoint()} (the
 * same address in single mode) and {@link #getRedisAuthSecret()}.
 */
public class ChatRedis extends Construct {
    private final ChatRedisConfig config;
    private final SecretsmanagerSecret secret;
    private final String secretKmsKeyArn;
    private final RedisModule adapter;
    private final RedisModule state;
    private final List<RedisModule> clusters = new ArrayList<>();

    /** The module's files ship with the stack as an asset, as {@link RedisModule} does. */
    public ChatRedis(Construct scope, String id, ChatRedisConfig config) {
        this(scope, id, config, true);
    }

    /** For an app that copies {@code modules/redis} next to each stack's JSON itself (this project's synthesizer). */
    public static ChatRedis besideTheStack(Construct scope, String id, ChatRedisConfig config) {
        return new ChatRedis(scope, id, config, false);
    }

    private ChatRedis(Construct scope, String id, ChatRedisConfig config, boolean shipModule) {
        super(scope, id);
        // its resources and module calls are named after the id
        StackLedger.checkIdentifier(id, () -> getNode().getPath());
        this.config = config;
        ChatSettings chat = config.settings();
        TerraformStack stack = TerraformStack.of(this);
        boolean hasRandom = stack.getNode().findAll().stream().anyMatch(c -> c instanceof RandomProvider);
        if (!hasRandom) {
            new RandomProvider(stack, "random");
            // The bindings pin the exact version they were generated from; a range admits the module's own constraint.
            stack.addOverride("terraform.required_providers.random.version", ProviderVersions.RANDOM);
        }
        boolean prod = "prod".equals(chat.string(ChatVariables.ENVIRONMENT));
        secretKmsKeyArn = chat.string(ChatVariables.SECRET_KMS_KEY_ARN);

        StackLedger ledger = StackLedger.of(stack);
        String secretName = AwsNames.chatAuthSecretName(chat.string(ChatVariables.BASE_NAME));
        ledger.claimTerraformName("random_password \"" + id + "_auth_token\"", this);
        ledger.claimTerraformName("aws_secretsmanager_secret \"" + id + "_auth\"", this);
        ledger.claimAwsName(AwsNames.secretClaim(secretName), this);

        Password token = AuthTokens.password(this, "redis_auth_token").build();
        token.overrideLogicalId(id + "_auth_token");
        secret = SecretsmanagerSecret.Builder.create(this, "redis_auth")
                .name(secretName)
                .description("Redis AUTH token for ElastiCache authentication")
                // A deleted secret stays recoverable for this long; production gets the longest window.
                .recoveryWindowInDays(prod ? 30 : 7)
                .kmsKeyId(chat.string(ChatVariables.SECRET_KMS_KEY_ARN))
                .tags(chat.map(ChatVariables.TAGS))
                .build();
        secret.overrideLogicalId(id + "_auth");
        SecretsmanagerSecretVersion.Builder.create(this, "redis_auth_version")
                .secretId(secret.getId())
                .secretString(token.getResult())
                .build()
                .overrideLogicalId(id + "_auth_version");

        RedisModule single = null;
        RedisModule adapterCluster = null;
        RedisModule stateCluster = null;
        for (ChatCluster cluster : ChatCluster.of(chat)) {
            Map<String, Object> variables = new java.util.LinkedHashMap<>(cluster.module());
            variables.put(RedisVariables.AUTH_TOKEN.name(), token.getResult());
            RedisModuleConfig module = RedisModuleConfig.fromVariables(variables);
            String moduleId = cluster.moduleId(id);
            RedisModule call = shipModule ? new RedisModule(this, moduleId, module) : RedisModule.besideTheStack(this, moduleId, module);
            clusters.add(call);
            switch (cluster.role()) {
                case "adapter" -> adapterCluster = call;
                case "state" -> stateCluster = call;
                default -> single = call;
            }
        }
        adapter = adapterCluster != null ? adapterCluster : single;
        state = stateCluster != null ? stateCluster : single;
    }

    public ChatRedisConfig getConfig() {
        return config;
    }

    /** Primary endpoint for the Socket.IO adapter (pub/sub); the single cluster's in single mode. */
    public String getAdapterEndpoint() {
        return adapter.getPrimaryEndpointAddress();
    }

    /** Primary endpoint for presence, sessions and rate limits; the single cluster's in single mode. */
    public String getStateEndpoint() {
        return state.getPrimaryEndpointAddress();
    }

    /**
     * Lets {@code role} read the AUTH token's secret and nothing else (GetSecretValue, DescribeSecret on its ARN), and,
     * with {@code secretKmsKeyArn}, decrypt it through Secrets Manager only: an inline policy on the role.
     */
    public IamRolePolicy grantSecretsRead(IamRole role) {
        List<Object> statements = new ArrayList<>(List.of(Map.of("Sid", "ReadRedisAuthToken", "Effect", "Allow",
                "Action", List.of("secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"), "Resource", List.of(secret.getArn()))));
        if (secretKmsKeyArn != null) {
            statements.add(Map.of("Sid", "DecryptRedisAuthToken", "Effect", "Allow", "Action", "kms:Decrypt", "Resource", secretKmsKeyArn,
                    "Condition", Map.of("StringEquals", Map.of("kms:ViaService",
                            "secretsmanager." + Token.asString(Fn.element(Fn.split(":", secretKmsKeyArn), 3)) + ".amazonaws.com"))));
        }
        return IamRolePolicy.Builder.create(this, "secrets_read_" + role.getNode().getId()).role(role.getName())
                .policy(Fn.jsonencode(Map.of("Version", "2012-10-17", "Statement", statements))).build();
    }

    /** The Secrets Manager secret holding the AUTH token; grant task roles secretsmanager:GetSecretValue on it. */
    public SecretsmanagerSecret getRedisAuthSecret() {
        return secret;
    }

    /** The Redis port of every cluster. */
    public Number getPort() {
        return adapter.getPort();
    }

    /** {@code rediss://:<token>@<adapter host>:6379} (sensitive). */
    @Sensitive
    public String getAdapterRedisUrl() {
        return adapter.getConnectionUrl();
    }

    /** {@code rediss://:<token>@<state host>:6379} (sensitive). */
    @Sensitive
    public String getStateRedisUrl() {
        return state.getConnectionUrl();
    }

    /**
     * Exports the chat design's outputs (the endpoints, the port, the AUTH secret's ARN and name, the two URLs) as
     * {@code TerraformOutput}s of {@code scope} named {@code prefix + <output name>}, sensitive exactly where they hold
     * the token, with their descriptions.
     *
     * @param prefix letters, digits, underscores or hyphens; {@code ""} gives the chat stacks' names
     * @return the outputs, by output name
     */
    public Map<String, TerraformOutput> exportOutputs(Construct scope, String prefix) {
        Map<ModuleOutput, Object> values = new LinkedHashMap<>();
        values.put(ChatOutputs.ADAPTER_ENDPOINT, getAdapterEndpoint());
        values.put(ChatOutputs.STATE_ENDPOINT, getStateEndpoint());
        values.put(ChatOutputs.PORT, getPort());
        values.put(ChatOutputs.REDIS_AUTH_SECRET_ARN, secret.getArn());
        values.put(ChatOutputs.REDIS_AUTH_SECRET_NAME, secret.getName());
        values.put(ChatOutputs.ADAPTER_REDIS_URL, getAdapterRedisUrl());
        values.put(ChatOutputs.STATE_REDIS_URL, getStateRedisUrl());
        Map<String, TerraformOutput> outputs = new LinkedHashMap<>();
        for (ModuleOutput output : ChatOutputs.ALL) {
            outputs.put(output.name(), StackLedger.output(scope, prefix + output.name(), values.get(output), output.description(), output.sensitive()));
        }
        return outputs;
    }

    /** The module calls: one in single mode, adapter then state in split mode. */
    public List<RedisModule> getClusters() {
        return List.copyOf(clusters);
    }
}
