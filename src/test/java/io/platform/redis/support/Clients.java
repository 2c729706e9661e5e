package io.platform.redis.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
    public static Processes.Result python(String check, Map<String, String> env) {
        return run(List.of(PYTHON, SCRIPTS.resolve("django_celery.py").toString(), check), env, TIMEOUT_SECONDS);
    }

    /** Runs a check of {@code chat.js} with the given environment. */
    public static Processes.Result node(String check, Map<String, String> env) {
        return run(List.of("node", SCRIPTS.resolve("chat.js").toString(), check), env, TIMEOUT_SECONDS);
    }

    private static Processes.Result run(List<String> command, Map<String, String> env, long timeoutSeconds) {
        Map<String, String> environment = new java.util.HashMap<>();
        environment.put("NODE_PATH", Path.of("node_modules").toAbsolutePath().toString());
        environment.putAll(env);
        return Processes.run(command, environment, true, timeoutSeconds);
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
