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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a stack deploys: the Django cache/Celery Redis ({@code redis:}) or the chat app's Redis ({@code chat:}), as the
 * typed configuration a Java caller would build, checked once, by the same code.
 */
public sealed interface Workload {
    /**
     * The module calls its construct makes when its id is {@code id}: each call's name in Terraform, and the inputs it
     * is given (the chat design's AUTH token, added by the construct, aside).
     */
    Map<String, Map<String, Object>> moduleCalls(String id);

    /** What its constructs ask AWS for by name, as they claim it in their stack (AWS names are unique per region). */
    default List<String> awsNames() {
        // a call's AWS names come from its inputs, whatever the call is named
        return moduleCalls("").values().stream().flatMap(inputs -> StackLedger.awsNamesOfCall(inputs).stream()).toList();
    }

    /** The stack-file key the AWS names derive from, as problems name it. */
    String nameKey();

    /** One call of the module with this configuration. */
    record DjangoRedis(RedisModuleConfig config) implements Workload {
        /** The module inputs, with the catalog's defaults behind the values set. */
        public ModuleInputs inputs() {
            return ModuleInputs.ofCheckedValues(config.variables());
        }

        @Override
        public Map<String, Map<String, Object>> moduleCalls(String id) {
            return Map.of(id, config.variables());
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

        /** One call per cluster of the mode ({@link ChatCluster}). */
        @Override
        public Map<String, Map<String, Object>> moduleCalls(String id) {
            Map<String, Map<String, Object>> calls = new LinkedHashMap<>();
            ChatCluster.of(settings()).forEach(cluster -> calls.put(cluster.moduleId(id), cluster.module()));
            return calls;
        }

        /** The AUTH token's secret, then each cluster's names, as {@code io.platform.redis.chat.ChatRedis} claims them. */
        @Override
        public List<String> awsNames() {
            List<String> names = new ArrayList<>(List.of(AwsNames.secretClaim(AwsNames.chatAuthSecretName(settings().string(ChatVariables.BASE_NAME)))));
            names.addAll(Workload.super.awsNames());
            return names;
        }

        @Override
        public String nameKey() {
            return StackFileReader.CHAT + "." + ChatVariables.BASE_NAME.name();
        }
    }
}
