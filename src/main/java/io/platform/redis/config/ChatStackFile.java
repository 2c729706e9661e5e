package io.platform.redis.config;

import io.platform.redis.InvalidConfigException;
import io.platform.redis.chat.ChatRedisConfig;
import io.platform.redis.chatdesign.ChatVariables;
import java.util.List;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * The {@code chat:} section of a stack file: its own keys first, then {@link ChatChecks} (the mode's required keys,
 * then every module rule on the clusters derived from it, named by the chat keys that cause it), so a chat file
 * fails at synth exactly where a module call would fail at plan.
 */
final class ChatStackFile {
    private ChatStackFile() {
    }

    static Workload read(String file, NodeTuple entry, List<Problem> problems) {
        StackFileReader.Section section = StackFileReader.section(file, entry, StackFileReader.CHAT, ChatVariables.ALL, problems);
        if (section == null) {
            return null;
        }
        try {
            ChatRedisConfig config = ChatRedisConfig.fromVariables(section.values());
            return section.complete() ? new Workload.ChatRedis(config) : null;
        } catch (InvalidConfigException e) {
            section.report(e, problems);
            return null;
        }
    }
}
