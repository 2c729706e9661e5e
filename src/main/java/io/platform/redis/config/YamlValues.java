package io.platform.redis.config;

import io.platform.redis.module.VariableType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Turns SnakeYAML nodes (which keep their line numbers) into the Java values a {@link VariableType} holds, and
 * describes a node for error messages. YAML's own typing is kept: {@code 300} is a number, {@code "300"} a string.
 */
final class YamlValues {
    private YamlValues() {
    }

    static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    /** The value of {@code node} as {@code type}, or empty when it is not of that type. */
    static Optional<Object> convert(Node node, VariableType type) {
        return switch (type) {
            case STRING -> scalar(node, Tag.STR).map(ScalarNode::getValue);
            case BOOL -> scalar(node, Tag.BOOL).map(s -> Boolean.parseBoolean(s.getValue().toLowerCase()));
            case NUMBER -> scalar(node, Tag.INT).flatMap(YamlValues::integer);
            case STRING_LIST -> {
                if (!(node instanceof SequenceNode sequence)) {
                    yield Optional.empty();
                }
                List<Object> items = new ArrayList<>();
                for (Node item : sequence.getValue()) {
                    Optional<Object> text = convert(item, VariableType.STRING);
                    if (text.isEmpty()) {
                        yield Optional.empty();
                    }
                    items.add(text.get());
                }
                yield Optional.of(List.copyOf(items));
            }
            case STRING_MAP -> {
                if (!(node instanceof MappingNode mapping)) {
                    yield Optional.empty();
                }
                Map<String, Object> entries = new LinkedHashMap<>();
                for (NodeTuple tuple : mapping.getValue()) {
                    Optional<Object> key = convert(tuple.getKeyNode(), VariableType.STRING);
                    Optional<Object> value = convert(tuple.getValueNode(), VariableType.STRING);
                    if (key.isEmpty() || value.isEmpty()) {
                        yield Optional.empty();
                    }
                    entries.put((String) key.get(), value.get());
                }
                yield Optional.of(java.util.Collections.unmodifiableMap(entries));
            }
        };
    }

    static boolean isNull(Node node) {
        return node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL);
    }

    /** What the operator wrote, for "got ..." in a message. */
    static String describe(Node node) {
        if (node instanceof ScalarNode scalar) {
            String kind = scalar.getTag().equals(Tag.STR) ? "string" : scalar.getTag().equals(Tag.INT) ? "number"
                    : scalar.getTag().equals(Tag.BOOL) ? "boolean" : scalar.getTag().equals(Tag.FLOAT) ? "decimal number"
                    : scalar.getTag().equals(Tag.NULL) ? "null" : "value";
            return kind + " " + (scalar.getTag().equals(Tag.STR) ? "\"" + scalar.getValue() + "\"" : scalar.getValue());
        }
        return node instanceof SequenceNode ? "a list" : "a map";
    }

    private static Optional<ScalarNode> scalar(Node node, Tag tag) {
        return node instanceof ScalarNode scalar && scalar.getTag().equals(tag) ? Optional.of(scalar) : Optional.empty();
    }

    private static Optional<Object> integer(ScalarNode node) {
        try {
            return Optional.of(Integer.valueOf(node.getValue().replace("_", "")));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
