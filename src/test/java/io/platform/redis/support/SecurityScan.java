package io.platform.redis.support;

import io.platform.redis.files.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Scans a tree of generated files for what must never ship: an open ingress range, encryption turned off without
 * the stack file saying so, AUTH without TLS, a plaintext secret, missing slow/engine log delivery, a generated
 * password outside the characters ElastiCache accepts.
 */
public final class SecurityScan {
    private static final Set<String> SECRET_KEYS = Set.of("auth_token", "secret_string", "password");
    /** Text for people, not configuration: a description may say "never 0.0.0.0/0". */
    private static final Set<String> NARRATIVE_KEYS = Set.of("description", "error_message");
    private static final Pattern HCL_TOKEN = Pattern.compile("auth_token\\s*=\\s*\"([^\"]*)\"");
    /** The marker test fixtures carry, so a fixture can never be mistaken for (or be) a real token. */
    public static final String FIXTURE_MARKER = "Not-a-secret";

    private SecurityScan() {
    }

    /**
     * @param explicitlyOff "stack/key" pairs a stack file set to false on purpose, e.g. "dev/transit_encryption_enabled"
     */
    @SuppressWarnings("unchecked")
    public static List<String> problems(Path root, Set<String> explicitlyOff) {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> files = walk.filter(Files::isRegularFile).sorted().toList();
            // HCL configurations (the exported module and its copies) are read back as Terraform JSON and scanned alike.
            List<Path> hclDirs = files.stream().filter(f -> f.getFileName().toString().endsWith(".tf")).map(Path::getParent).distinct().toList();
            HclFiles.parseAll(hclDirs).forEach((dir, parsed) -> {
                String name = root.relativize(dir).toString().replace('\\', '/') + "/*.tf";
                scanJson(name, (Map<String, Object>) HclFiles.canonical(parsed, null), explicitlyOff, problems);
            });
            for (Path file : files) {
                String name = root.relativize(file).toString().replace('\\', '/');
                if (name.endsWith(".tf.json")) {
                    scanJson(name, Json.read(file), explicitlyOff, problems);
                } else if (name.endsWith(".tftest.hcl") || name.endsWith(".md") || name.endsWith(".tf")) {
                    Matcher m = HCL_TOKEN.matcher(Files.readString(file));
                    while (m.find()) {
                        if (!m.group(1).contains(FIXTURE_MARKER)) {
                            problems.add(name + ": plaintext auth_token \"" + m.group(1).replaceAll(".", "*") + "\"");
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return problems;
    }

    @SuppressWarnings("unchecked")
    private static void scanJson(String file, Map<String, Object> json, Set<String> explicitlyOff, List<String> problems) {
        walk(file, "", json, problems);
        String stack = file.startsWith("stacks/") ? file.split("/")[1] : null;
        if (json.get("module") instanceof Map<?, ?> modules) {
            modules.forEach((name, body) -> {
                Map<String, Object> call = (Map<String, Object>) body;
                for (String key : List.of("at_rest_encryption_enabled", "transit_encryption_enabled")) {
                    if (Boolean.FALSE.equals(call.get(key)) && !explicitlyOff.contains(stack + "/" + key)) {
                        problems.add(file + ": module." + name + "." + key + " = false without the stack file's explicit key");
                    }
                }
                if (Boolean.TRUE.equals(call.get("auth_token_enabled")) && Boolean.FALSE.equals(call.get("transit_encryption_enabled"))) {
                    problems.add(file + ": module." + name + ": AUTH without TLS");
                }
            });
        }
        if (json.get("variable") instanceof Map<?, ?> variables) {
            for (String key : List.of("at_rest_encryption_enabled", "transit_encryption_enabled")) {
                if (variables.get(key) instanceof Map<?, ?> v && !Boolean.TRUE.equals(v.get("default"))) {
                    problems.add(file + ": variable " + key + " does not default to true");
                }
            }
            if (variables.get("auth_token") instanceof Map<?, ?> v && v.get("default") != null) {
                problems.add(file + ": variable auth_token has a default value");
            }
        }
        if (json.get("resource") instanceof Map<?, ?> resources) {
            if (resources.get("aws_elasticache_replication_group") instanceof Map<?, ?> groups) {
                groups.forEach((name, body) -> {
                    Map<String, Object> group = (Map<String, Object>) body;
                    for (String key : List.of("at_rest_encryption_enabled", "transit_encryption_enabled")) {
                        Object value = group.get(key);
                        if (!(value instanceof String s && s.startsWith("${var.")) && !Boolean.TRUE.equals(value)) {
                            problems.add(file + ": replication group " + name + "." + key + " = " + value);
                        }
                    }
                    List<Object> logs = (List<Object>) group.getOrDefault("log_delivery_configuration", List.of());
                    List<Object> types = logs.stream().map(l -> ((Map<String, Object>) l).get("log_type")).toList();
                    if (!types.containsAll(List.of("slow-log", "engine-log"))) {
                        problems.add(file + ": replication group " + name + " delivers logs " + types + ", not slow-log and engine-log");
                    }
                });
            }
            if (resources.get("random_password") instanceof Map<?, ?> passwords) {
                passwords.forEach((name, body) -> {
                    Map<String, Object> password = (Map<String, Object>) body;
                    Object length = password.get("length");
                    boolean specialsOk = Boolean.FALSE.equals(password.get("special"))
                            || (password.get("override_special") instanceof String o && o.matches("[!&#$^<>-]*"));
                    if (!specialsOk || !(length instanceof Integer n && n >= 16 && n <= 128)) {
                        problems.add(file + ": random_password." + name + " may produce a token ElastiCache rejects");
                    }
                });
            }
        }
    }

    private static void walk(String file, String path, Object value, List<String> problems) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, child) -> {
                String childPath = path.isEmpty() ? String.valueOf(key) : path + "." + key;
                if (SECRET_KEYS.contains(String.valueOf(key)) && child instanceof String text && !text.contains("${")) {
                    problems.add(file + ": " + childPath + " holds a plaintext secret");
                }
                if (!NARRATIVE_KEYS.contains(String.valueOf(key))) {
                    walk(file, childPath, child, problems);
                }
            });
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(file, path + "[" + i + "]", list.get(i), problems);
            }
        } else if (value instanceof String text && (text.contains("0.0.0.0/0") || text.contains("::/0"))) {
            problems.add(file + ": " + path + " opens ingress to the whole internet (" + text + ")");
        }
    }
}
