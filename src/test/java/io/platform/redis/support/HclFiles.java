package io.platform.redis.support;

import io.platform.redis.files.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The exported module read back from its HCL with HashiCorp's own parser (npm {@code @cdktf/hcl2json}, run by
 * {@code src/test/tools/hcl2json.js}), merged into one Terraform JSON document. hcl2json writes every block as a list
 * and every expression as {@code "${...}"}; {@link #canonical} brings that form and the Java's Terraform JSON to one
 * shape, so the two can be compared as data.
 */
public final class HclFiles {
    private HclFiles() {
    }

    /** Every {@code *.tf} file directly in {@code dir}, parsed and merged (blocks of the same kind side by side). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parse(Path dir) {
        List<String> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            list.filter(p -> p.getFileName().toString().endsWith(".tf")).sorted().forEach(p -> files.add(p.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> parsed = Json.parse(run(files));
        Map<String, Object> merged = new LinkedHashMap<>();
        for (String file : files) {
            mergeInto(merged, (Map<String, Object>) parsed.get(file));
        }
        return merged;
    }

    @SuppressWarnings("unchecked")
    private static void mergeInto(Map<String, Object> target, Map<String, Object> source) {
        source.forEach((key, value) -> {
            Object existing = target.get(key);
            if (existing instanceof Map<?, ?> map && value instanceof Map<?, ?>) {
                mergeInto((Map<String, Object>) map, (Map<String, Object>) value);
            } else if (existing instanceof List<?> list && value instanceof List<?> more) {
                List<Object> joined = new ArrayList<>(list);
                joined.addAll(more);
                target.put(key, joined);
            } else {
                target.put(key, value);
            }
        });
    }

    /**
     * One shape for both forms: a list holding exactly one object becomes that object (a block written once), the
     * locals blocks become one object, and a variable's type is an expression.
     */
    @SuppressWarnings("unchecked")
    private static final java.util.Set<String> BARE_IN_JSON = java.util.Set.of("type", "iterator", "from", "to", "replace_triggered_by", "depends_on", "ignore_changes");

    public static Object canonical(Object value, String key) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new java.util.TreeMap<>();
            map.forEach((k, v) -> out.put((String) k, canonical(v, (String) k)));
            return out;
        }
        if (value instanceof List<?> list) {
            if ("locals".equals(key) && list.stream().allMatch(e -> e instanceof Map)) {
                Map<String, Object> locals = new LinkedHashMap<>();
                list.forEach(e -> locals.putAll((Map<String, Object>) e));
                return canonical(locals, null);
            }
            if (list.size() == 1 && list.get(0) instanceof Map) {
                return canonical(list.get(0), key);
            }
            return list.stream().map(e -> canonical(e, e instanceof String ? key : null)).toList();
        }
        // Terraform JSON writes these as bare strings (types, iterators, addresses and references); hcl2json as the
        // expressions they are.
        if (BARE_IN_JSON.contains(key) && value instanceof String bare && !bare.startsWith("${")) {
            return "${" + bare + "}";
        }
        return value;
    }

    private static String run(List<String> files) {
        List<String> command = new ArrayList<>(List.of("node", Path.of("src/test/tools/hcl2json.js").toAbsolutePath().toString()));
        command.addAll(files);
        Processes.Result result = Processes.run(command, Map.of(), false, 60);
        if (result.exitCode() != 0) {
            throw new AssertionError("hcl2json failed on " + files + " (exit " + result.exitCode() + ")");
        }
        return result.output();
    }
}
