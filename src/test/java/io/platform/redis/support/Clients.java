package io.platform.redis.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The real clients of the two designs, run as scripts from {@code src/test/clients}: Django, django-redis and Celery
 * under Debian's Python ({@code /usr/bin/python3}, where Debian's {@code python3-*} packages live), ioredis under
 * Node from the project's {@code node_modules}. {@link #missing()} says what is not installed, so the checks can
 * report themselves skipped with the reason; {@code .ci/run} installs everything.
 */
public final class Clients {
    public static final Path SCRIPTS = Path.of("src", "test", "clients").toAbsolutePath();
    static final String PYTHON = "/usr/bin/python3";
    private static final long TIMEOUT_SECONDS = 120;

    private Clients() {
    }

    public record Result(int exitCode, String output) {
        public String lastLine() {
            return output.strip().lines().reduce((a, b) -> b).orElse("");
        }
    }

    /** Why the client checks cannot run here, or empty when everything they need is installed. */
    public static Optional<String> missing() {
        List<String> missing = new ArrayList<>();
        if (!onPath("redis-server")) {
            missing.add("redis-server (Debian package redis-server)");
        }
        if (!onPath("openssl")) {
            missing.add("openssl");
        }
        if (!Files.isExecutable(Path.of(PYTHON))) {
            missing.add(PYTHON);
        } else if (run(List.of(PYTHON, "-c", "import django, django_redis, celery, kombu, redis"), Map.of(), 60).exitCode() != 0) {
            missing.add("python3-django, python3-django-redis, python3-celery, python3-kombu, python3-redis (Debian packages)");
        }
        if (!Files.isDirectory(Path.of("node_modules", "ioredis"))) {
            missing.add("ioredis in node_modules (npm ci)");
        }
        return missing.isEmpty() ? Optional.empty() : Optional.of("not installed: " + String.join("; ", missing));
    }

    /** Runs a check of {@code django_celery.py} with the given environment. */
    public static Result python(String check, Map<String, String> env) {
        return run(List.of(PYTHON, SCRIPTS.resolve("django_celery.py").toString(), check), env, TIMEOUT_SECONDS);
    }

    /** Runs a check of {@code chat.js} with the given environment. */
    public static Result node(String check, Map<String, String> env) {
        return run(List.of("node", SCRIPTS.resolve("chat.js").toString(), check), env, TIMEOUT_SECONDS);
    }

    private static Result run(List<String> command, Map<String, String> env, long timeoutSeconds) {
        try {
            Path output = Files.createTempFile("client-check-", ".log");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
                builder.environment().put("NODE_PATH", Path.of("node_modules").toAbsolutePath().toString());
                builder.environment().putAll(env);
                Process process = builder.start();
                if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    return new Result(-1, "timed out after " + timeoutSeconds + " s:\n" + Files.readString(output));
                }
                return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                return true;
            }
        }
        return false;
    }
}
