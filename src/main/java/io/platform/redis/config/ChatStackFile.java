package io.platform.redis.config;

import io.platform.redis.chat.ChatChecks;
import io.platform.redis.chat.ChatSettings;
import io.platform.redis.chat.ChatVariables;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
        Map<String, Object> values = StackFileReader.section(file, entry, StackFileReader.CHAT, ChatVariables.ALL, problems);
        if (values == null) {
            return null;
        }
        ChatSettings chat = ChatSettings.of(values);
        int line = YamlValues.line(entry.getKeyNode());
        List<ChatChecks.OptionProblem> found = ChatChecks.problems(chat, Set.of());
        for (ChatChecks.OptionProblem problem : found) {
            String keys = String.join(", ", problem.options().stream().map(option -> StackFileReader.CHAT + "." + option).toList());
            problems.add(new Problem(file, line, keys, problem.problem()));
        }
        return found.isEmpty() ? new Workload.ChatRedis(chat) : null;
    }
}
