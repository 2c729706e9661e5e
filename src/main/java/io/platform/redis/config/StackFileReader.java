package io.platform.redis.config;

import io.platform.redis.RedisModuleConfig;
import io.platform.redis.checks.ConfigChecks;
import io.platform.redis.InvalidConfigException;
import io.platform.redis.module.RedisVariables;
import io.platform.redis.module.Suggestions;
import io.platform.redis.module.Variable;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads the stack files (YAML, or JSON, which is YAML too) and checks them completely before anything is built:
 * syntax, unknown keys, types, required keys, every AWS rule of the module, duplicate stack names. All problems
 * of all files are reported together, each with file, line, key, the bad value and the rule.
 */
public final class StackFileReader {
    static final String STACK = "stack";
    static final String REGION = "region";
    static final String BACKEND = "backend";
    static final String REDIS = "redis";
    static final String CHAT = "chat";
    static final String ALLOW_REPLACEMENT = "allow_replacement";
    static final List<String> TOP_LEVEL_KEYS = List.of(STACK, REGION, BACKEND, REDIS, CHAT, ALLOW_REPLACEMENT);
    static final String STACK_NAME = "^[a-z][a-z0-9-]{0,62}$";
    static final String REGION_NAME = "^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]$";

    private StackFileReader() {
    }

    /**
     * Every stack file in {@code stacksDir}, sorted by file name. {@code projectDir} only shortens the file names
     * shown in messages.
     */
    public static List<StackFile> readAll(Path projectDir, Path stacksDir) throws InvalidStacksException {
        List<Problem> problems = new ArrayList<>();
        String folder = display(projectDir, stacksDir);
        if (!Files.isDirectory(stacksDir)) {
            throw new InvalidStacksException(List.of(new Problem(folder, 0, null,
                    "folder not found: it must hold one stack file (.yaml, .yml or .json) per environment")));
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(stacksDir)) {
            files = listing.filter(StackFileReader::isStackFile).sorted().toList();
        } catch (IOException e) {
            throw new InvalidStacksException(List.of(new Problem(folder, 0, null, "cannot be listed: " + e.getMessage())));
        }
        if (files.isEmpty()) {
            throw new InvalidStacksException(List.of(new Problem(folder, 0, null,
                    "holds no stack file: add one .yaml, .yml or .json file per environment")));
        }
        List<StackFile> stacks = new ArrayList<>();
        Map<String, String> fileOfStack = new LinkedHashMap<>();
        for (Path file : files) {
            String name = display(projectDir, file);
            read(file, name, problems).ifPresent(stack -> {
                String earlier = fileOfStack.putIfAbsent(stack.stack(), name);
                if (earlier != null) {
                    problems.add(new Problem(name, 0, STACK, "\"" + stack.stack() + "\" is already the stack name in "
                            + earlier + ": stack names must be unique (each is a folder under cdktf.out/stacks)"));
                } else {
                    stacks.add(stack);
                }
            });
        }
        awsNamesUniquePerRegion(stacks, problems);
        if (!problems.isEmpty()) {
            // in reading order: by file, then line (a rule over several keys is found after the keys it reads)
            problems.sort(java.util.Comparator.comparing(Problem::file).thenComparingInt(Problem::line));
            throw new InvalidStacksException(problems);
        }
        return stacks;
    }

    /**
     * AWS names are unique per account and region: two stack files whose clusters ask for one name in one region would
     * fail at the second one's apply. Compared here, when the files are read, as for duplicate stack names: the stacks
     * built from them then need no such check at synth (StackLedger.ofOwnStack).
     */
    private static void awsNamesUniquePerRegion(List<StackFile> stacks, List<Problem> problems) {
        Map<String, StackFile> first = new java.util.HashMap<>();
        for (StackFile stack : stacks) {
            for (String awsName : new java.util.LinkedHashSet<>(stack.workload().awsNames())) {
                StackFile earlier = first.putIfAbsent(stack.region() + " " + awsName, stack);
                if (earlier != null) {
                    problems.add(new Problem(stack.source(), stack.nameLine(), stack.workload().nameKey(), awsName + " is asked for by "
                            + earlier.source() + " too, in region " + stack.region() + "; AWS would refuse the second one at "
                            + "apply. Give one of them another name."));
                }
            }
        }
    }

    /** One file; its problems are added to {@code problems} and the result is empty when there were any. */
    public static Optional<StackFile> read(Path file, String name, List<Problem> problems) {
        int before = problems.size();
        Node root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            LoaderOptions options = new LoaderOptions();
            root = new Yaml(new SafeConstructor(options)).compose(reader);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            problems.add(new Problem(name, line, null, "not valid YAML/JSON: " + e.getProblem()));
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            problems.add(new Problem(name, 0, null, "cannot be read: " + e.getMessage()));
            return Optional.empty();
        }
        if (!(root instanceof MappingNode mapping)) {
            problems.add(new Problem(name, root == null ? 0 : YamlValues.line(root), null,
                    "must be a map with the keys stack, region, backend and redis or chat"
                            + (root == null ? ", but the file is empty" : "")));
            return Optional.empty();
        }
        Map<String, NodeTuple> top = entries(name, "", mapping, TOP_LEVEL_KEYS, problems);
        int fileLine = YamlValues.line(mapping);
        String stack = requiredString(name, fileLine, top, STACK, STACK_NAME,
                "1-63 lowercase letters, digits or hyphens, starting with a letter", problems);
        String region = requiredString(name, fileLine, top, REGION, REGION_NAME, "an AWS region such as eu-west-1", problems);
        Backend backend = backend(name, top.get(BACKEND), stack, problems);
        Workload workload = null;
        if (top.containsKey(REDIS) == top.containsKey(CHAT)) {
            problems.add(new Problem(name, fileLine, null, "needs exactly one of \"redis\" (the Django cache/Celery "
                    + "module's variables) or \"chat\" (the chat app's Redis options)"));
        } else if (top.containsKey(REDIS)) {
            workload = djangoRedis(name, top.get(REDIS), problems);
        } else {
            workload = ChatStackFile.read(name, top.get(CHAT), problems);
        }
        List<String> allowReplacement = allowReplacement(name, top.get(ALLOW_REPLACEMENT), problems);
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new StackFile(name, stack, region, backend, workload, allowReplacement, nameLine(mapping, workload.nameKey())));
    }

    /** The line of {@code section.key} (e.g. {@code redis.name}) in a file, or the file's first when it is not there. */
    private static int nameLine(MappingNode file, String sectionAndKey) {
        Node node = file;
        for (String key : sectionAndKey.split("\\.", 2)) {
            Node value = node instanceof MappingNode mapping ? mapping.getValue().stream()
                    .filter(tuple -> tuple.getKeyNode() instanceof ScalarNode name && name.getValue().equals(key))
                    .map(NodeTuple::getValueNode).findFirst().orElse(null) : null;
            if (value == null) {
                return YamlValues.line(file);
            }
            node = value;
        }
        return YamlValues.line(node);
    }

    /**
     * {@code allow_replacement: [port]}: the keys (the module's inputs, the chat keys, or region) whose change the
     * operator accepts to replace a running prod cluster, its data lost.
     */
    @SuppressWarnings("unchecked")
    private static List<String> allowReplacement(String file, NodeTuple entry, List<Problem> problems) {
        if (entry == null) {
            return List.of();
        }
        Optional<Object> value = YamlValues.convert(entry.getValueNode(), io.platform.redis.module.VariableType.STRING_LIST);
        int line = YamlValues.line(entry.getValueNode());
        if (value.isEmpty()) {
            problems.add(new Problem(file, line, ALLOW_REPLACEMENT, YamlValues.describe(entry.getValueNode())
                    + ": must be a list of keys, e.g. [port]"));
            return List.of();
        }
        List<String> known = new ArrayList<>(List.of(REGION));
        RedisVariables.ALL.forEach(v -> known.add(v.name()));
        io.platform.redis.chatdesign.ChatVariables.ALL.forEach(v -> { if (!known.contains(v.name())) known.add(v.name()); });
        for (String key : (List<String>) value.get()) {
            if (!known.contains(key)) {
                problems.add(new Problem(file, line, ALLOW_REPLACEMENT, "\"" + key + "\": not a key whose change can replace a cluster; "
                        + Suggestions.closest(key, known).map(k -> "did you mean \"" + k + "\"?").orElse("use the module's input names")));
            }
        }
        return (List<String>) value.get();
    }

    private static Workload djangoRedis(String file, NodeTuple entry, List<Problem> problems) {
        Section section = section(file, entry, REDIS, RedisVariables.ALL, problems);
        if (section == null) {
            return null;
        }
        try {
            RedisModuleConfig config = RedisModuleConfig.fromVariables(section.values());
            return section.complete() ? new Workload.DjangoRedis(config) : null;
        } catch (InvalidConfigException e) {
            section.report(e, problems);
            return null;
        }
    }

    /** A section's values as the YAML gives them, and where each is: the lines its problems are reported at. */
    record Section(String file, String name, int line, Map<String, Object> values, Map<String, Integer> lines,
                   java.util.Set<String> unreadable, boolean complete) {
        /**
         * The typed configuration's problems (the same checks {@code build()} runs), each at its key's line, or at the
         * section's when it is about a missing key or several keys; none about a key whose value the YAML already got
         * wrong (reported as such).
         */
        void report(InvalidConfigException e, List<Problem> problems) {
            for (InvalidConfigException.Problem problem : e.details()) {
                List<String> inputs = problem.inputs();
                if (inputs.stream().anyMatch(unreadable::contains)) {
                    continue;
                }
                int at = inputs.size() == 1 ? lines.getOrDefault(inputs.get(0), line) : line;
                problems.add(new Problem(file, at, String.join(", ", inputs.stream().map(input -> name + "." + input).toList()),
                        problem.text()));
            }
        }
    }

    /**
     * The values of a map section as the YAML gives them: known keys and types checked here, where the YAML is (the
     * rules are the typed configuration's, {@link Section#report}). Null when the section is not a map.
     */
    static Section section(String file, NodeTuple entry, String sectionName, List<Variable> catalog,
                           List<Problem> problems) {
        if (!(entry.getValueNode() instanceof MappingNode mapping)) {
            problems.add(new Problem(file, YamlValues.line(entry.getValueNode()), sectionName,
                    "must be a map of settings, got " + YamlValues.describe(entry.getValueNode())));
            return null;
        }
        List<String> names = catalog.stream().map(Variable::name).toList();
        int before = problems.size();
        Map<String, NodeTuple> given = entries(file, sectionName + ".", mapping, names, problems);
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        java.util.Set<String> unreadable = new java.util.HashSet<>();
        boolean valid = problems.size() == before;
        for (Variable variable : catalog) {
            NodeTuple tuple = given.get(variable.name());
            String key = sectionName + "." + variable.name();
            if (tuple == null || YamlValues.isNull(tuple.getValueNode())) {
                continue;
            }
            Node node = tuple.getValueNode();
            int line = YamlValues.line(node);
            Optional<Object> value = YamlValues.convert(node, variable.type());
            if (value.isEmpty()) {
                problems.add(new Problem(file, line, key, "must be " + variable.type().expected() + ", got "
                        + (variable.sensitive() ? "(sensitive value hidden)" : YamlValues.describe(node))));
                unreadable.add(variable.name());
                valid = false;
                continue;
            }
            values.put(variable.name(), value.get());
            lines.put(variable.name(), line);
        }
        return new Section(file, sectionName, YamlValues.line(entry.getKeyNode()), values, lines, unreadable, valid);
    }

    private static Backend backend(String file, NodeTuple entry, String stack, List<Problem> problems) {
        if (entry == null) {
            return Backend.local("terraform." + (stack == null ? "stack" : stack) + ".tfstate");
        }
        if (!(entry.getValueNode() instanceof MappingNode mapping) || mapping.getValue().size() != 1) {
            problems.add(new Problem(file, YamlValues.line(entry.getValueNode()), BACKEND,
                    "must be a map with exactly one of " + String.join(", ", Backend.KEYS.keySet().stream().sorted().toList())
                            + ", e.g. backend: { s3: { bucket: ..., key: ..., region: ... } }"));
            return null;
        }
        Map<String, NodeTuple> kinds = entries(file, BACKEND + ".", mapping,
                Backend.KEYS.keySet().stream().sorted().toList(), problems);
        if (kinds.isEmpty()) {
            return null;
        }
        var kind = kinds.entrySet().iterator().next();
        String prefix = BACKEND + "." + kind.getKey();
        Map<String, Boolean> allowed = Backend.KEYS.get(kind.getKey());
        if (!(kind.getValue().getValueNode() instanceof MappingNode settingsNode)) {
            problems.add(new Problem(file, YamlValues.line(kind.getValue().getValueNode()), prefix, "must be a map of "
                    + String.join(", ", allowed.keySet().stream().sorted().toList())));
            return null;
        }
        Map<String, NodeTuple> settings = entries(file, prefix + ".", settingsNode,
                allowed.keySet().stream().sorted().toList(), problems);
        Map<String, Object> values = new LinkedHashMap<>();
        for (String key : allowed.keySet().stream().sorted().toList()) {
            NodeTuple tuple = settings.get(key);
            if (tuple == null) {
                if (allowed.get(key)) {
                    problems.add(new Problem(file, YamlValues.line(kind.getValue().getKeyNode()), prefix + "." + key, "is required"));
                }
                continue;
            }
            var type = Backend.SWITCHES.contains(key) ? io.platform.redis.module.VariableType.BOOL : io.platform.redis.module.VariableType.STRING;
            Optional<Object> value = YamlValues.convert(tuple.getValueNode(), type);
            if (value.isEmpty() || (value.get() instanceof String s && s.isBlank())) {
                problems.add(new Problem(file, YamlValues.line(tuple.getValueNode()), prefix + "." + key,
                        "must be " + (type == io.platform.redis.module.VariableType.BOOL ? "true or false" : "a non-empty string")
                                + ", got " + YamlValues.describe(tuple.getValueNode())));
                continue;
            }
            values.put(key, value.get());
        }
        if (kind.getKey().equals("local") && values.get("path") instanceof String path
                && (path.startsWith("/") || path.contains(".."))) {
            problems.add(new Problem(file, YamlValues.line(settings.get("path").getValueNode()), prefix + ".path",
                    "\"" + path + "\": must be a relative path inside the stack folder (no leading / and no ..), "
                            + "so the synthesized files stay the same on every machine"));
        }
        return new Backend(kind.getKey(), java.util.Collections.unmodifiableMap(values));
    }

    private static String requiredString(String file, int fileLine, Map<String, NodeTuple> top, String key,
                                         String pattern, String rule, List<Problem> problems) {
        NodeTuple tuple = top.get(key);
        if (tuple == null) {
            problems.add(new Problem(file, fileLine, key, "is required: " + rule));
            return null;
        }
        Optional<Object> value = YamlValues.convert(tuple.getValueNode(), io.platform.redis.module.VariableType.STRING);
        if (value.isEmpty() || !((String) value.get()).matches(pattern)) {
            problems.add(new Problem(file, YamlValues.line(tuple.getValueNode()), key,
                    YamlValues.describe(tuple.getValueNode()) + ": must be " + rule));
            return null;
        }
        return (String) value.get();
    }

    /**
     * The entries of a map by key, reporting keys that are unknown (with the closest known key), duplicated or
     * not strings. Unknown and duplicated entries are left out.
     */
    private static Map<String, NodeTuple> entries(String file, String prefix, MappingNode mapping, List<String> known,
                                                  List<Problem> problems) {
        Map<String, NodeTuple> result = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            int line = YamlValues.line(tuple.getKeyNode());
            if (!(tuple.getKeyNode() instanceof ScalarNode scalar)) {
                problems.add(new Problem(file, line, prefix, "keys must be plain names"));
                continue;
            }
            String key = scalar.getValue();
            if (!known.contains(key)) {
                String hint = Suggestions.closest(key, known).map(k -> "did you mean \"" + k + "\"?")
                        .orElse("known keys: " + String.join(", ", known));
                problems.add(new Problem(file, line, prefix + key, "unknown key; " + hint));
            } else if (result.containsKey(key)) {
                problems.add(new Problem(file, line, prefix + key, "appears twice (first on line "
                        + YamlValues.line(result.get(key).getKeyNode()) + ")"));
            } else {
                result.put(key, tuple);
            }
        }
        return result;
    }

    private static boolean isStackFile(Path path) {
        String name = path.getFileName().toString();
        return Files.isRegularFile(path) && (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json"));
    }

    private static String display(Path projectDir, Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path root = projectDir.toAbsolutePath().normalize();
        return (absolute.startsWith(root) ? root.relativize(absolute) : absolute).toString().replace('\\', '/');
    }
}
