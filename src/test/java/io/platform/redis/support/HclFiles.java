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
    public static Map<String, Object> parse(Path dir) {
        return parseAll(List.of(dir)).get(dir);
    }

    /** Each file's parse, as JSON text, by the file's content: the stacks' module copies and the module parse once. */
    private static final Map<String, String> PARSED_BY_CONTENT = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * {@link #parse} for several folders, with one run of the parser for every file whose content has not been parsed
     * before in this JVM (a run starts node and the parser's WebAssembly: seconds each).
     */
    @SuppressWarnings("unchecked")
    public static Map<Path, Map<String, Object>> parseAll(List<Path> dirs) {
        Map<Path, List<String>> contentsByDir = new LinkedHashMap<>();
        Map<String, String> unparsed = new LinkedHashMap<>(); // content -> one file holding it
        for (Path dir : dirs) {
            List<String> contents = new ArrayList<>();
            try (Stream<Path> list = Files.list(dir)) {
                for (Path file : list.filter(p -> p.getFileName().toString().endsWith(".tf")).sorted().toList()) {
                    String content = Files.readString(file);
                    contents.add(content);
                    if (!PARSED_BY_CONTENT.containsKey(content)) {
                        unparsed.putIfAbsent(content, file.toString());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            contentsByDir.put(dir, contents);
        }
        if (!unparsed.isEmpty()) {
            Map<String, Object> parsed = Json.parse(run(List.copyOf(unparsed.values())));
            unparsed.forEach((content, file) -> PARSED_BY_CONTENT.put(content, Json.render(parsed.get(file))));
        }
        Map<Path, Map<String, Object>> result = new LinkedHashMap<>();
        contentsByDir.forEach((dir, contents) -> {
            Map<String, Object> merged = new LinkedHashMap<>();
            for (String content : contents) {
                mergeInto(merged, (Map<String, Object>) Json.parse(PARSED_BY_CONTENT.get(content)));
            }
            result.put(dir, merged);
        });
        return result;
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
