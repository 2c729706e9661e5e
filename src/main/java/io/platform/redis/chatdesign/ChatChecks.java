package io.platform.redis.chatdesign;

import static io.platform.redis.chatdesign.ChatVariables.*;

import io.platform.redis.checks.ConfigChecks;
import io.platform.redis.module.CrossRule;
import io.platform.redis.module.RedisVariables;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every rule of the chat options in one place, for the typed API ({@code ChatRedisConfig.build()}) and the stack
 * files alike: each option's own rules, the keys the mode needs, and the module's rules on the clusters the options
 * make. A problem is named by the chat options that cause it, never by a module variable the user did not set.
 */
public final class ChatChecks {
    private ChatChecks() {
    }

    /** A problem of the chat options: the options involved (by Terraform name) and what is wrong. */
    public record OptionProblem(List<String> options, String problem) {
    }

    /** The values of a {@code ChatRedisConfig}, checked: each option's rules, the mode, the clusters' module rules. */
    public static ConfigChecks.Checked settings(Map<String, Object> values) {
        ConfigChecks.Checked checked = ConfigChecks.check(ChatVariables.ALL, List.of(), values);
        ChatSettings settings = ChatSettings.ofCheckedValues(checked.values());
        List<ConfigChecks.Problem> problems = new ArrayList<>(checked.problems());
        Set<String> unusable = new LinkedHashSet<>(checked.tokens());
        unusable.addAll(checked.broken());
        for (OptionProblem problem : problems(settings, unusable)) {
            problems.add(new ConfigChecks.Problem(problem.options(), problem.problem()));
        }
        return new ConfigChecks.Checked(checked.values(), problems, checked.broken(), checked.tokens());
    }

    /**
     * The mode's problems (keys it needs, options that do not fit it), then the module rules of the derived clusters
     * that read only options in good order: none in {@code unusable} (broken, or tokens known only at plan).
     */
    public static List<OptionProblem> problems(ChatSettings chat, Set<String> unusable) {
        List<OptionProblem> problems = new ArrayList<>(ChatCluster.modeProblems(chat));
        if (!problems.isEmpty()) {
            return problems;
        }
        for (ChatCluster cluster : ChatCluster.of(chat)) {
            for (CrossRule rule : RedisVariables.preconditions()) {
                List<String> options = new ArrayList<>(new LinkedHashSet<>(rule.reads().stream()
                        .map(cluster::option).filter(option -> option != null).toList()));
                boolean known = options.stream().noneMatch(unusable::contains)
                        && rule.reads().stream().noneMatch(variable -> ConfigChecks.isToken(cluster.module().get(variable)));
                if (known && !rule.check().test(cluster.inputs())) {
                    problems.add(new OptionProblem(options.isEmpty() ? List.of(BASE_NAME.name()) : options,
                            cluster.role() + " cluster: " + rule.message(cluster.inputs())));
                }
            }
        }
        return problems;
    }
}
