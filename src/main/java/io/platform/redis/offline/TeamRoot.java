package io.platform.redis.offline;

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
 * A team's own root configuration (a folder of {@code .tf} / {@code .tf.json} files), gathered for an offline check:
 * the folder is copied to {@code root/}, and every module it calls by a local path ({@code source = "../modules/redis"})
 * to {@code modules/<n>/}, its source rewritten to the copy, so the whole gathers in one folder that
 * {@link OfflineCopy} can give its stand-ins. Registry and git sources are left as they are (init fetches them).
 */
final class TeamRoot {
    private static final Pattern LOCAL_SOURCE = Pattern.compile("(\\bsource\\s*=\\s*\")(\\.{1,2}/[^\"]*)(\")");

    private final Path staging;
    private final Map<Path, String> copied = new LinkedHashMap<>();

    private TeamRoot(Path staging) {
        this.staging = staging;
    }

    /** True when {@code dir} holds Terraform files of its own. */
    static boolean isConfiguration(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).anyMatch(name -> name.endsWith(".tf") || name.endsWith(".tf.json"));
        } catch (IOException e) {
            return false;
        }
    }

    /** Gathers {@code root} and its local modules into {@code staging}; returns the root's folder there. */
    static Path gather(Path root, Path staging) {
        TeamRoot team = new TeamRoot(staging);
        Path copy = staging.resolve("root");
        team.copy(root.toAbsolutePath().normalize(), copy);
        return copy;
    }

    private void copy(Path original, Path copy) {
        Directories.copy(original, copy);
        Directories.deleteIfExists(copy.resolve(".terraform"));
        try (Stream<Path> files = Files.list(copy)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".tf")) {
                    Files.writeString(file, rewriteHcl(Files.readString(file), original, copy));
                } else if (name.endsWith(".tf.json")) {
                    Json.write(file, rewriteJson(Json.read(file), original, copy));
                } else if (name.equals("terraform.tfstate") || name.startsWith("terraform.tfstate.") || name.equals(".terraform.lock.hcl")) {
                    Files.delete(file); // the check plans from an empty state, and locks what the mirror holds
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String rewriteHcl(String text, Path original, Path copy) {
        Matcher matcher = LOCAL_SOURCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(matcher.group(1) + local(matcher.group(2), original, copy) + matcher.group(3)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> rewriteJson(Map<String, Object> config, Path original, Path copy) {
        if (config.get("module") instanceof Map<?, ?> modules) {
            for (Object call : modules.values()) {
                if (call instanceof Map<?, ?> body && body.get("source") instanceof String source && (source.startsWith("./") || source.startsWith("../"))) {
                    ((Map<String, Object>) body).put("source", local(source, original, copy));
                }
            }
        }
        return config;
    }

    /** The copy's relative source for a local module of {@code original}, copying the module once. */
    private String local(String source, Path original, Path copy) {
        Path module = original.resolve(source).normalize();
        if (module.startsWith(original)) {
            return source; // inside the folder: copied with it
        }
        String name = copied.get(module);
        if (name == null) {
            name = copied.size() + "-" + module.getFileName();
            copied.put(module, name);
            copy(module, staging.resolve("modules").resolve(name));
        }
        String relative = copy.relativize(staging.resolve("modules").resolve(name)).toString().replace('\\', '/');
        return relative.startsWith(".") ? relative : "./" + relative;
    }

    /** For the report: the local modules gathered. */
    static List<String> describe(Path staging) {
        Path modules = staging.resolve("modules");
        if (!Files.isDirectory(modules)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(modules)) {
            return list.map(p -> p.getFileName().toString().replaceFirst("^\\d+-", "")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
