package io.platform.redis.config;

import io.platform.redis.RedisModuleConfig;
import io.platform.redis.chat.ChatRedisConfig;
import io.platform.redis.chatdesign.ChatSettings;
import io.platform.redis.chatdesign.ChatCluster;
import io.platform.redis.chatdesign.ChatVariables;
import io.platform.redis.construct.StackLedger;
import io.platform.redis.module.AwsNames;
import io.platform.redis.module.ModuleInputs;
import io.platform.redis.module.RedisVariables;
import java.util.ArrayList;
import java.util.List;

/**
 * What a stack deploys: the Django cache/Celery Redis ({@code redis:}) or the chat app's Redis ({@code chat:}), as the
 * typed configuration a Java caller would build, checked once, by the same code.
 */
public sealed interface Workload {
    /** What its constructs ask AWS for by name, as they claim it in their stack (AWS names are unique per region). */
    List<String> awsNames();

    /** The stack-file key the AWS names derive from, as problems name it. */
    String nameKey();

    /** One call of the module with this configuration. */
    record DjangoRedis(RedisModuleConfig config) implements Workload {
        /** The module inputs, with the catalog's defaults behind the values set. */
        public ModuleInputs inputs() {
            return ModuleInputs.ofCheckedValues(config.variables());
        }

        @Override
        public List<String> awsNames() {
            return StackLedger.awsNamesOfCall(config.variables());
        }

        @Override
        public String nameKey() {
            return StackFileReader.REDIS + "." + RedisVariables.NAME.name();
        }
    }

    /** The chat design: single or split clusters, AUTH token in Secrets Manager. */
    record ChatRedis(ChatRedisConfig config) implements Workload {
        /** The chat options, with the design's defaults behind the values set. */
        public ChatSettings settings() {
            return ChatSettings.ofCheckedValues(config.variables());
        }

        /** The AUTH token's secret, then each cluster's names, as {@code io.platform.redis.chat.ChatRedis} claims them. */
        @Override
        public List<String> awsNames() {
            List<String> names = new ArrayList<>(List.of(AwsNames.secretClaim(AwsNames.chatAuthSecretName(settings().string(ChatVariables.BASE_NAME)))));
            for (ChatCluster cluster : ChatCluster.of(settings())) {
                names.addAll(StackLedger.awsNamesOfCall(cluster.module()));
            }
            return names;
        }

        @Override
        public String nameKey() {
            return StackFileReader.CHAT + "." + ChatVariables.BASE_NAME.name();
        }
    }
}
