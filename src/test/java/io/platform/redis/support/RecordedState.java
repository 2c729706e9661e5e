package io.platform.redis.support;

import io.platform.redis.files.Directories;
import io.platform.redis.files.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A Terraform state written as if a plan had been applied: every planned resource with its planned values, and a
 * neutral value of its schema type for each attribute only AWS would have filled in. With it, real terraform and the
 * real AWS provider plan a change to a running cluster offline ({@code plan -refresh=false}), so the provider itself
 * says whether the change updates a resource in place or replaces it. There is no AWS here: what AWS would return
 * for the computed attributes is not known, which is why only actions on attributes we set are asserted.
 */
public final class RecordedState {
    private RecordedState() {
    }

    /** What the state holds for a string only AWS would have filled in: no value of AWS's. */
    public static final String PLACEHOLDER = "recorded";

    public static boolean isPlaceholder(Object value) {
        return PLACEHOLDER.equals(value);
    }

    /** The id the state gives a resource whose id was unknown at plan: one rule, for the state and for the plan. */
    static String placeholderId(String resourceName) {
        return PLACEHOLDER + "-" + resourceName;
    }

    // a reference to what AWS fills in at create: aws_security_group.this[*].id, terraform_data.x.id,
    // aws_elasticache_replication_group.this.primary_endpoint_address
    private static final Pattern FILLED_IN = Pattern.compile("\\b(?:aws_[a-z0-9_]+|terraform_data)\\.(\\w+)(\\[\\*\\]|\\[[^\\[\\]\\n]*\\])?"
            + "\\.(id|primary_endpoint_address|reader_endpoint_address|configuration_endpoint_address)\\b");
    // a terraform_data's output, which an apply sets to its input (the generated passwords' stand-ins, OfflineCopy);
    // an index may hold one level of brackets: terraform_data.rbac_user[local.keys[each.key]].output
    private static final Pattern DATA_OUTPUT = Pattern.compile("(terraform_data\\.\\w+(?:\\[(?:[^\\[\\]\\n]|\\[[^\\[\\]\\n]*\\])*\\])?)\\.output\\b");

    /**
     * Makes the module in {@code moduleDir} read, at plan, the values its resources get once recorded (an id is
     * {@link #placeholderId}, an endpoint address {@link #PLACEHOLDER}, a terraform_data's output its input) instead of
     * values unknown until apply, and returns its files as they were, to be put back. A running state recorded from
     * that plan holds what depends on them (the cluster's security groups, its final snapshot's name, a secret
     * version's secret and its password, the users' passwords, the DNS record) as the next plan computes it from the
     * state: a plan of the unchanged configuration then changes nothing, so what an edit plans is the edit alone.
     */
    static Map<Path, String> knownAtPlan(Path moduleDir) {
        return rewrite(moduleDir, line -> outputAsInput(filledInAsRecorded(line)));
    }

    /**
     * Makes every later plan of the module in {@code moduleDir} read a terraform_data's output as its input, what an
     * apply sets it to: the generated passwords' stand-ins (OfflineCopy) are then known at plan.
     */
    public static void outputsKnownAtPlan(Path moduleDir) {
        rewrite(moduleDir, RecordedState::outputAsInput);
    }

    private static String outputAsInput(String line) {
        return DATA_OUTPUT.matcher(line).replaceAll("$1.input");
    }

    /** An id as {@link #placeholderId}, an endpoint address as {@link #PLACEHOLDER}; a replace_triggered_by stays a reference. */
    private static String filledInAsRecorded(String line) {
        if (line.contains("replace_triggered_by")) {
            return line;
        }
        return FILLED_IN.matcher(line).replaceAll(match -> {
            String value = "\"" + (match.group(3).equals("id") ? placeholderId(match.group(1)) : PLACEHOLDER) + "\"";
            if (!"[*]".equals(match.group(2))) {
                return Matcher.quoteReplacement(value);
            }
            String resource = match.group().substring(0, match.group().indexOf("[*]"));
            return Matcher.quoteReplacement("[for _ in " + resource + " : " + value + "]"); // one per instance
        });
    }

    /** Rewrites each line of the module's .tf files; returns the files it changed as they were. */
    private static Map<Path, String> rewrite(Path moduleDir, UnaryOperator<String> line) {
        Map<Path, String> originals = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(moduleDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".tf")).sorted().toList()) {
                String text = Files.readString(file);
                String rewritten = text.lines().map(line).collect(Collectors.joining("\n", "", text.endsWith("\n") ? "\n" : ""));
                if (!rewritten.equals(text)) {
                    originals.put(file, text);
                    Files.writeString(file, rewritten);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return originals;
    }

    /** Puts back the files {@link #knownAtPlan} changed. */
    static void restore(Map<Path, String> originals) {
        originals.forEach((file, text) -> {
            try {
                Files.writeString(file, text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * Plans {@code dir} (a root with an offline override, see OfflineCopy.asRoot, calling the module in
     * {@code modules/redis}) and records the result as the state of running resources, {@code offline.tfstate}; later
     * plans with {@code -refresh=false} plan against it, and an unedited call plans no change ({@link #knownAtPlan}).
     */
    public static Terraform.Plan ofRunning(Terraform terraform, Path dir) {
        Map<Path, String> moduleFiles = knownAtPlan(dir.resolve("modules/redis"));
        try {
            Terraform.Plan running = terraform.plan(dir);
            write(dir.resolve("offline.tfstate"), running.json(), terraform.providerSchemas(dir));
            return running;
        } finally {
            restore(moduleFiles);
        }
    }

    /**
     * Makes {@code root} a root of its own for some of the calls planned in {@code planned} (a root with an offline
     * override whose running state {@code running} recorded): the same module and override, {@code calls} as its
     * module calls, and only their part of the recorded state, initialized. A plan reads every call's configuration
     * and state, even one targeted at a few; a root with only the calls a check needs plans in seconds.
     */
    public static void rootOfCalls(Terraform terraform, Path planned, Terraform.Plan running, Map<String, ? extends Map<String, Object>> calls,
                                   Path root) {
        Directories.copy(planned.resolve("modules/redis"), root.resolve("modules/redis"));
        Directories.copy(planned.resolve("zz_offline_override.tf.json"), root.resolve("zz_offline_override.tf.json"));
        ModuleRoot.writeCalls(root, calls);
        write(root.resolve("offline.tfstate"), Map.of("resource_changes", running.changesInCalls(calls.keySet())), terraform.providerSchemas(planned));
        terraform.ok(root, "init", "-input=false", "-no-color");
    }

    /** Writes the state file {@code stateFile} from a {@code terraform show -json} plan and the provider schemas. */
    @SuppressWarnings("unchecked")
    public static void write(Path stateFile, Map<String, Object> plan, Map<String, Object> providerSchemas) {
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                providerSchemas.get("provider_schemas")).get("registry.terraform.io/hashicorp/aws")).get("resource_schemas");
        Map<String, Map<String, Object>> resources = new LinkedHashMap<>();
        // The subnets' VPC, which AWS reports on the subnet group: the VPC the caller named for the security group.
        Map<String, Object> vpcs = new LinkedHashMap<>();
        for (Object item : (List<Object>) plan.get("resource_changes")) {
            Map<String, Object> change = (Map<String, Object>) item;
            Object after = ((Map<String, Object>) change.get("change")).get("after");
            if ("aws_security_group".equals(change.get("type")) && after instanceof Map<?, ?> values && values.get("vpc_id") instanceof String vpc) {
                vpcs.put(String.valueOf(change.get("module_address")), vpc);
            }
        }
        for (Object item : (List<Object>) plan.get("resource_changes")) {
            Map<String, Object> change = (Map<String, Object>) item;
            String type = (String) change.get("type");
            Map<String, Object> body = (Map<String, Object>) change.get("change");
            Map<String, Object> attributes = new LinkedHashMap<>((Map<String, Object>) body.get("after"));
            Map<String, Object> schema = (Map<String, Object>) schemas.get(type);
            Map<String, Object> declared = schema == null ? Map.of()
                    : (Map<String, Object>) ((Map<String, Object>) schema.get("block")).get("attributes");
            ((Map<String, Object>) body.getOrDefault("after_unknown", Map.of())).forEach((name, unknown) -> {
                if (Boolean.TRUE.equals(unknown)) {
                    attributes.put(name, neutral(declared.get(name)));
                }
            });
            if (type.equals("aws_elasticache_subnet_group") && isPlaceholder(attributes.get("vpc_id"))) {
                attributes.put("vpc_id", vpcs.getOrDefault(String.valueOf(change.get("module_address")), PLACEHOLDER));
            }
            if (type.equals("terraform_data")) {
                // dynamic values: the state holds them with their type
                Object input = attributes.get("input");
                if (attributes.get("output") == null) {
                    attributes.put("output", input); // what terraform_data's output becomes once applied
                }
                for (String dynamic : List.of("input", "output", "triggers_replace")) {
                    Object value = attributes.get(dynamic);
                    attributes.put(dynamic, value == null ? null : Map.of("value", value, "type", "string"));
                }
            }
            if (attributes.get("id") == null || isPlaceholder(attributes.get("id"))) {
                attributes.put("id", placeholderId((String) change.get("name")));
            }
            String module = (String) change.get("module_address");
            String key = module + "/" + type + "/" + change.get("name");
            Map<String, Object> resource = resources.computeIfAbsent(key, k -> {
                Map<String, Object> r = new LinkedHashMap<>();
                if (module != null) {
                    r.put("module", module);
                }
                r.put("mode", "managed");
                r.put("type", type);
                r.put("name", change.get("name"));
                r.put("provider", type.startsWith("terraform_") ? "provider[\"terraform.io/builtin/terraform\"]"
                        : "provider[\"registry.terraform.io/hashicorp/aws\"]");
                r.put("instances", new ArrayList<>());
                return r;
            });
            Map<String, Object> instance = new LinkedHashMap<>();
            if (change.containsKey("index")) {
                instance.put("index_key", change.get("index"));
            }
            instance.put("schema_version", schema == null ? 0 : schema.get("version"));
            instance.put("attributes", attributes);
            instance.put("sensitive_attributes", sensitivePaths(body.get("after_sensitive"), List.of()));
            if (change.get("dependencies") instanceof List<?> dependencies && !dependencies.isEmpty()) {
                instance.put("dependencies", dependencies);
            }
            if (Boolean.TRUE.equals(change.get("create_before_destroy"))) {
                instance.put("create_before_destroy", true);
            }
            ((List<Object>) resource.get("instances")).add(instance);
        }
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("version", 4);
        state.put("terraform_version", "1.5.0");
        state.put("serial", 1);
        state.put("lineage", "recorded-for-an-offline-plan");
        state.put("outputs", Map.of());
        state.put("resources", new ArrayList<>(resources.values()));
        Json.write(stateFile, state);
    }

    /**
     * The paths of {@code marks} (a plan's {@code after_sensitive}: true where a value is sensitive, maps and lists
     * mirroring the value) as a state lists them: an applied resource keeps its sensitive values marked, and a state
     * without the marks plans an update of each such resource (only the marks differ).
     */
    static List<List<Map<String, Object>>> sensitivePaths(Object marks, List<Map<String, Object>> path) {
        List<List<Map<String, Object>>> paths = new ArrayList<>();
        if (Boolean.TRUE.equals(marks)) {
            paths.add(path);
        } else if (marks instanceof Map<?, ?> attributes) {
            attributes.forEach((name, mark) -> paths.addAll(sensitivePaths(mark, step(path, "get_attr", name))));
        } else if (marks instanceof List<?> elements) {
            for (int index = 0; index < elements.size(); index++) {
                paths.addAll(sensitivePaths(elements.get(index), step(path, "index", Map.of("value", index, "type", "number"))));
            }
        }
        return paths;
    }

    private static List<Map<String, Object>> step(List<Map<String, Object>> path, String type, Object value) {
        List<Map<String, Object>> longer = new ArrayList<>(path);
        longer.add(Map.of("type", type, "value", value));
        return longer;
    }

    /** An empty value of a schema type: what a computed attribute holds before AWS says otherwise. */
    @SuppressWarnings("unchecked")
    private static Object neutral(Object attributeSchema) {
        if (!(attributeSchema instanceof Map<?, ?> schema)) {
            return null;
        }
        Object type = ((Map<String, Object>) schema).get("type");
        if (type instanceof List<?> composite) {
            String kind = (String) composite.get(0);
            return kind.equals("list") || kind.equals("set") ? List.of() : Map.of();
        }
        return switch (String.valueOf(type)) {
            case "string" -> PLACEHOLDER;
            case "number" -> 0;
            case "bool" -> false;
            default -> null;
        };
    }
}
