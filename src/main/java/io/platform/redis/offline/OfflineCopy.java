package io.platform.redis.offline;

import io.platform.redis.module.RedisVariables;
import io.platform.redis.files.Directories;
import io.platform.redis.files.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A throw-away copy of a generated configuration that real terraform can init, validate, plan and test without AWS
 * credentials, a state backend or (where it cannot be installed) the hashicorp/random provider: the tests use it, and
 * so does {@code build/check} ({@link OfflineCheck}). Nothing here reaches a generated file a user deploys.
 *
 * <p>The stand-in technique: every {@code random_password} becomes a {@code terraform_data} of the same name and
 * count whose {@code output} holds a 32-character alphanumeric value (the shape the real resource produces), one per
 * instance (from the name and the instance's key, so two passwords of one user differ as real ones do), references {@code random_password.X...result} become {@code terraform_data.X...output}, and
 * {@code hashicorp/random} leaves {@code required_providers} and the test files' mocks. Everything else, the AWS
 * resources, expressions, validation blocks, preconditions and outputs, is planned by real terraform unchanged.
 * What this cannot check here is the random provider's own behaviour: the password's length and character set are
 * asserted on the synthesized JSON instead (ModuleJsonTest).
 *
 * <p>To plan a root configuration, {@link #asRoot} adds an override file: local state, and an AWS provider that
 * makes no AWS call (dummy keys, every remote check skipped).
 */
public final class OfflineCopy implements AutoCloseable {
    // an index may hold one level of brackets itself: random_password.x[local.keys[each.key]].result
    private static final Pattern RANDOM_REFERENCE = Pattern.compile("random_password\\.(\\w+)((?:\\[(?:[^\\[\\]]|\\[[^\\[\\]]*\\])*\\])?)\\.result");

    private final Path dir;

    private OfflineCopy(Path dir) {
        this.dir = dir;
    }

    /** Copies {@code source} into a new temporary folder and applies the stand-ins; close() deletes it. */
    public static OfflineCopy of(Path source) {
        return of(source, true);
    }

    /** The same, with the random provider's stand-in only when {@code standInRandom} (it cannot be installed). */
    public static OfflineCopy of(Path source, boolean standInRandom) {
        try {
            Path copy = Files.createTempDirectory("redis-offline-");
            Directories.copy(source, copy);
            if (!standInRandom) {
                return new OfflineCopy(copy);
            }
            try (Stream<Path> walk = Files.walk(copy)) {
                for (Path file : walk.filter(Files::isRegularFile).toList()) {
                    String name = file.getFileName().toString();
                    if (name.endsWith(".tf.json")) {
                        Json.write(file, standIn(Json.read(file)));
                    } else if (name.endsWith(".tf")) {
                        Files.writeString(file, standInHcl(Files.readString(file)));
                    } else if (name.endsWith(".tftest.hcl")) {
                        Files.writeString(file, Files.readString(file).replace("mock_provider \"random\" {}\n", ""));
                    }
                }
            }
            return new OfflineCopy(copy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path dir() {
        return dir;
    }

    /**
     * Makes {@code configDir} (inside the copy) plannable as a root configuration that has a provider block: an
     * override file swaps its state backend for a local one and sets the AWS provider to make no AWS call.
     */
    public Path asRoot(Path configDir) {
        return override(configDir, Map.of("terraform", Map.of("backend", Map.of("local", Map.of("path", "offline.tfstate")))));
    }

    /**
     * Makes {@code configDir} (inside the copy), a configuration with a provider block called as a module of another
     * root, make no AWS call: the provider part of {@link #asRoot} (a child module has no backend).
     */
    public Path asCalledModule(Path configDir) {
        return override(configDir, Map.of());
    }

    /** Writes the override file of {@code configDir}: the AWS provider making no AWS call, and {@code more}. */
    private Path override(Path configDir, Map<String, Object> more) {
        Map<String, Object> override = new LinkedHashMap<>(more);
        override.put("provider", Map.of("aws", offlineProvider()));
        Json.write(configDir.resolve("zz_offline_override.tf.json"), override);
        return configDir;
    }

    /**
     * Makes the copy plannable as a root when it declares no provider (the module on its own): a provider block
     * for no AWS calls, and the catalog's valid example as variable values ({@code -var-file=example.tfvars.json}).
     */
    public Path asModuleRoot() {
        Map<String, Object> aws = new LinkedHashMap<>(offlineProvider());
        aws.put("region", "eu-west-1");
        Json.write(dir.resolve("offline_provider.tf.json"), Map.of("provider", Map.of("aws", aws)));
        Json.write(dir.resolve("example.tfvars.json"), RedisVariables.EXAMPLE);
        return dir;
    }

    @Override
    public void close() {
        Directories.deleteIfExists(dir);
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

    private static final Pattern HCL_PASSWORD_BLOCK = Pattern.compile(
            "(?m)^resource \"random_password\" \"(\\w+)\" \\{\n((?:[^\n]*\n)*?)\\}\n");
    private static final Pattern HCL_COUNT = Pattern.compile("(?m)^\\s*count\\s*=\\s*(.+)$");
    private static final Pattern HCL_FOR_EACH = Pattern.compile("(?m)^\\s*for_each\\s*=\\s*(.+)$");
    private static final Pattern HCL_RANDOM_REQUIREMENT = Pattern.compile("(?m)^\\s*random\\s*=\\s*\\{[^\n]*\\}\n");

    /**
     * The same stand-in on the exported HCL, whose layout the renderer fixes: a top-level block closes with "}" at
     * the start of a line, and a provider requirement is one line.
     */
    static String standInHcl(String text) {
        Matcher block = HCL_PASSWORD_BLOCK.matcher(text);
        StringBuilder out = new StringBuilder();
        while (block.find()) {
            Matcher count = HCL_COUNT.matcher(block.group(2));
            Matcher forEach = HCL_FOR_EACH.matcher(block.group(2));
            boolean counted = count.find();
            boolean keyed = forEach.find();
            String replacement = "resource \"terraform_data\" \"" + block.group(1) + "\" {\n"
                    + (counted ? "  count = " + count.group(1).strip() + "\n" : "")
                    + (keyed ? "  for_each = " + forEach.group(1).strip() + "\n" : "")
                    + "  input = " + standInValue(block.group(1), counted, keyed) + "\n}\n";
            block.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        block.appendTail(out);
        String withoutRandom = HCL_RANDOM_REQUIREMENT.matcher(out.toString()).replaceAll("");
        return RANDOM_REFERENCE.matcher(withoutRandom).replaceAll("terraform_data.$1$2.output");
    }

    /** The expression of one instance's stand-in password: 32 hex digits from the resource name and the instance. */
    static String standInValue(String name, boolean counted, boolean keyed) {
        String instance = keyed ? "/${each.key}" : counted ? "/${count.index}" : "";
        return "substr(sha1(\"" + name + instance + "\"), 0, 32)";
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> standIn(Map<String, Object> config) {
        Map<String, Object> resources = (Map<String, Object>) config.get("resource");
        if (resources != null && resources.containsKey("random_password")) {
            Map<String, Object> passwords = (Map<String, Object>) resources.remove("random_password");
            // merged into the configuration's own terraform_data resources (the module's guard), never replacing them
            Map<String, Object> standIns = (Map<String, Object>) resources.computeIfAbsent("terraform_data", t -> new LinkedHashMap<>());
            passwords.forEach((name, body) -> {
                Map<String, Object> standIn = new LinkedHashMap<>();
                for (String meta : List.of("count", "for_each")) {
                    Object value = ((Map<String, Object>) body).get(meta);
                    if (value != null) {
                        standIn.put(meta, value);
                    }
                }
                standIn.put("input", "${" + standInValue(name, standIn.containsKey("count"), standIn.containsKey("for_each")) + "}");
                standIns.put(name, standIn);
            });
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
