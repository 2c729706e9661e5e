package io.platform.redis.config;

import io.platform.redis.chat.ChatCluster;
import io.platform.redis.chat.ChatSettings;
import io.platform.redis.chat.ChatVariables;
import io.platform.redis.module.RedisVariables;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * The {@code chat:} section of a stack file: its own keys first, then the mode's required keys, then every module
 * rule on the clusters derived from it (reported with the cluster's role), so a chat file fails at synth exactly
 * where a module call would fail at plan.
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
        int before = problems.size();
        for (ChatCluster.OptionProblem problem : ChatCluster.modeProblems(chat)) {
            problems.add(new Problem(file, line, StackFileReader.CHAT + "." + problem.option(), problem.problem()));
        }
        if (problems.size() > before) {
            return null;
        }
        for (ChatCluster cluster : ChatCluster.of(chat)) {
            for (String broken : RedisVariables.violations(cluster.inputs())) {
                problems.add(new Problem(file, line, StackFileReader.CHAT, cluster.role() + " cluster: " + broken));
            }
        }
        return problems.size() > before ? null : new Workload.ChatRedis(chat);
    }
}
