package io.platform.redis.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} on 127.0.0.1 for one check: TLS-only or plain, with or without {@code requirepass},
 * and with the parameter group's values loaded as its configuration. Started on a free high port, stopped by its
 * PID; every wait is bounded. The server keeps nothing on disk.
 */
public final class LocalRedis implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path log;

    private LocalRedis(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * @param tls        TLS-only (no plain port) with the test CA's server certificate, or plain only
     * @param password   the AUTH token ({@code requirepass}), or null for none
     * @param parameters redis.conf directives: the parameter group's values, plus test settings such as maxmemory
     */
    public static LocalRedis start(Path workDir, int port, TestCertificates tls, String password, Map<String, String> parameters) {
        return start(workDir, port, tls, password, parameters, List.of());
    }

    /** The same, with ACL users: each line a {@code user <name> <rules>} directive of redis.conf. */
    public static LocalRedis start(Path workDir, int port, TestCertificates tls, String password, Map<String, String> parameters,
                                   List<String> users) {
        try {
            Path dir = Files.createTempDirectory(workDir, "redis-" + port + "-");
            List<String> conf = new ArrayList<>(List.of("bind 127.0.0.1", "save \"\"", "appendonly no",
                    "dir " + quote(dir.toString())));
            if (tls != null) {
                conf.addAll(List.of("port 0", "tls-port " + port, "tls-cert-file " + quote(tls.serverCertificate().toString()),
                        "tls-key-file " + quote(tls.serverKey().toString()), "tls-ca-cert-file " + quote(tls.caCertificate().toString()),
                        "tls-auth-clients no"));
            } else {
                conf.add("port " + port);
            }
            if (password != null) {
                conf.add("requirepass " + quote(password));
            }
            parameters.forEach((name, value) -> conf.add(name + " " + quote(value)));
            conf.addAll(users);
            Path confFile = dir.resolve("redis.conf");
            Files.write(confFile, conf);
            Path log = dir.resolve("redis.log");
            Process process = new ProcessBuilder("redis-server", confFile.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            LocalRedis redis = new LocalRedis(process, port, log);
            redis.awaitListening();
            return redis;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** A free TCP port on the loopback interface, chosen by the kernel. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitListening() throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("redis-server exited at start:\n" + Files.readString(log));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep(50);
            }
        }
        close();
        throw new IllegalStateException("redis-server did not listen on " + port + " within 10 s:\n" + Files.readString(log));
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A redis.conf argument in double quotes; none of our values holds a quote or a backslash. */
    private static String quote(String value) {
        if (value.contains("\"") || value.contains("\\")) {
            throw new IllegalArgumentException("not a plain redis.conf value: " + value);
        }
        return "\"" + value + "\"";
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
