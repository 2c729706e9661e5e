package io.platform.redis.module;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which file of the exported module each part of its configuration goes to, by concern: the security group and its
 * rules, the log groups, the alarms (with the locals that build them), everything else of the cluster in main.tf, and
 * the moved blocks that carry states written by earlier versions in moved.tf.
 */
final class ModuleFiles {
    private ModuleFiles() {
    }

    static final Map<String, String> RESOURCE_FILES = Map.of(
            "aws_security_group", "security_group.tf",
            "aws_vpc_security_group_ingress_rule", "security_group.tf",
            "aws_cloudwatch_log_group", "logs.tf",
            "aws_cloudwatch_metric_alarm", "alarms.tf");

    /** Locals are filed with the resources they serve, by name prefix. */
    static final Map<String, String> LOCAL_PREFIX_FILES = Map.of(
            "alarm", "alarms.tf",
            "ingress_", "security_group.tf",
            "security_group", "security_group.tf");

    /** The HCL files of the module, in writing order; with the README, what the jar ships (tests stay out). */
    public static final List<String> ORDER = List.of("versions.tf", "variables.tf", "main.tf", "security_group.tf", "logs.tf",
            "alarms.tf", "outputs.tf", "moved.tf");

    /** The configuration split into one Terraform JSON document per file, in {@link #ORDER}. */
    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> split(Map<String, Object> config) {
        Map<String, Map<String, Object>> files = new LinkedHashMap<>();
        ORDER.forEach(name -> files.put(name, new LinkedHashMap<>()));
        files.get("versions.tf").put("terraform", config.get("terraform"));
        files.get("variables.tf").put("variable", config.get("variable"));
        ((Map<String, Object>) config.get("locals")).forEach((name, value) ->
                section(files, localFile(name), "locals").put(name, value));
        for (String kind : List.of("data", "resource")) {
            Map<String, Object> byType = (Map<String, Object>) config.getOrDefault(kind, Map.of());
            byType.forEach((type, named) -> ((Map<String, Object>) named).forEach((name, body) ->
                    ((Map<String, Object>) section(files, RESOURCE_FILES.getOrDefault(type, "main.tf"), kind)
                            .computeIfAbsent(type, t -> new LinkedHashMap<>())).put(name, body)));
        }
        files.get("outputs.tf").put("output", config.get("output"));
        if (config.containsKey("moved")) {
            // where former addresses now live: upgrades of a running module plan no replacement
            files.get("moved.tf").put("moved", config.get("moved"));
        }
        files.values().removeIf(Map::isEmpty);
        return files;
    }

    private static String localFile(String name) {
        return LOCAL_PREFIX_FILES.entrySet().stream().filter(e -> name.startsWith(e.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse("main.tf");
    }

    private static Map<String, Object> section(Map<String, Map<String, Object>> files, String file, String key) {
        @SuppressWarnings("unchecked")
        Map<String, Object> section = (Map<String, Object>) files.get(file).computeIfAbsent(key, k -> new LinkedHashMap<>());
        return section;
    }
}
