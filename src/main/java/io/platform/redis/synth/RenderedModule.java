package io.platform.redis.synth;

import io.platform.redis.files.Directories;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The module's files, rendered again only when the code that renders them changed. The module depends on the code
 * alone (never on the stack files), so after a stack-file edit the files the last run wrote are the files this run
 * would render: they are reused when the launcher says the code is the one of the last run ({@code codeKey}, a hash of
 * the compiled classes and the class path) and every file of {@code modules/redis} is byte for byte what that run
 * wrote (a hand edit, a deleted file or an extra one renders the module anew, which puts it right).
 *
 * <p>The record is {@code <state>/module-files.sha256}: the code key, then one line per file with its SHA-256.
 */
final class RenderedModule {
    static final String RECORD = "module-files.sha256";

    private RenderedModule() {
    }

    /** The launcher's settings, from system properties; without them (tests, other callers) nothing is reused. */
    record Settings(Path state, String codeKey, boolean force) {
        static Settings fromSystemProperties() {
            String state = System.getProperty("redis.synth.state");
            String codeKey = System.getProperty("redis.synth.codeKey");
            return state == null || codeKey == null || codeKey.isBlank() ? null
                    : new Settings(Path.of(state), codeKey, Boolean.getBoolean("redis.synth.force"));
        }
    }

    /** The files in {@code moduleDir} when they are the last run's for this code, else {@code render}'s. */
    static Map<String, String> files(Settings settings, Path moduleDir, Supplier<Map<String, String>> render) {
        if (settings != null && !settings.force()) {
            Map<String, String> reused = reusable(settings, moduleDir);
            if (reused != null) {
                return reused;
            }
        }
        return render.get();
    }

    /** Records what this run wrote, for the next one. */
    static void remember(Settings settings, Map<String, String> files) {
        if (settings == null) {
            return;
        }
        List<String> lines = new ArrayList<>(List.of(settings.codeKey()));
        files.forEach((path, text) -> lines.add(sha256(text.getBytes(StandardCharsets.UTF_8)) + "  " + path));
        try {
            Files.createDirectories(settings.state());
            Files.write(settings.state().resolve(RECORD), lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> reusable(Settings settings, Path moduleDir) {
        Path record = settings.state().resolve(RECORD);
        if (!Files.isRegularFile(record) || !Files.isDirectory(moduleDir)) {
            return null;
        }
        try {
            List<String> lines = Files.readAllLines(record, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).equals(settings.codeKey())) {
                return null;
            }
            Map<String, byte[]> onDisk = Directories.snapshot(moduleDir);
            if (onDisk.size() != lines.size() - 1) {
                return null;
            }
            Map<String, String> files = new java.util.LinkedHashMap<>();
            for (String line : lines.subList(1, lines.size())) {
                String path = line.substring(line.indexOf("  ") + 2);
                byte[] bytes = onDisk.get(path);
                if (bytes == null || !sha256(bytes).equals(line.substring(0, line.indexOf("  ")))) {
                    return null;
                }
                files.put(path, new String(bytes, StandardCharsets.UTF_8));
            }
            return files;
        } catch (IOException | RuntimeException e) {
            return null; // an unreadable record or folder: render anew
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
