package io.platform.redis.daytwo;

import io.platform.redis.chatdesign.ChatCluster;
import io.platform.redis.chatdesign.ChatVariables;
import io.platform.redis.config.StackFile;
import io.platform.redis.config.Workload;
import io.platform.redis.module.DayTwoTransitions;
import io.platform.redis.module.ModuleInputs;
import io.platform.redis.module.OnRunningCluster;
import io.platform.redis.module.RedisVariables;
import io.platform.redis.module.RunningChange;
import io.platform.redis.module.Variable;
import io.platform.redis.module.VariableValues;
import io.platform.redis.stacks.EnvironmentStack;
import io.platform.redis.files.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What an edit of a stack file does to the clusters it deploys, before anything is written: the stack's module calls
 * as the stack file now asks for them, against the module calls of the stack as last synthesized
 * ({@code cdktf.out/stacks/<stack>/cdk.tf.json}, what the operator last planned and applied), each changed input
 * classified by the change-safety catalog ({@link RunningChange}).
 *
 * <p>The last synthesized stack, not the last commit: it is what a plan compares with, it exists without git, and an
 * edit refused here leaves it as it was, so the refusal stands until the stack file says otherwise.
 */
public final class RunningClusterChanges {
    private RunningClusterChanges() {
    }

    /**
     * One change of one cluster.
     *
     * @param key       the stack-file key whose change it is (the module input, or region, or enable_redis_split)
     * @param protectedCluster whether the cluster is protected (prod, or prevent_destroy) before or after the edit
     */
    public record Change(StackFile stack, String module, String cluster, String key, String description, OnRunningCluster effect,
                         String note, boolean protectedCluster) {

        /**
         * A replacement of a protected cluster that the stack file does not name in allow_replacement, or a transition
         * ElastiCache accepts only in steps (the module refuses it at plan too).
         */
        public boolean refused() {
            return effect == OnRunningCluster.REFUSED
                    || effect == OnRunningCluster.REPLACES && protectedCluster && !stack.allowReplacement().contains(key);
        }

        public String line() {
            return stack.source() + ": module." + module + " (" + cluster + "): " + key + " " + description + ": " + effect.label()
                    + (note.isEmpty() ? "" : " (" + note + ")");
        }
    }

    /** The changes of one stack's clusters; empty when the stack was never synthesized into {@code cdktfOut}. */
    @SuppressWarnings("unchecked")
    public static List<Change> of(StackFile stack, Path cdktfOut) {
        Path previous = cdktfOut.resolve("stacks").resolve(stack.stack()).resolve("cdk.tf.json");
        if (!Files.isRegularFile(previous)) {
            return List.of();
        }
        Map<String, Object> json = Json.read(previous);
        Map<String, Map<String, Object>> before = new LinkedHashMap<>();
        ((Map<String, Object>) json.getOrDefault("module", Map.of())).forEach((name, body) -> before.put(name, values((Map<String, Object>) body)));
        Map<String, Map<String, Object>> after = moduleCalls(stack);
        List<Change> changes = new ArrayList<>();
        String oldRegion = region(json);
        Set<String> modules = new LinkedHashSet<>(before.keySet());
        modules.addAll(after.keySet());
        for (String module : modules) {
            Map<String, Object> was = before.get(module);
            Map<String, Object> is = after.get(module);
            Map<String, Object> known = was != null ? was : is;
            String cluster = String.valueOf(known.get(RedisVariables.NAME.name()));
            boolean protectedCluster = isProtected(was) || isProtected(is);
            if (is == null) {
                changes.add(new Change(stack, module, cluster, ChatVariables.ENABLE_REDIS_SPLIT.name(), "(the call is removed)", OnRunningCluster.REPLACES,
                        "the cluster is destroyed", protectedCluster));
                continue;
            }
            if (was == null) {
                changes.add(new Change(stack, module, cluster, ChatVariables.ENABLE_REDIS_SPLIT.name(), "(a new call)", OnRunningCluster.IN_PLACE,
                        "a new, empty cluster is created", protectedCluster));
                continue;
            }
            if (oldRegion != null && !oldRegion.equals(stack.region())) {
                changes.add(new Change(stack, module, cluster, "region", shown(oldRegion) + " -> " + shown(stack.region()),
                        OnRunningCluster.REPLACES, "a cluster lives in one region: a new one is created there", protectedCluster));
            }
            int firstOfModule = changes.size();
            Set<String> names = new LinkedHashSet<>(was.keySet());
            names.addAll(is.keySet());
            for (String name : names) {
                Object from = was.get(name);
                Object to = is.get(name);
                if (Objects.equals(from, to) || isReference(from) || isReference(to)) {
                    continue;
                }
                Variable variable = VariableValues.find(RedisVariables.ALL, name).orElse(null);
                if (variable == null) {
                    continue;
                }
                Object fromValue = from != null ? from : variable.defaultValue();
                Object toValue = to != null ? to : variable.defaultValue();
                if (Objects.equals(fromValue, toValue)) {
                    continue; // written out or left to the default: the same value
                }
                RunningChange documented = RunningChange.of(variable, fromValue, toValue);
                String description = variable.sensitive() ? "(sensitive value changed)" : shown(fromValue) + " -> " + shown(toValue);
                changes.add(new Change(stack, module, cluster, stackFileKey(stack, module, name), description, documented.expected(),
                        documented.note(), protectedCluster));
            }
            boolean replaced = changes.subList(firstOfModule, changes.size()).stream().anyMatch(c -> c.effect() == OnRunningCluster.REPLACES);
            if (!replaced && !hasReference(was) && !hasReference(is)) {
                for (DayTwoTransitions.Transition transition : DayTwoTransitions.refused(ModuleInputs.of(was), ModuleInputs.of(is))) {
                    changes.add(new Change(stack, module, cluster, transition.name(), "", OnRunningCluster.REFUSED,
                            transition.message(), protectedCluster));
                }
            }
        }
        return changes;
    }

    /** The module calls the stack file asks for, by call name, as Terraform JSON values. */
    private static Map<String, Map<String, Object>> moduleCalls(StackFile stack) {
        Map<String, Map<String, Object>> calls = new LinkedHashMap<>();
        stack.workload().moduleCalls(EnvironmentStack.REDIS_ID).forEach((call, inputs) -> calls.put(call, normalized(inputs)));
        return calls;
    }

    /** The chat key a module input of a chat stack comes from; the input's own name in a Django stack. */
    private static String stackFileKey(StackFile stack, String module, String input) {
        if (stack.workload() instanceof Workload.ChatRedis chat) {
            for (ChatCluster cluster : ChatCluster.of(chat.settings())) {
                if (cluster.moduleId(EnvironmentStack.REDIS_ID).equals(module)) {
                    String option = cluster.option(input);
                    return option != null ? option : input;
                }
            }
        }
        return input;
    }

    private static Map<String, Object> values(Map<String, Object> call) {
        Map<String, Object> values = new LinkedHashMap<>(call);
        values.keySet().removeIf(key -> key.equals("source") || key.startsWith("//"));
        return values;
    }

    /** The same values as they read back from Terraform JSON (numbers, lists and maps alike). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> normalized(Map<String, Object> values) {
        return (Map<String, Object>) Json.parse(Json.render(Map.of("v", values))).get("v");
    }

    private static boolean isProtected(Map<String, Object> values) {
        if (values == null) {
            return false;
        }
        Object preventDestroy = values.get(RedisVariables.PREVENT_DESTROY.name());
        return preventDestroy instanceof Boolean b ? b : "prod".equals(values.get(RedisVariables.ENVIRONMENT.name()));
    }

    private static boolean hasReference(Map<String, Object> values) {
        return values.values().stream().anyMatch(RunningClusterChanges::isReference);
    }

    private static boolean isReference(Object value) {
        return value instanceof String text && text.contains("${");
    }

    @SuppressWarnings("unchecked")
    private static String region(Map<String, Object> json) {
        if (json.get("provider") instanceof Map<?, ?> providers && providers.get("aws") instanceof List<?> aws && !aws.isEmpty()) {
            return (String) ((Map<String, Object>) aws.get(0)).get("region");
        }
        return null;
    }

    private static String shown(Object value) {
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }
}
