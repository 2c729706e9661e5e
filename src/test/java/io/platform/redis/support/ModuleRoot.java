package io.platform.redis.support;

import io.platform.redis.files.Directories;
import io.platform.redis.files.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A root configuration that calls the synthesized module, as the plan tests build them: a scratch folder under
 * target/ with the module at ./modules/redis (without its own tests), and module calls written as Terraform JSON.
 */
public final class ModuleRoot {
    private ModuleRoot() {
    }

    /** A new empty folder under target/ (the test JVM's files stay in the build folder). */
    public static Path scratch(String prefix) {
        try {
            return Files.createTempDirectory(Files.createDirectories(Path.of("target")).toAbsolutePath(), prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A scratch folder holding the synthesized module at modules/redis. */
    public static Path withModule(Synthesized synthesized, String prefix) {
        Path root = scratch(prefix);
        Directories.copy(synthesized.module, root.resolve("modules/redis"));
        Directories.deleteIfExists(root.resolve("modules/redis/tests"));
        return root;
    }

    /** main.tf.json in {@code dir}: one call of ./modules/redis per entry, the AWS provider in eu-west-1. */
    public static void writeCalls(Path dir, Map<String, ? extends Map<String, Object>> calls) {
        Map<String, Object> modules = new LinkedHashMap<>();
        calls.forEach((name, values) -> {
            Map<String, Object> call = new LinkedHashMap<>();
            call.put("source", "./modules/redis");
            call.putAll(values);
            modules.put(name, call);
        });
        Json.write(dir.resolve("main.tf.json"), Map.of("module", modules,
                "provider", Map.of("aws", Map.of("region", "eu-west-1")),
                "terraform", Map.of("required_providers", Map.of("aws", Map.of("source", "hashicorp/aws")))));
    }
}
