package io.platform.redis.offline;

import io.platform.redis.files.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A cdktf app's output folder ({@code cdktf.out}): its stacks in the order their cross-stack references need, and
 * the references themselves satisfied offline. cdktf reads another stack's values from that stack's state
 * ({@code data "terraform_remote_state" "cross-stack-reference-input-<stack>"}), which does not exist before an
 * apply; here the producing stack is planned first and its planned outputs take the state's place: a known value as
 * it is, a value known only after its apply as a string unknown at plan (a {@code terraform_data} id).
 *
 * <p>What this does not model: an output unknown as a whole becomes an unknown string, whatever its type; a consumer
 * that needs it as a list or map would fail to plan here though it plans after the producer's apply.
 */
final class CrossStackReferences {
    static final String INPUT_PREFIX = "cross-stack-reference-input-";
    private static final String UNKNOWN = "${terraform_data.cross-stack-unknown.id}";

    private CrossStackReferences() {
    }

    /** True when {@code dir} is a cdktf output folder (a manifest with its stacks). */
    static boolean isCdktfOutput(Path dir) {
        return Files.isRegularFile(dir.resolve("manifest.json")) && Files.isDirectory(dir.resolve("stacks"));
    }

    /** The app's stacks, producers before the stacks that read them, otherwise in the manifest's order. */
    @SuppressWarnings("unchecked")
    static List<String> stacksInOrder(Path cdktfOut) {
        Map<String, Object> stacks = (Map<String, Object>) Json.read(cdktfOut.resolve("manifest.json")).get("stacks");
        List<String> ordered = new ArrayList<>();
        while (ordered.size() < stacks.size()) {
            int before = ordered.size();
            stacks.forEach((name, stack) -> {
                List<String> needs = (List<String>) ((Map<String, Object>) stack).getOrDefault("dependencies", List.of());
                if (!ordered.contains(name) && ordered.containsAll(needs)) {
                    ordered.add(name);
                }
            });
            if (ordered.size() == before) {
                throw new IllegalArgumentException(cdktfOut.resolve("manifest.json") + ": stacks that depend on each other: "
                        + stacks.keySet().stream().filter(s -> !ordered.contains(s)).toList());
            }
        }
        return ordered;
    }

    /** The stacks whose state {@code config} reads. */
    @SuppressWarnings("unchecked")
    static List<String> producers(Map<String, Object> config) {
        Map<String, Object> data = (Map<String, Object>) config.getOrDefault("data", Map.of());
        Map<String, Object> states = (Map<String, Object>) data.getOrDefault("terraform_remote_state", Map.of());
        return states.keySet().stream().filter(name -> name.startsWith(INPUT_PREFIX)).map(name -> name.substring(INPUT_PREFIX.length())).toList();
    }

    /**
     * {@code config} reading {@code planned} (each producer's planned outputs, null for a value unknown until its
     * apply) instead of the producers' states: each remote state becomes a local of the same name.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> satisfied(Map<String, Object> config, Map<String, Map<String, Object>> planned) {
        Map<String, Object> data = (Map<String, Object>) config.get("data");
        Map<String, Object> states = (Map<String, Object>) data.get("terraform_remote_state");
        Map<String, Object> locals = (Map<String, Object>) config.computeIfAbsent("locals", k -> new LinkedHashMap<>());
        for (String producer : producers(config)) {
            Map<String, Object> outputs = new LinkedHashMap<>();
            planned.getOrDefault(producer, Map.of()).forEach((name, value) -> outputs.put(name, value == null ? UNKNOWN : value));
            locals.put(INPUT_PREFIX + producer, outputs);
            states.remove(INPUT_PREFIX + producer);
        }
        if (states.isEmpty()) {
            data.remove("terraform_remote_state");
        }
        if (data.isEmpty()) {
            config.remove("data");
        }
        Map<String, Object> resources = (Map<String, Object>) config.computeIfAbsent("resource", k -> new LinkedHashMap<>());
        ((Map<String, Object>) resources.computeIfAbsent("terraform_data", k -> new LinkedHashMap<>())).put("cross-stack-unknown", Map.of());
        String text = Json.render(config).replace("data.terraform_remote_state." + INPUT_PREFIX, "local." + INPUT_PREFIX);
        // "local.X.outputs.Y": the state's outputs attribute is the local itself
        return Json.parse(text.replaceAll("(local\\." + INPUT_PREFIX + "[\\w-]+)\\.outputs\\.", "$1."));
    }

    /**
     * A plan's outputs ({@code terraform show -json}): each known value, or null for one unknown until apply. A value
     * known in part keeps its known parts; its unknown parts become unknown strings.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> plannedOutputs(Map<String, Object> plan) {
        Map<String, Object> outputs = new LinkedHashMap<>();
        Map<String, Object> changes = (Map<String, Object>) plan.getOrDefault("output_changes", Map.of());
        changes.forEach((name, change) -> {
            Map<String, Object> c = (Map<String, Object>) change;
            outputs.put(name, known(c.get("after"), c.get("after_unknown")));
        });
        return outputs;
    }

    private static Object known(Object after, Object unknown) {
        if (Boolean.TRUE.equals(unknown)) {
            return null;
        }
        if (after instanceof List<?> list && unknown instanceof List<?> flags) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                Object value = known(list.get(i), i < flags.size() ? flags.get(i) : false);
                out.add(value == null ? UNKNOWN : value);
            }
            return out;
        }
        if (after instanceof Map<?, ?> map && unknown instanceof Map<?, ?> flags) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((key, item) -> {
                Object value = known(item, flags.get(key));
                out.put(String.valueOf(key), value == null ? UNKNOWN : value);
            });
            return out;
        }
        return after;
    }
}
