package io.platform.redis.support;

import io.platform.redis.files.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A root configuration holding only the ElastiCache resources of some module calls, with the arguments a real plan of
 * the module gave them: the plan's prior values become the state ({@link RecordedState}), its planned values the
 * configuration. Applied by the real AWS provider against {@link ElastiCacheRecorder}, it makes the calls the module's
 * apply would make for those resources, in the module's order (the dependencies between them are kept as
 * {@code depends_on}, the module's create-before-destroy lifecycles as theirs).
 *
 * <p>A planned value that is unknown until apply (the id of a security group created in the same apply, a generated
 * password) becomes a placeholder of its type; the rest of the module (security groups, logs, secrets, alarms) is not
 * here: those resources are not ElastiCache's.
 */
public final class WireRoot {
    public static final List<String> TYPES = List.of("aws_elasticache_parameter_group", "aws_elasticache_subnet_group",
            "aws_elasticache_user", "aws_elasticache_user_group", "aws_elasticache_replication_group");
    /** A placeholder token: 32 letters, a valid AUTH token. */
    static final String UNKNOWN_TOKEN = "WireUnknownValueWireUnknownValue";

    private WireRoot() {
    }

    /**
     * One ElastiCache object of a row, by its name in the wire root. {@code createBeforeDestroy}: the module's
     * lifecycle for it, which an applied object keeps in its state; it orders a replacement (the new object first) and
     * a delete (after the objects that used it moved).
     */
    public record Resource(String row, String wireName, String type, Map<String, Object> before, Map<String, Object> after,
                           boolean createBeforeDestroy) {
    }

    /**
     * The ElastiCache resources that {@code plan} changes in the calls {@code rows} (module.ROW), before and after;
     * {@code moduleConfig} is the module's Terraform JSON, for the lifecycle it gives each.
     */
    @SuppressWarnings("unchecked")
    public static List<Resource> resources(Terraform.Plan plan, Set<String> rows, Map<String, Object> schemas,
                                           Map<String, Object> moduleConfig) {
        Map<String, Set<String>> arguments = arguments(plan);
        List<Resource> resources = new ArrayList<>();
        for (Object item : (List<Object>) plan.json().get("resource_changes")) {
            Map<String, Object> change = (Map<String, Object>) item;
            String type = (String) change.get("type");
            String module = (String) change.get("module_address");
            if (!TYPES.contains(type) || module == null || !rows.contains(module.substring("module.".length()))) {
                continue;
            }
            String row = module.substring("module.".length());
            Object index = change.get("index");
            String wireName = row + "_" + change.get("name") + (index == null ? "" : "_" + String.valueOf(index).replaceAll("[^A-Za-z0-9]", "_"));
            Map<String, Object> body = (Map<String, Object>) change.get("change");
            // the recorded state: what the module sends for an unchanged call (RecordedState.idsKnownAtPlan)
            Map<String, Object> before = (Map<String, Object>) body.get("before");
            Map<String, Object> after = (Map<String, Object>) body.get("after");
            Map<String, Object> block = block(schemas, type);
            Set<String> set = arguments.getOrDefault(type + "." + change.get("name"), Set.of());
            resources.add(new Resource(row, wireName, type, before == null ? null : withIds(type, before),
                    after == null ? null : configured(block, after, body.get("after_unknown"), set),
                    createBeforeDestroy(moduleConfig, type, (String) change.get("name"))));
        }
        return resources;
    }

    /** Whether the module's resource {@code type.name} is created before it is destroyed (its lifecycle). */
    private static boolean createBeforeDestroy(Map<String, Object> module, String type, String name) {
        Map<String, Object> resource = JsonPath.map(module, "resource", type, name);
        return resource.get("lifecycle") instanceof Map<?, ?> lifecycle && Boolean.TRUE.equals(lifecycle.get("create_before_destroy"));
    }

    /**
     * The environment of the provider that applies a wire root: its ElastiCache endpoint, {@code endpoint}. Given in
     * the provider block ({@code endpoints}), it cost the provider about 2 s of CPU each time terraform validated the
     * block (three times an apply): the provider's framework renders the whole block, about 300 endpoints, for each
     * of them.
     */
    public static Map<String, String> providerEnvironment(String endpoint) {
        return Map.of("AWS_ENDPOINT_URL_ELASTICACHE", endpoint);
    }

    /** Writes main.tf.json and offline.tfstate into {@code dir}; the provider's endpoint is in its environment. */
    public static void write(Path dir, List<Resource> resources, Map<String, Object> providerSchemas) {
        Map<String, Map<String, Object>> config = new LinkedHashMap<>();
        List<Object> stateChanges = new ArrayList<>();
        for (Resource resource : resources) {
            if (resource.after() != null) {
                Map<String, Object> body = new LinkedHashMap<>(resource.after());
                List<String> dependsOn = dependencies(resource, resources, false);
                if (!dependsOn.isEmpty()) {
                    body.put("depends_on", dependsOn);
                }
                if (resource.createBeforeDestroy()) {
                    body.put("lifecycle", Map.of("create_before_destroy", true));
                }
                config.computeIfAbsent(resource.type(), t -> new LinkedHashMap<>()).put(resource.wireName(), body);
            }
            if (resource.before() != null) {
                // the state says what each object depends on: Terraform orders destroys by it (a deposed parameter
                // group is deleted only after the cluster left it)
                // and whether an object is created before it is destroyed, as the module declares it: a parameter
                // group the cluster leaves is then deleted only after the cluster moved
                stateChanges.add(Map.of("type", resource.type(), "name", resource.wireName(),
                        "change", Map.of("after", resource.before(), "after_unknown", Map.of()),
                        "dependencies", dependencies(resource, resources, true),
                        "create_before_destroy", resource.createBeforeDestroy()));
            }
        }
        Map<String, Object> provider = new LinkedHashMap<>();
        provider.put("region", "eu-west-1");
        provider.put("access_key", "wire-check");
        provider.put("secret_key", "wire-check");
        provider.put("skip_credentials_validation", true);
        provider.put("skip_requesting_account_id", true);
        provider.put("skip_metadata_api_check", true);
        provider.put("skip_region_validation", true);
        Json.write(dir.resolve("main.tf.json"), Map.of(
                "terraform", Map.of("required_providers", Map.of("aws", Map.of("source", "hashicorp/aws")),
                        "backend", Map.of("local", Map.of("path", "offline.tfstate"))),
                "provider", Map.of("aws", provider),
                "resource", config));
        RecordedState.write(dir.resolve("offline.tfstate"), Map.of("resource_changes", stateChanges), providerSchemas);
    }

    /** The module's own dependencies among these resources: the cluster after its groups, a user group after its users. */
    private static List<String> dependencies(Resource resource, List<Resource> resources, boolean running) {
        List<String> types = switch (resource.type()) {
            case "aws_elasticache_replication_group" -> List.of("aws_elasticache_parameter_group", "aws_elasticache_subnet_group",
                    "aws_elasticache_user_group");
            case "aws_elasticache_user_group" -> List.of("aws_elasticache_user");
            default -> List.of();
        };
        return resources.stream().filter(r -> r.row().equals(resource.row()) && (running ? r.before() : r.after()) != null
                        && types.contains(r.type()))
                .map(r -> r.type() + "." + r.wireName()).toList();
    }

    /** The state's ids as the provider uses them in its calls (the recorded state holds placeholders). */
    private static Map<String, Object> withIds(String type, Map<String, Object> values) {
        Map<String, Object> patched = new LinkedHashMap<>(values);
        // what the recorded state holds for a value AWS would fill in is no value at all here (a "recorded" global
        // replication group id would make the provider leave a global datastore before a delete)
        patched.replaceAll((key, value) -> RecordedState.isPlaceholder(value) ? null : value);
        String key = switch (type) {
            case "aws_elasticache_replication_group" -> "replication_group_id";
            case "aws_elasticache_user" -> "user_id";
            case "aws_elasticache_user_group" -> "user_group_id";
            default -> "name";
        };
        String id = String.valueOf(values.get(key));
        patched.put("id", id);
        patched.put("arn", "arn:aws:elasticache:eu-west-1:123456789012:" + type.substring("aws_elasticache_".length()).replace("_", "") + ":" + id);
        return patched;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> block(Map<String, Object> providerSchemas, String type) {
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) providerSchemas
                .get("provider_schemas")).get("registry.terraform.io/hashicorp/aws")).get("resource_schemas");
        return (Map<String, Object>) ((Map<String, Object>) schemas.get(type)).get("block");
    }

    /**
     * The arguments the module writes for each of its resources (type.name), from the plan's configuration: an
     * optional and computed argument it leaves out keeps the running value, so it must stay out of the wire root too.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Set<String>> arguments(Terraform.Plan plan) {
        Map<String, Set<String>> arguments = new LinkedHashMap<>();
        Map<String, Object> calls = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) plan.json().get("configuration"))
                .get("root_module")).getOrDefault("module_calls", Map.of());
        for (Object call : calls.values()) {
            Map<String, Object> module = (Map<String, Object>) ((Map<String, Object>) call).get("module");
            for (Object item : (List<Object>) module.getOrDefault("resources", List.of())) {
                Map<String, Object> resource = (Map<String, Object>) item;
                arguments.put(resource.get("type") + "." + resource.get("name"),
                        ((Map<String, Object>) resource.getOrDefault("expressions", Map.of())).keySet());
            }
            break; // every call holds the same module
        }
        return arguments;
    }

    /** The arguments of a planned object the module sets (null: every one), unknown values as placeholders. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> configured(Map<String, Object> block, Map<String, Object> after, Object unknown, Set<String> set) {
        Map<String, Object> unknowns = unknown instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
        Map<String, Object> config = new LinkedHashMap<>();
        ((Map<String, Object>) block.getOrDefault("attributes", Map.of())).forEach((name, attribute) -> {
            Map<String, Object> schema = (Map<String, Object>) attribute;
            boolean settable = Boolean.TRUE.equals(schema.get("required")) || Boolean.TRUE.equals(schema.get("optional"));
            if (!settable || name.equals("id") || name.equals("tags_all") || set != null && !set.contains(name)) {
                return;
            }
            if (Boolean.TRUE.equals(schema.get("computed")) && leftToAws(name, after.get(name), unknowns.get(name))) {
                return; // the module leaves it null: the running value stays, as in the module's own plan
            }
            Object value = known(name, after.get(name), unknowns.get(name));
            if (value != null) {
                config.put(name, value);
            }
        });
        ((Map<String, Object>) block.getOrDefault("block_types", Map.of())).forEach((name, nested) -> {
            Object values = after.get(name);
            if (!(values instanceof List<?> list) || list.isEmpty()) {
                return;
            }
            Map<String, Object> nestedBlock = (Map<String, Object>) ((Map<String, Object>) nested).get("block");
            List<Object> unknownItems = unknowns.get(name) instanceof List<?> u ? (List<Object>) u : List.of();
            List<Object> items = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                items.add(configured(nestedBlock, (Map<String, Object>) list.get(i), i < unknownItems.size() ? unknownItems.get(i) : null, null));
            }
            config.put(name, items);
        });
        return config;
    }

    /**
     * An optional and computed argument the module leaves null: the plan shows the running value, which the recorded
     * state holds as its placeholder, or (for a new object) unknown. Arguments fed by another resource are unknown for
     * that reason instead, and get a placeholder.
     */
    private static boolean leftToAws(String name, Object value, Object unknown) {
        boolean fedByAResource = Set.of("security_group_ids", "parameter_group_name", "subnet_group_name", "user_group_ids").contains(name);
        return RecordedState.isPlaceholder(value) || Boolean.TRUE.equals(unknown) && !fedByAResource;
    }

    /** A value with its unknown parts replaced by placeholders of their type. */
    @SuppressWarnings("unchecked")
    private static Object known(String name, Object value, Object unknown) {
        if (Boolean.TRUE.equals(unknown)) {
            return placeholder(name);
        }
        if (unknown instanceof List<?> flags && value instanceof List<?> items) {
            List<Object> result = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                result.add(i < flags.size() && Boolean.TRUE.equals(flags.get(i)) ? elementPlaceholder(name) : items.get(i));
            }
            return result;
        }
        return value;
    }

    private static String elementPlaceholder(String name) {
        return name.equals("passwords") ? UNKNOWN_TOKEN : "wire-unknown-" + name;
    }

    private static Object placeholder(String name) {
        return switch (name) {
            case "auth_token" -> UNKNOWN_TOKEN;
            case "passwords" -> List.of(UNKNOWN_TOKEN);
            case "security_group_ids", "user_group_ids", "subnet_ids" -> List.of("wire-unknown-" + name);
            default -> "wire-unknown-" + name;
        };
    }
}
