package io.platform.redis.config;

import io.platform.redis.RedisModuleConfig;
import io.platform.redis.chat.ChatRedisConfig;
import io.platform.redis.chatdesign.ChatSettings;
import io.platform.redis.module.ModuleInputs;

/**
 * What a stack deploys: the Django cache/Celery Redis ({@code redis:}) or the chat app's Redis ({@code chat:}), as the
 * typed configuration a Java caller would build, checked once, by the same code.
 */
public sealed interface Workload {
    /** One call of the module with this configuration. */
    record DjangoRedis(RedisModuleConfig config) implements Workload {
        /** The module inputs, with the catalog's defaults behind the values set. */
        public ModuleInputs inputs() {
            return ModuleInputs.ofCheckedValues(config.variables());
        }
    }

    /** The chat design: single or split clusters, AUTH token in Secrets Manager. */
    record ChatRedis(ChatRedisConfig config) implements Workload {
        /** The chat options, with the design's defaults behind the values set. */
        public ChatSettings settings() {
            return ChatSettings.ofCheckedValues(config.variables());
        }
    }
}
