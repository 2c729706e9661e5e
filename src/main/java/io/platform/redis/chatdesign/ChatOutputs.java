package io.platform.redis.chatdesign;

import io.platform.redis.module.ModuleOutput;
import io.platform.redis.module.VariableType;
import java.util.List;

/**
 * The chat stacks' outputs. Their names are the same in single and split mode: application code reads
 * {@code adapter_endpoint} and {@code state_endpoint} and need not know whether split is on.
 */
public final class ChatOutputs {
    private ChatOutputs() {
    }

    public static final ModuleOutput ADAPTER_ENDPOINT = new ModuleOutput("adapter_endpoint", VariableType.STRING,
            "Primary endpoint for the Socket.IO adapter (pub/sub); the single cluster's in single mode.", false);
    public static final ModuleOutput STATE_ENDPOINT = new ModuleOutput("state_endpoint", VariableType.STRING,
            "Primary endpoint for presence, sessions and rate limits; the single cluster's in single mode.", false);
    public static final ModuleOutput PORT = new ModuleOutput("port", VariableType.NUMBER, "Redis port of every cluster.", false);
    public static final ModuleOutput REDIS_AUTH_SECRET_ARN = new ModuleOutput("redis_auth_secret_arn", VariableType.STRING,
            "ARN of the Secrets Manager secret holding the AUTH token (grant ECS task roles secretsmanager:GetSecretValue on it).", false);
    public static final ModuleOutput REDIS_AUTH_SECRET_NAME = new ModuleOutput("redis_auth_secret_name", VariableType.STRING,
            "Name of that secret: <base>/redis-auth.", false);
    public static final ModuleOutput ADAPTER_REDIS_URL = new ModuleOutput("adapter_redis_url", VariableType.STRING,
            "rediss://:<token>@<adapter host>:6379 for the Socket.IO adapter.", true);
    public static final ModuleOutput STATE_REDIS_URL = new ModuleOutput("state_redis_url", VariableType.STRING,
            "rediss://:<token>@<state host>:6379 for presence, sessions and rate limits.", true);

    public static final List<ModuleOutput> ALL = List.of(ADAPTER_ENDPOINT, STATE_ENDPOINT, PORT, REDIS_AUTH_SECRET_ARN,
            REDIS_AUTH_SECRET_NAME, ADAPTER_REDIS_URL, STATE_REDIS_URL);
}
