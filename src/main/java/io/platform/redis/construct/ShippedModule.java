package io.platform.redis.construct;

import io.platform.redis.files.Directories;
import io.platform.redis.module.ModuleExporter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The module's files for apps that ship it as a cdktf asset: the files the build put into the jar (copied from
 * {@code modules/redis}, which a test keeps equal to what the Java renders), written once per JVM into a temporary
 * folder that lives until the JVM exits. A consumer's synth renders nothing. The tests folder stays out: it is for the
 * module's own CI, not for a deployment.
 */
public final class ShippedModule {
    private static Path directory;

    private ShippedModule() {
    }

    public static synchronized Path directory() {
        if (directory == null) {
            try {
                Path dir = Files.createTempDirectory("redis-module-");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> Directories.deleteIfExists(dir)));
                for (String name : ModuleExporter.SHIPPED) {
                    try (InputStream in = ShippedModule.class.getResourceAsStream(ModuleExporter.SHIPPED_RESOURCES + name)) {
                        if (in == null) {
                            throw new IllegalStateException("the module file " + name + " is missing from the jar ("
                                    + ModuleExporter.SHIPPED_RESOURCES + "): build with Maven");
                        }
                        Files.copy(in, dir.resolve(name));
                    }
                }
                directory = dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return directory;
    }
}
