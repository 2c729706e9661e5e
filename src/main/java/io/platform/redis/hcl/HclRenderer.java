package io.platform.redis.hcl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Terraform JSON in, canonical HCL out: the form {@code terraform fmt} leaves unchanged (two-space indents, the
 * {@code =} of consecutive attributes aligned, one blank line between blocks). Expressions keep their exact text
 * ({@link Expressions}); which keys are blocks comes from {@link BlockTypes}. Anything it does not know how to render
 * (provisioners, an unknown list of objects, a top-level key other than Terraform's) is an
 * {@link HclRenderException} naming where, never a silent guess.
 */
public final class HclRenderer {
    private static final List<String> META_FIRST = List.of("count", "for_each", "provider");
    /** The order hand-written modules use inside Terraform's own blocks; other keys keep their order after these. */
    private static final Map<String, List<String>> KEY_ORDER = Map.of(
            "variable", List.of("description", "type", "default", "nullable", "sensitive"),
            "output", List.of("description", "value", "sensitive"),
            "validation", List.of("condition", "error_message"),
            "precondition", List.of("condition", "error_message"),
            "postcondition", List.of("condition", "error_message"));
    private static final Set<String> TOP_LEVEL = Set.of("terraform", "variable", "locals", "resource", "data", "output", "module", "provider", "moved");

    private final Map<String, String> comments;

    /**
     * @param comments a comment per block address ("resource.aws_x.name", "variable.name", "locals"), written above it;
     *                 the reason for a choice the configuration alone cannot show
     */
    public HclRenderer(Map<String, String> comments) {
        this.comments = comments;
    }

    /** One file's worth of Terraform JSON (any of the top-level keys) as HCL text. */
    @SuppressWarnings("unchecked")
    public String render(Map<String, Object> json) {
        List<Item> items = new ArrayList<>();
        for (var entry : json.entrySet()) {
            String key = entry.getKey();
            if (!TOP_LEVEL.contains(key)) {
                throw new HclRenderException(key, "not a Terraform top-level block");
            }
            if (key.equals("moved")) {
                for (Object move : (List<Object>) entry.getValue()) {
                    Map<String, Object> addresses = (Map<String, Object>) move;
                    items.add(block("moved", List.of(), List.of(attribute("from", references("moved.from", addresses.get("from"))),
                            attribute("to", references("moved.to", addresses.get("to")))), "moved"));
                }
                continue;
            }
            Map<String, Object> value = (Map<String, Object>) entry.getValue();
            switch (key) {
                case "terraform" -> items.add(block("terraform", List.of(), body("terraform", "terraform", value), "terraform"));
                case "locals" -> items.add(block("locals", List.of(), attributesOnly("locals", value), "locals"));
                case "variable", "output", "module", "provider" -> value.forEach((name, body) ->
                        items.add(block(key, List.of(name), body(key, key + "." + name, (Map<String, Object>) body), key + "." + name)));
                case "resource", "data" -> value.forEach((type, named) -> ((Map<String, Object>) named).forEach((name, body) ->
                        items.add(block(key, List.of(type, name), resourceBody(type, key + "." + type + "." + name,
                                (Map<String, Object>) body), key + "." + type + "." + name))));
                default -> throw new IllegalStateException(key);
            }
        }
        StringBuilder out = new StringBuilder();
        write(items, 0, out);
        return out.toString();
    }

    /** An attribute line or a block; a block carries its own items. */
    private record Item(String name, String value, List<String> labels, List<Item> body, String comment) {
        boolean isBlock() {
            return body != null;
        }
    }

    private Item block(String type, List<String> labels, List<Item> body, String address) {
        return new Item(type, null, labels, body, comments.get(address));
    }

    private static Item attribute(String name, String value) {
        return new Item(name, value, null, null, null);
    }

    private static List<Item> attributesOnly(String path, Map<String, Object> values) {
        List<Item> items = new ArrayList<>();
        values.forEach((name, value) -> items.add(attribute(Expressions.key(name), Expressions.expression(value, path + "." + name))));
        return items;
    }

    /** The body of a Terraform language block (terraform, variable, output, module, provider, lifecycle, ...). */
    @SuppressWarnings("unchecked")
    private List<Item> body(String blockType, String path, Map<String, Object> unordered) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String key : KEY_ORDER.getOrDefault(blockType, List.of())) {
            if (unordered.containsKey(key)) {
                values.put(key, unordered.get(key));
            }
        }
        unordered.forEach(values::putIfAbsent);
        List<Item> attributes = new ArrayList<>();
        List<Item> blocks = new ArrayList<>();
        for (var entry : values.entrySet()) {
            String key = entry.getKey();
            Object value = entry.getValue();
            String at = path + "." + key;
            if (blockType.equals("terraform") && BlockTypes.LABELED_LANGUAGE_BLOCKS.contains(key)) {
                ((Map<String, Object>) value).forEach((label, inner) ->
                        blocks.add(block(key, List.of(label), body(key, at + "." + label, (Map<String, Object>) inner), at)));
            } else if (BlockTypes.isLanguageBlock(blockType, key)) {
                for (Map<String, Object> each : blockList(at, value)) {
                    blocks.add(block(key, List.of(), key.equals("required_providers") ? attributesOnly(at, each) : body(key, at, each), at));
                }
            } else if (blockType.equals("variable") && key.equals("type")) {
                attributes.add(attribute(key, typeExpression(at, value)));
            } else if (blockType.equals("variable") && key.equals("default")) {
                attributes.add(attribute(key, Expressions.literal(value, at)));
            } else if (key.equals("depends_on")) {
                attributes.add(attribute(key, references(at, value)));
            } else {
                attributes.add(attribute(Expressions.key(key), Expressions.expression(value, at)));
            }
        }
        attributes.addAll(blocks);
        return attributes;
    }

    /** A resource or data source body: meta-arguments, then attributes, then nested blocks, lifecycle last. */
    @SuppressWarnings("unchecked")
    private List<Item> resourceBody(String type, String path, Map<String, Object> values) {
        List<Item> meta = new ArrayList<>();
        List<Item> attributes = new ArrayList<>();
        List<Item> blocks = new ArrayList<>();
        List<Item> lifecycle = new ArrayList<>();
        for (String key : META_FIRST) {
            if (values.containsKey(key)) {
                meta.add(attribute(key, key.equals("provider") ? references(path + "." + key, values.get(key))
                        : Expressions.expression(values.get(key), path + "." + key)));
            }
        }
        for (var entry : values.entrySet()) {
            String key = entry.getKey();
            String at = path + "." + key;
            if (META_FIRST.contains(key)) {
                continue;
            }
            switch (key) {
                case "lifecycle" -> lifecycle.add(block(key, List.of(), lifecycleBody(at, (Map<String, Object>) entry.getValue()), at));
                case "dynamic" -> ((Map<String, Object>) entry.getValue()).forEach((label, body) ->
                        blocks.add(block("dynamic", List.of(label), dynamicBody(type, at + "." + label, (Map<String, Object>) body), at)));
                case "depends_on" -> attributes.add(attribute(key, references(at, entry.getValue())));
                case "provisioner", "connection" -> throw new HclRenderException(at, "provisioners are not supported");
                default -> {
                    if (BlockTypes.isSchemaBlock(type, key)) {
                        for (Map<String, Object> each : blockList(at, entry.getValue())) {
                            blocks.add(block(key, List.of(), resourceBody(type, at, each), at));
                        }
                    } else if (entry.getValue() instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(e -> e instanceof Map)) {
                        throw new HclRenderException(at, "a list of objects under a key BlockTypes does not know: block or attribute?");
                    } else {
                        attributes.add(attribute(Expressions.key(key), Expressions.expression(entry.getValue(), at)));
                    }
                }
            }
        }
        List<Item> body = new ArrayList<>(meta);
        if (!meta.isEmpty() && !attributes.isEmpty()) {
            body.add(null); // a blank line after the meta-arguments, as hand-written modules have it
        }
        body.addAll(attributes);
        body.addAll(blocks);
        body.addAll(lifecycle);
        return body;
    }

    private List<Item> lifecycleBody(String path, Map<String, Object> values) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        List<Item> items = new ArrayList<>();
        for (String key : List.of("ignore_changes", "replace_triggered_by")) {
            Object value = copy.remove(key);
            if (value != null) {
                items.add(attribute(key, value instanceof String s && s.equals("all") ? "all" : references(path + "." + key, value)));
            }
        }
        List<Item> rest = body("lifecycle", path, copy);
        rest.addAll(0, items);
        return rest;
    }

    @SuppressWarnings("unchecked")
    private List<Item> dynamicBody(String type, String path, Map<String, Object> values) {
        List<Item> items = new ArrayList<>();
        for (var entry : values.entrySet()) {
            String at = path + "." + entry.getKey();
            switch (entry.getKey()) {
                case "for_each", "labels" -> items.add(attribute(entry.getKey(), Expressions.expression(entry.getValue(), at)));
                case "iterator" -> items.add(attribute("iterator", references(at, entry.getValue())));
                case "content" -> items.add(block("content", List.of(), resourceBody(type, at, (Map<String, Object>) entry.getValue()), at));
                default -> throw new HclRenderException(at, "not an argument of a dynamic block");
            }
        }
        return items;
    }

    /** A block's value in Terraform JSON: one object, or a list of objects for repeated blocks. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> blockList(String path, Object value) {
        if (value instanceof Map<?, ?> single) {
            return List.of((Map<String, Object>) single);
        }
        if (value instanceof List<?> list && list.stream().allMatch(e -> e instanceof Map)) {
            return (List<Map<String, Object>>) value;
        }
        throw new HclRenderException(path, "a block must be an object or a list of objects");
    }

    /** A variable type: Terraform JSON writes the type expression as a plain string. */
    private static String typeExpression(String path, Object value) {
        if (!(value instanceof String type) || type.contains("${")) {
            throw new HclRenderException(path, "a variable type must be a type expression string");
        }
        return type;
    }

    /** References (depends_on, provider, ignore_changes): plain strings in Terraform JSON, bare in HCL. */
    private static String references(String path, Object value) {
        if (value instanceof String reference) {
            return unwrap(reference);
        }
        if (value instanceof List<?> list) {
            return "[" + String.join(", ", list.stream().map(r -> unwrap(String.valueOf(r))).toList()) + "]";
        }
        throw new HclRenderException(path, "references must be strings");
    }

    private static String unwrap(String reference) {
        return reference.startsWith("${") && reference.endsWith("}") ? reference.substring(2, reference.length() - 1) : reference;
    }

    /** Writes items at an indent: aligned attribute runs, a blank line around every block. */
    private static void write(List<Item> items, int indent, StringBuilder out) {
        String pad = "  ".repeat(indent);
        boolean previousWasBlock = false;
        boolean first = true;
        int i = 0;
        while (i < items.size()) {
            Item item = items.get(i);
            if (item == null) {
                i++;
                if (!first) {
                    out.append('\n');
                }
                first = true; // the blank line is written; do not add another
                previousWasBlock = false;
                continue;
            }
            if (item.isBlock()) {
                if (!first || (previousWasBlock)) {
                    out.append('\n');
                }
                if (item.comment() != null) {
                    for (String line : item.comment().split("\n")) {
                        out.append(pad).append("# ").append(line).append('\n');
                    }
                }
                out.append(pad).append(item.name());
                for (String label : item.labels()) {
                    out.append(" \"").append(label).append('"');
                }
                if (item.body().isEmpty()) {
                    out.append(" {}\n");
                } else {
                    out.append(" {\n");
                    write(item.body(), indent + 1, out);
                    out.append(pad).append("}\n");
                }
                previousWasBlock = true;
                first = false;
                i++;
                continue;
            }
            if (previousWasBlock) {
                out.append('\n');
            }
            List<String[]> run = new ArrayList<>();
            while (i < items.size() && items.get(i) != null && !items.get(i).isBlock()) {
                run.add(new String[] {items.get(i).name(), items.get(i).value()});
                i++;
            }
            out.append(AlignedLines.of(run).indent(pad.length()));
            previousWasBlock = false;
            first = false;
        }
    }
}
