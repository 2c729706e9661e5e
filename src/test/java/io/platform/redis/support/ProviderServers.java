package io.platform.redis.support;

import io.platform.redis.files.Json;
import io.platform.redis.offline.GoCollector;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Running AWS provider processes that terraform attaches to ({@code TF_REATTACH_PROVIDERS}) instead of starting the
 * 700 MB provider binary itself. Terraform starts a provider for every command that needs its schema, and
 * {@code terraform test} starts it four times per run block: measured here, 77 mocked runs of the module's tests took
 * 38 s with a fresh provider each time and 7.5 s attached to one running provider. The checks are unchanged: the
 * same binary from the same mirror answers the same calls.
 *
 * <p>A server serves one terraform command at a time ({@link #lease}): a provider keeps the configuration of its
 * last {@code ConfigureProvider} call, so two plans with different provider settings must never share one at once.
 * The pool grows to one server per concurrent command. Each server runs under a shell that stops it when its stdin
 * closes, so a test JVM that dies leaves no provider behind.
 *
 * <p>Terraform reaches each server through a {@link SchemaTrimmingRelay}, which answers the schema request with the
 * types the project names; a server runs with warnings-only logging. {@link #dedicated} starts a server of one
 * command's own, for a provider setting that only its environment can carry.
 *
 * <p>Where the mirror holds the provider packed (zip) or a server does not come up, terraform starts providers
 * itself as usual (slower, same checks).
 */
final class ProviderServers {
    private static final Pattern REATTACH = Pattern.compile("TF_REATTACH_PROVIDERS='(\\{.*\\})'");
    private static final long START_SECONDS = 60;

    private final Path binary;
    /** The provider's schema answer trimmed to the project's types, once a relay asked for it (SchemaTrimmingRelay). */
    private final AtomicReference<byte[]> schema = new AtomicReference<>();
    private Set<String> namedTypes;
    private final LinkedBlockingQueue<Server> idle = new LinkedBlockingQueue<>();
    private final List<Server> all = new ArrayList<>();
    private boolean broken;

    private ProviderServers(Path binary) {
        this.binary = binary;
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "stop-provider-servers"));
    }

    /** Servers of the newest unpacked hashicorp/aws in {@code mirror} for this platform; empty when there is none. */
    static Optional<ProviderServers> of(Path mirror) {
        Path versions = mirror.resolve("registry.terraform.io/hashicorp/aws");
        try (Stream<Path> found = Files.walk(versions, 3)) {
            return found.filter(p -> p.getFileName().toString().startsWith("terraform-provider-aws") && Files.isExecutable(p))
                    .filter(p -> p.getParent().getFileName().toString().equals(platform()))
                    .max(Comparator.comparing(p -> Version.of(p.getParent().getParent().getFileName().toString())))
                    .map(ProviderServers::new);
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /** A server for one terraform command: its TF_REATTACH_PROVIDERS value, empty when none can be had. */
    Lease lease() {
        Server server = idle.poll();
        if (server == null) {
            server = start(Map.of());
        }
        return new Lease(server, true);
    }

    /**
     * A server of its own, started with {@code environment} added to the provider's (settings only a provider's
     * environment gives, such as a service's endpoint), stopped when the lease closes.
     */
    Lease dedicated(Map<String, String> environment) {
        return new Lease(start(environment), false);
    }

    final class Lease implements AutoCloseable {
        private final Server server;
        private final boolean pooled;

        private Lease(Server server, boolean pooled) {
            this.server = server;
            this.pooled = pooled;
        }

        Optional<String> reattach() {
            return Optional.ofNullable(server).map(Server::reattach);
        }

        /** The CPU time the leased provider has used so far, in seconds (0 without one): REDIS_TEST_TIMING's figures. */
        double cpuSeconds() {
            return server == null ? 0 : server.process.descendants().mapToDouble(p -> p.info().totalCpuDuration()
                    .map(d -> d.toMillis() / 1000.0).orElse(0.0)).sum();
        }

        @Override
        public void close() {
            if (server != null && pooled && server.process.isAlive()) {
                idle.add(server);
            } else if (server != null && !pooled) {
                stop(server);
                synchronized (ProviderServers.this) {
                    all.remove(server);
                }
            }
        }
    }

    private record Server(Process process, String reattach, SchemaTrimmingRelay relay) {
    }

    private synchronized Server start(Map<String, String> environment) {
        if (broken) {
            return null;
        }
        try {
            Path log = Files.createTempFile("aws-provider-server-", ".log");
            log.toFile().deleteOnExit();
            // The shell lives as long as the provider, and interrupts it when its stdin (the JVM's pipe) closes: on
            // an interrupt the provider removes its socket file; a provider still there 2 s later is terminated. A
            // provider that dies ends the shell at once. (fd 3: a background job's own stdin is /dev/null.)
            ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", "exec 3<&0; \"$0\" -debug & provider=$!; "
                    + "(cat <&3 >/dev/null; kill -INT $provider; sleep 2; kill $provider) 2>/dev/null & wait $provider",
                    binary.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            // A provider adds AWS_CA_BUNDLE to its HTTP client when configured and refuses to do it a second time in
            // the same process; offline plans make no AWS call, so the bundle is left out rather than shared.
            builder.environment().remove("AWS_CA_BUNDLE");
            GoCollector.tune(builder.environment());
            // A provider in debug mode logs every request at trace level (about 50 MB of JSON for a few plans, a tenth
            // of its CPU in a plan, more in an apply): warnings and errors only, unless the caller asks for more.
            for (String logger : List.of("TF_LOG", "TF_LOG_SDK", "TF_LOG_SDK_PROTO", "TF_LOG_PROVIDER")) {
                builder.environment().putIfAbsent(logger, "WARN");
            }
            builder.environment().putAll(environment);
            Process process = builder.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
            while (process.isAlive() && System.nanoTime() < deadline) {
                Matcher line = REATTACH.matcher(Files.readString(log));
                if (line.find()) {
                    Server server = relayed(process, line.group(1));
                    all.add(server);
                    return server;
                }
                Thread.sleep(50);
            }
            stop(process);
            broken = true;
            System.out.println("[terraform] no running provider server (" + binary.getFileName()
                    + " -debug did not print its address): terraform starts providers itself\n" + Files.readString(log).strip());
            return null;
        } catch (IOException e) {
            broken = true;
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * The server as terraform reaches it: through a {@link SchemaTrimmingRelay} on a loopback port where one can run,
     * else at the provider's own socket.
     */
    @SuppressWarnings("unchecked")
    private Server relayed(Process process, String reattach) throws IOException {
        if (!SchemaTrimmingRelay.available()) {
            return new Server(process, reattach, null);
        }
        Map<String, Object> providers = Json.parse(reattach);
        Map<String, Object> provider = (Map<String, Object>) providers.values().iterator().next();
        if (!(provider.get("Addr") instanceof Map<?, ?> address) || !"unix".equals(address.get("Network"))) {
            return new Server(process, reattach, null);
        }
        if (namedTypes == null) {
            namedTypes = NamedResourceTypes.in(Synthesized.PROJECT);
        }
        SchemaTrimmingRelay relay = SchemaTrimmingRelay.start((String) address.get("String"), namedTypes, schema);
        provider.put("Addr", Map.of("Network", "tcp", "String", relay.address()));
        return new Server(process, Json.render(providers), relay);
    }

    synchronized void stopAll() {
        all.forEach(ProviderServers::stop);
    }

    private static void stop(Server server) {
        if (server.relay != null) {
            server.relay.close();
        }
        stop(server.process);
    }

    private static void stop(Process process) {
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.flush();
        } catch (IOException e) {
            // already closed: the shell is stopping the provider
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String platform() {
        String os = System.getProperty("os.name").toLowerCase().startsWith("linux") ? "linux"
                : System.getProperty("os.name").toLowerCase().startsWith("mac") ? "darwin" : "windows";
        String arch = switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            default -> System.getProperty("os.arch");
        };
        return os + "_" + arch;
    }

    /** A dotted version compared number by number (5.100.0 after 5.99.0). */
    private record Version(List<Integer> parts) implements Comparable<Version> {
        static Version of(String text) {
            List<Integer> parts = new ArrayList<>();
            for (String part : text.split("[.-]")) {
                parts.add(part.chars().allMatch(Character::isDigit) && !part.isEmpty() ? Integer.parseInt(part) : -1);
            }
            return new Version(parts);
        }

        @Override
        public int compareTo(Version other) {
            for (int i = 0; i < Math.max(parts.size(), other.parts.size()); i++) {
                int a = i < parts.size() ? parts.get(i) : 0;
                int b = i < other.parts.size() ? other.parts.get(i) : 0;
                if (a != b) {
                    return Integer.compare(a, b);
                }
            }
            return 0;
        }
    }
}
