package io.platform.redis.synth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The module's files for apps that ship it as a cdktf asset: rendered once per JVM from the classes on the class
 * path (so they always match the code that calls them) into a temporary folder that lives until the JVM exits.
 * The tests folder stays out: it is for the module's own CI, not for a deployment.
 */
public final class ShippedModule {
    private static Path directory;

    private ShippedModule() {
    }

    public static synchronized Path directory() {
        if (directory == null) {
            Map<String, String> files = new LinkedHashMap<>(Synthesizer.module().files());
            files.keySet().removeIf(name -> name.startsWith("tests/"));
            try {
                Path dir = Files.createTempDirectory("redis-module-");
                Directories.writeFiles(files, dir);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> Directories.deleteIfExists(dir)));
                directory = dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return directory;
    }
}
