package io.platform.redis.support;

import io.platform.redis.module.RedisVariables;
import io.platform.redis.synth.Directories;
import io.platform.redis.synth.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A throw-away copy of a generated configuration that real terraform can init, validate, plan and test on this
 * machine, which has an offline mirror of hashicorp/aws and no hashicorp/random. Only tests use it; nothing here
 * reaches a generated file a user deploys.
 *
 * <p>The stand-in technique: every {@code random_password} becomes a {@code terraform_data} of the same name and
 * count whose {@code output} holds a fixed 32-character alphanumeric value (the shape the real resource
 * produces), references {@code random_password.X...result} become {@code terraform_data.X...output}, and
 * {@code hashicorp/random} leaves {@code required_providers} and the test files' mocks. Everything else, the AWS
 * resources, expressions, validation blocks, preconditions and outputs, is planned by real terraform unchanged.
 * What this cannot check here is the random provider's own behaviour: the password's length and character set are
 * asserted on the synthesized JSON instead (ModuleJsonTest).
 *
 * <p>For a root configuration, an override file swaps the state backend for a local one and configures the AWS
 * provider to make no AWS call (dummy keys, every remote check skipped).
 */
public final class OfflineCopy {
    static final String STAND_IN_TOKEN = "StandInStandInStandInStandIn0000";
    private static final Pattern RANDOM_REFERENCE = Pattern.compile("random_password\\.(\\w+)((?:\\[[^\\]]*\\])?)\\.result");

    private OfflineCopy() {
    }

    /** Copies {@code source} into a new temporary folder, applies the stand-ins, and returns the copy. */
    public static Path of(Path source, boolean rootConfiguration) {
        try {
            Path copy = Files.createTempDirectory("redis-offline-");
            Directories.copy(source, copy);
            try (Stream<Path> walk = Files.walk(copy)) {
                for (Path file : walk.filter(Files::isRegularFile).toList()) {
                    String name = file.getFileName().toString();
                    if (name.endsWith(".tf.json")) {
                        Json.write(file, standIn(Json.read(file)));
                    } else if (name.endsWith(".tftest.hcl")) {
                        Files.writeString(file, Files.readString(file).replace("mock_provider \"random\" {}\n", ""));
                    }
                }
            }
            if (rootConfiguration) {
                Json.write(copy.resolve("zz_offline_override.tf.json"), Map.of(
                        "terraform", Map.of("backend", Map.of("local", Map.of("path", "offline.tfstate"))),
                        "provider", Map.of("aws", offlineProvider())));
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A provider block for a configuration that has none (the module planned as a root). */
    public static Map<String, Object> providerFile() {
        Map<String, Object> aws = new LinkedHashMap<>(offlineProvider());
        aws.put("region", "eu-west-1");
        return Map.of("provider", Map.of("aws", aws));
    }

    /** Variable values for planning the module on its own: the catalog's valid example. */
    public static Map<String, Object> exampleVariables() {
        return RedisVariables.EXAMPLE;
    }

    private static Map<String, Object> offlineProvider() {
        Map<String, Object> aws = new LinkedHashMap<>();
        aws.put("access_key", "offline-plan-only");
        aws.put("secret_key", "offline-plan-only");
        aws.put("skip_credentials_validation", true);
        aws.put("skip_requesting_account_id", true);
        aws.put("skip_metadata_api_check", true);
        aws.put("skip_region_validation", true);
        return aws;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> standIn(Map<String, Object> config) {
        Map<String, Object> resources = (Map<String, Object>) config.get("resource");
        if (resources != null && resources.containsKey("random_password")) {
            Map<String, Object> passwords = (Map<String, Object>) resources.remove("random_password");
            Map<String, Object> standIns = new LinkedHashMap<>();
            passwords.forEach((name, body) -> {
                Map<String, Object> standIn = new LinkedHashMap<>();
                Object count = ((Map<String, Object>) body).get("count");
                if (count != null) {
                    standIn.put("count", count);
                }
                standIn.put("input", STAND_IN_TOKEN);
                standIns.put(name, standIn);
            });
            resources.put("terraform_data", standIns);
        }
        Map<String, Object> terraform = (Map<String, Object>) config.get("terraform");
        if (terraform != null && terraform.get("required_providers") instanceof Map<?, ?> providers) {
            providers.remove("random");
        }
        if (config.get("provider") instanceof Map<?, ?> providers) {
            providers.remove("random");
        }
        String text = Json.render(config);
        return Json.parse(RANDOM_REFERENCE.matcher(text).replaceAll("terraform_data.$1$2.output"));
    }
}
