package io.platform.redis.config;

import io.platform.redis.chat.ChatSettings;
import io.platform.redis.module.ModuleInputs;

/** What a stack deploys: the Django cache/Celery Redis ({@code redis:}) or the chat app's Redis ({@code chat:}). */
public sealed interface Workload {
    /** One call of the module with these inputs. */
    record DjangoRedis(ModuleInputs inputs) implements Workload {
    }

    /** The chat design: single or split clusters, AUTH token in Secrets Manager. */
    record ChatRedis(ChatSettings settings) implements Workload {
    }
}
