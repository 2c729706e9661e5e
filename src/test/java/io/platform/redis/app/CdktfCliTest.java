package io.platform.redis.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.platform.redis.support.Synthesized;
import io.platform.redis.support.Tiers;
import io.platform.redis.files.Directories;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code cdktf synth} through the real cdktf CLI (pinned in package-lock.json) writes the same files as the main
 * command. It runs on a copy of the project so the working tree is never touched; the copy reuses the compiled
 * classes and node_modules, so the CLI's app command only starts the JVM.
 */
@Tag(Tiers.PROCESSES)
class CdktfCliTest {
    private final Synthesized synthesized = Synthesized.get();

    @Test
    void cdktfSynthWritesWhatTheMainCommandWrites() throws Exception {
        Path cli = Synthesized.PROJECT.resolve("node_modules/.bin/cdktf");
        assumeTrue(Files.isExecutable(cli), "SKIPPED cdktf CLI check: node_modules/.bin/cdktf is missing (the Maven build runs npm ci)");
        Path copy = Files.createTempDirectory("redis-cdktf-cli-");
        try {
            for (String entry : List.of("pom.xml", "cdktf.json", "package.json", "package-lock.json", "build", "src", "stacks", "target/classes", "target/generated-sources")) {
                Path source = Synthesized.PROJECT.resolve(entry);
                if (Files.isDirectory(source)) {
                    Directories.copy(source, copy.resolve(entry));
                } else {
                    Files.copy(source, copy.resolve(entry), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
            Files.createSymbolicLink(copy.resolve("node_modules"), Synthesized.PROJECT.resolve("node_modules"));
            // The launcher's build state, as a build of these classes leaves it, so the CLI's run starts the JVM only.
            Files.createDirectories(copy.resolve("target/synth"));
            String dependencies = String.join(java.io.File.pathSeparator, java.util.Arrays.stream(
                            System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")).split(java.io.File.pathSeparator))
                    .filter(entry -> entry.endsWith(".jar")).toList());
            Files.writeString(copy.resolve("target/synth/classpath.txt"), dependencies);
            Files.writeString(copy.resolve("target/synth/built"), "");

            ProcessBuilder builder = new ProcessBuilder(cli.toString(), "synth").directory(copy.toFile()).redirectErrorStream(true);
            builder.environment().put("CHECKPOINT_DISABLE", "1");
            builder.environment().put("CI", "1");
            // The app's JVM keeps jsii's runtime folder inside the copy, which is deleted afterwards.
            Files.createDirectories(copy.resolve("tmp"));
            builder.environment().put("JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=" + copy.resolve("tmp"));
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(true, process.waitFor(10, TimeUnit.MINUTES), "cdktf synth timed out");
            assertEquals(0, process.exitValue(), output);

            Map<String, byte[]> expected = Directories.snapshot(synthesized.cdktfOut);
            Map<String, byte[]> actual = Directories.snapshot(copy.resolve("cdktf.out"));
            MainCommandTest.assertSameTree(expected, actual);
            MainCommandTest.assertSameTree(Directories.snapshot(synthesized.module), Directories.snapshot(copy.resolve("modules/redis")));
            System.out.println("[cdktf synth] " + actual.size() + " files, identical to the main command's output");
        } finally {
            deleteQuietly(copy);
        }
    }

    /**
     * Without a projectId the CLI writes a random one into cdktf.json on a developer's first synth (telemetry; not in
     * CI or with CHECKPOINT_DISABLE, so the run above cannot see it): a committed file must not change under them.
     */
    @Test
    void cdktfJsonCarriesItsProjectIdSoTheCliLeavesItAlone() {
        Map<String, Object> config = io.platform.redis.files.Json.read(Synthesized.PROJECT.resolve("cdktf.json"));
        assertTrue(String.valueOf(config.get("projectId")).matches("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}"),
                "cdktf.json needs a fixed projectId, got " + config.get("projectId"));
        assertEquals("build/synth", config.get("app"), "the CLI runs the README's main command");
    }

    private static void deleteQuietly(Path copy) throws IOException {
        Files.deleteIfExists(copy.resolve("node_modules"));
        Directories.deleteIfExists(copy);
    }
}
