package io.platform.redis.module;

import io.platform.redis.stacks.ProviderVersions;
import io.platform.redis.synth.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns the synthesized JSON of {@link RedisModuleStack} into a standalone Terraform module: no provider or backend
 * blocks, no cdktf metadata, lower-bound version constraints, and the conventional file split (versions, variables,
 * main, outputs) plus a README whose tables are generated from {@link RedisVariables} and {@link RedisOutputs}.
 */
public final class ModuleExporter {
    private ModuleExporter() {
    }

    /** The files of the module, by relative path, in writing order. */
    public static Map<String, String> files(Map<String, Object> synthesized) {
        @SuppressWarnings("unchecked")
        Map<String, Object> config = (Map<String, Object>) withoutMetadata(synthesized);
        Map<String, Object> terraform = new LinkedHashMap<>();
        terraform.put("required_version", ProviderVersions.TERRAFORM);
        terraform.put("required_providers", ProviderVersions.requiredProviders(true));

        Map<String, String> files = new LinkedHashMap<>();
        files.put("versions.tf.json", Json.render(Map.of("terraform", terraform)));
        files.put("variables.tf.json", Json.render(Map.of("variable", variables(config))));
        Map<String, Object> main = new LinkedHashMap<>();
        main.put("locals", config.get("locals"));
        main.put("resource", config.get("resource"));
        files.put("main.tf.json", Json.render(main));
        files.put("outputs.tf.json", Json.render(Map.of("output", config.get("output"))));
        files.put("README.md", ModuleReadme.render());
        files.putAll(ModuleTests.files());
        return files;
    }

    public static void write(Map<String, String> files, Path directory) {
        try {
            for (var file : files.entrySet()) {
                Path target = directory.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Variables as cdktf wrote them, plus {@code default = null} where an unset value means null. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> variables(Map<String, Object> config) {
        Map<String, Object> declared = (Map<String, Object>) config.get("variable");
        Map<String, Object> result = new LinkedHashMap<>();
        for (Variable variable : RedisVariables.ALL) {
            Map<String, Object> body = new LinkedHashMap<>((Map<String, Object>) declared.get(variable.name()));
            if (variable.nullable()) {
                body.put("default", null);
            }
            result.put(variable.name(), body);
        }
        return result;
    }

    /** The value without cdktf's "//" metadata entries, at any depth. */
    @SuppressWarnings("unchecked")
    static Object withoutMetadata(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                if (!"//".equals(k)) {
                    copy.put((String) k, withoutMetadata(v));
                }
            });
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ModuleExporter::withoutMetadata).collect(Collectors.toList());
        }
        return value;
    }

    static String resource(String name) {
        try (InputStream in = ModuleExporter.class.getResourceAsStream("/module/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource /module/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
