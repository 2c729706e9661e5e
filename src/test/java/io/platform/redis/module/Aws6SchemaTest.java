package io.platform.redis.module;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.platform.redis.support.Synthesized;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The module and the chat stacks against the hashicorp/aws 6.x schema. The 6.x provider binary is not installable here,
 * but the cdktf bindings generated from it (npm {@code @cdktf/provider-aws} 21.x, fetched by
 * {@code build/fetch-provider-aws-6.sh}) carry its schema in their jsii assembly: one config type per resource and data
 * source, one property per argument or block, optional or not. Every argument and block the configurations write must
 * exist there, and every required one must be set.
 *
 * <p>What it cannot check: the assembly marks nothing deprecated. Deprecations are those of the last 5.x provider,
 * which {@code terraform validate} reports (TerraformOfflineTest refuses its warnings); 6.0 removed what 5.x deprecated.
 */
class Aws6SchemaTest {
    private static final Path ASSEMBLIES = Path.of("target", "provider-aws-6");
    private static final String PREFIX = "@cdktf/provider-aws.";
    /** Terraform's meta-arguments: no provider schema has them. */
    private static final Set<String> META = Set.of("count", "for_each", "depends_on", "lifecycle", "provider", "provisioner",
            "connection", "//");

    private final Synthesized synthesized = Synthesized.get();

    /** A resource or data source block of a generated configuration. */
    private record Block(String where, String section, String type, String name, Map<String, Object> body) {
        String address() {
            return (section.equals("data") ? "data." : "") + type + "." + name;
        }

        /** aws_elasticache_replication_group -> elasticacheReplicationGroup; data aws_region -> dataAwsRegion. */
        String namespace() {
            String camel = camel(type.substring("aws_".length()));
            return section.equals("data") ? "dataAws" + Character.toUpperCase(camel.charAt(0)) + camel.substring(1) : camel;
        }

        String configFqn() {
            String namespace = namespace();
            return PREFIX + namespace + "." + Character.toUpperCase(namespace.charAt(0)) + namespace.substring(1) + "Config";
        }
    }

    /** The blocks the module and the chat stacks write. */
    private List<Block> configurations() {
        List<Block> blocks = new ArrayList<>();
        collect("modules/redis", synthesized.moduleConfig, blocks);
        for (String stack : List.of("chat-dev", "chat-prod")) {
            collect("stack " + stack, synthesized.stackJson(stack), blocks);
        }
        return blocks;
    }

    private static Assembly assembly;

    /** The types of those blocks' namespaces, read once for both tests: the assembly is 130 MB. */
    private synchronized Assembly assembly(List<Block> blocks) throws IOException {
        if (assembly == null) {
            Set<String> namespaces = new TreeSet<>();
            blocks.forEach(block -> namespaces.add(PREFIX + block.namespace() + "."));
            assembly = Assembly.read(namespaces);
        }
        return assembly;
    }

    @Test
    void everyArgumentAndBlockTheConfigurationsWriteExistsInTheSixMajorSchema() throws IOException {
        List<Block> blocks = configurations();
        Set<String> namespaces = new TreeSet<>();
        blocks.forEach(block -> namespaces.add(PREFIX + block.namespace() + "."));
        Assembly assembly = assembly(blocks);
        List<String> problems = new ArrayList<>();
        for (Block block : blocks) {
            check(assembly, block.where() + ": " + block.address(), block.configFqn(), block.body(), problems);
        }
        System.out.println("[aws 6.x schema] " + blocks.size() + " resources and data sources of " + namespaces.size()
                + " types checked against @cdktf/provider-aws " + assembly.version() + " (hashicorp/aws "
                + assembly.providerVersion() + "): " + (problems.isEmpty() ? "every argument and block exists, every required one is set"
                : problems.size() + " problems"));
        assertTrue(blocks.size() >= 15, "the check must see the module's resources: " + blocks.size());
        assertTrue(assembly.providerVersion().startsWith("6."), "the assembly must be of hashicorp/aws 6.x: " + assembly.providerVersion());
        assertEquals(List.of(), problems, "the configurations against the hashicorp/aws " + assembly.providerVersion() + " schema");
    }

    /** The check itself can fail: an argument 6.x does not know, a block's unknown argument, a required one missing. */
    @Test
    void theCheckFindsAnUnknownArgumentAndAMissingRequiredOne() throws IOException {
        Map<String, Object> config = Map.of("resource", Map.of("aws_elasticache_replication_group", Map.of("broken", Map.of(
                "replication_group_id", "x",
                "number_cache_clusters", 2,
                "log_delivery_configuration", List.of(Map.of("destination", "d", "destination_type", "cloudwatch-logs",
                        "log_format", "json", "log_type", "slow-log", "colour", "blue"))))));
        List<Block> blocks = new ArrayList<>();
        collect("example", config, blocks);
        List<String> problems = new ArrayList<>();
        check(assembly(configurations()), "example", blocks.get(0).configFqn(), blocks.get(0).body(), problems);
        assertEquals(List.of(
                "example.log_delivery_configuration: argument colour is not in the schema",
                "example: argument number_cache_clusters is not in the schema",
                "example: required argument description is not set"), problems);
    }

    @SuppressWarnings("unchecked")
    private static void collect(String where, Map<String, Object> config, List<Block> blocks) {
        for (String section : List.of("resource", "data")) {
            Map<String, Object> byType = (Map<String, Object>) config.getOrDefault(section, Map.of());
            new TreeMap<>(byType).forEach((type, byName) -> new TreeMap<>((Map<String, Object>) byName).forEach((name, body) -> {
                if (type.startsWith("aws_")) {
                    blocks.add(new Block(where, section, type, name, (Map<String, Object>) body));
                }
            }));
        }
    }

    /** Checks one block's arguments against its type's properties, nested blocks (dynamic ones too) recursively. */
    @SuppressWarnings("unchecked")
    private static void check(Assembly assembly, String path, String fqn, Map<String, Object> body, List<String> problems) {
        JsonNode type = assembly.types().get(fqn);
        if (type == null) {
            problems.add(path + ": no type " + fqn + " in the schema");
            return;
        }
        Map<String, JsonNode> properties = new TreeMap<>();
        type.path("properties").forEach(property -> properties.put(property.get("name").asText(), property));
        Set<String> written = new TreeSet<>();
        Map<String, Object> arguments = new TreeMap<>();
        body.forEach((key, value) -> {
            if (key.equals("dynamic")) {
                ((Map<String, Object>) value).forEach((name, dynamic) ->
                        arguments.put(name, ((Map<String, Object>) dynamic).get("content")));
            } else if (!META.contains(key)) {
                arguments.put(key, value);
            }
        });
        arguments.forEach((key, value) -> {
            written.add(key);
            JsonNode property = properties.get(camel(key));
            if (property == null) {
                problems.add(path + ": argument " + key + " is not in the schema");
                return;
            }
            String nested = structFqn(property.get("type"));
            if (nested != null) {
                List<Object> items = value instanceof List<?> list ? (List<Object>) list : List.of(value);
                for (Object item : items) {
                    if (item instanceof Map<?, ?> map) {
                        check(assembly, path + "." + key, nested, (Map<String, Object>) map, problems);
                    }
                }
            }
        });
        properties.values().stream()
                .filter(property -> !property.path("optional").asBoolean(false))
                .map(property -> snake(property.get("name").asText()))
                .filter(name -> !written.contains(name))
                .forEach(name -> problems.add(path + ": required argument " + name + " is not set"));
    }

    /** The provider struct a property's type names, directly, in a collection or in a union; null for a primitive. */
    private static String structFqn(JsonNode type) {
        if (type == null) {
            return null;
        }
        if (type.has("fqn") && type.get("fqn").asText().startsWith(PREFIX)) {
            return type.get("fqn").asText();
        }
        for (JsonNode child : type) {
            String found = child.isContainerNode() ? structFqn(child) : null;
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** snake_case to camelCase, as cdktf names arguments and as the typed API names setters. */
    private static String camel(String snake) {
        return io.platform.redis.checks.ConfigChecks.javaName(snake);
    }

    private static String snake(String camel) {
        return camel.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
    }

    /** The types of the assembly that the check needs, read as a stream: the file is 130 MB. */
    private record Assembly(String version, String providerVersion, Map<String, JsonNode> types) {
        static Assembly read(Set<String> namespaces) throws IOException {
            Path file;
            try (Stream<Path> files = Files.list(ASSEMBLIES)) {
                file = files.filter(f -> f.toString().endsWith(".jsii")).findFirst()
                        .orElseThrow(() -> new IllegalStateException("no assembly under " + ASSEMBLIES + ": Maven's generate-test-resources runs build/fetch-provider-aws-6.sh"));
            }
            ObjectMapper mapper = new ObjectMapper();
            Map<String, JsonNode> types = new HashMap<>();
            String version = null;
            try (InputStream in = Files.newInputStream(file); JsonParser parser = mapper.getFactory().createParser(in)) {
                parser.nextToken();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    parser.nextToken();
                    if (field.equals("version")) {
                        version = parser.getText();
                    } else if (field.equals("types")) {
                        while (parser.nextToken() == JsonToken.FIELD_NAME) {
                            String fqn = parser.currentName();
                            parser.nextToken();
                            if (namespaces.stream().anyMatch(fqn::startsWith)) {
                                types.put(fqn, parser.readValueAsTree());
                            } else {
                                parser.skipChildren();
                            }
                        }
                    } else {
                        parser.skipChildren();
                    }
                }
            }
            Matcher provider = Pattern.compile("hashicorp/aws/([0-9.]+)/docs").matcher(types.values().stream()
                    .map(JsonNode::toString).filter(text -> text.contains("hashicorp/aws/")).findFirst().orElse(""));
            return new Assembly(version, provider.find() ? provider.group(1) : "unknown", types);
        }
    }
}
