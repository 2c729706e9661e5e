package io.platform.redis.module;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * This release's version. It is set in one place, pom.xml's {@code <version>}; Maven writes it into the
 * {@code release.properties} resource (and the jar's manifest), and the module README shows it with the {@code ?ref=}
 * a Terraform team pins. CHANGELOG.md's newest release, the READMEs and the Java example are checked against it.
 */
public final class Release {
    private Release() {
    }

    public static final String VERSION = read();

    private static String read() {
        try (InputStream in = Release.class.getResourceAsStream("/io/platform/redis/release.properties")) {
            if (in == null) {
                throw new IllegalStateException("release.properties is missing from the classpath: build with Maven");
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "");
            if (!version.matches("\\d+\\.\\d+\\.\\d+")) {
                throw new IllegalStateException("release.properties: version \"" + version + "\" is not a release version (x.y.z)");
            }
            return version;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
