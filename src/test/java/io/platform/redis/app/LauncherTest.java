package io.platform.redis.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platform.redis.support.Processes;
import io.platform.redis.support.Tiers;
import io.platform.redis.files.Directories;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * build/synth, the main command's launcher, decides between three things: build (Maven) then run, run (java), or
 * nothing. Here java and mvn are stand-ins that only log that they were called, so each decision is checked exactly
 * and cheaply; the real run through the launcher is CdktfCliTest's (cdktf.json's app) and the benchmark's.
 */
@Tag(Tiers.PROCESSES)
class LauncherTest {
    @TempDir
    Path project;
    private Path log;

    @BeforeEach
    void aBuiltProjectWithStandIns() throws Exception {
        Path real = Path.of("").toAbsolutePath();
        for (String entry : List.of("build", "stacks", "src/main", "modules", "docs", "pom.xml", "package-lock.json")) {
            Directories.copy(real.resolve(entry), project.resolve(entry));
        }
        Files.createDirectories(project.resolve("cdktf.out/stacks/dev"));
        Files.writeString(project.resolve("cdktf.out/stacks/dev/cdk.tf.json"), "{}\n");
        Files.createDirectories(project.resolve("target/classes/io/platform/redis"));
        Files.writeString(project.resolve("target/classes/io/platform/redis/Main.class"), "compiled");
        Files.createDirectories(project.resolve("target/synth"));
        Files.writeString(project.resolve("target/synth/classpath.txt"), "deps.jar\n");
        Files.writeString(project.resolve("target/synth/built"), "");
        log = project.resolve("calls.log");
        Files.writeString(log, "");
        standIn("java", "RUN", "");
        // Like a real compile, the build's stand-in changes the compiled class.
        standIn("mvn", "BUILD", "date +%s%N >> \"" + project.resolve("target/classes/io/platform/redis/Main.class") + "\"\n");
    }

    private void standIn(String name, String word, String effect) throws Exception {
        Path script = project.resolve("bin").resolve(name);
        Files.createDirectories(script.getParent());
        Files.writeString(script, "#!/usr/bin/env bash\necho " + word + " >> \"" + log + "\"\n" + effect
                + "exit \"${STAND_IN_STATUS:-0}\"\n");
        script.toFile().setExecutable(true);
    }

    private Processes.Result synth(Map<String, String> env, String... args) {
        Map<String, String> environment = new HashMap<>(Map.of(
                "REDIS_SYNTH_JAVA", project.resolve("bin/java").toString(),
                "REDIS_SYNTH_MAVEN", project.resolve("bin/mvn").toString()));
        environment.putAll(env);
        List<String> command = new java.util.ArrayList<>(List.of("bash", project.resolve("build/synth").toString()));
        command.addAll(List.of(args));
        return Processes.run(command, environment, true, 60);
    }

    /** What the launcher did: "run", "build+run" or "nothing"; the log is cleared for the next call. */
    private String decided(Map<String, String> env, String... args) throws Exception {
        Processes.Result result = synth(env, args);
        String calls = String.join("+", Files.readAllLines(log)).toLowerCase();
        Files.writeString(log, "");
        assertTrue(result.exitCode() == 0 || env.containsKey("STAND_IN_STATUS"), result.output());
        return calls.isEmpty() ? "nothing" : calls;
    }

    private String decided() throws Exception {
        return decided(Map.of());
    }

    @Test
    void aSecondRunWithNothingChangedDoesNothingAndSaysSo() throws Exception {
        assertEquals("run", decided());
        Processes.Result again = synth(Map.of());
        assertEquals(0, again.exitCode());
        assertTrue(again.output().contains("nothing changed since the last run"), again.output());
        assertEquals("", Files.readString(log));
    }

    @Test
    void anEditedStackFileRunsAgain() throws Exception {
        decided();
        Files.writeString(project.resolve("stacks/dev.yaml"), Files.readString(project.resolve("stacks/dev.yaml")) + "# edited\n");
        assertEquals("run", decided());
        assertEquals("nothing", decided());
    }

    @Test
    void aChangedSourceBuildsThenRuns() throws Exception {
        decided();
        Path source = project.resolve("src/main/java/io/platform/redis/app/Main.java");
        Files.setLastModifiedTime(source, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        assertEquals("build+run", decided());
        Files.setLastModifiedTime(project.resolve("target/synth/built"), FileTime.fromMillis(System.currentTimeMillis() + 120_000));
        assertEquals("nothing", decided());
    }

    @Test
    void aChangedClassRunsAgain() throws Exception {
        decided();
        Files.writeString(project.resolve("target/classes/io/platform/redis/Main.class"), "compiled again");
        assertEquals("run", decided());
    }

    @Test
    void aDeletedOrHandEditedOutputFileRunsAgain() throws Exception {
        decided();
        Files.delete(project.resolve("cdktf.out/stacks/dev/cdk.tf.json"));
        assertEquals("run", decided());
        Files.writeString(project.resolve("modules/redis/main.tf"), "# edited by hand\n", java.nio.file.StandardOpenOption.APPEND);
        assertEquals("run", decided());
        Files.writeString(project.resolve("docs/cost.md"), "edited");
        assertEquals("run", decided());
        assertEquals("nothing", decided());
    }

    @Test
    void anotherOutputFolderRunsAgain() throws Exception {
        decided();
        assertEquals("run", decided(Map.of("CDKTF_OUTDIR", project.resolve("elsewhere").toString())));
        assertEquals("nothing", decided(Map.of("CDKTF_OUTDIR", project.resolve("elsewhere").toString())));
        assertEquals("run", decided());
    }

    @Test
    void theFlagAndTheVariableForceARun() throws Exception {
        decided();
        assertEquals("run", decided(Map.of(), "--force"));
        assertEquals("run", decided(Map.of("REDIS_SYNTH_FORCE", "1")));
    }

    @Test
    void aFailedRunIsNeverTakenAsDone() throws Exception {
        decided();
        Processes.Result failed = synth(Map.of("STAND_IN_STATUS", "1"), "--force");
        assertEquals(1, failed.exitCode());
        Files.writeString(log, "");
        assertEquals("run", decided());
    }

    @Test
    void noBuildYetBuildsFirstAndAMissingToolIsNamed() throws Exception {
        Files.delete(project.resolve("target/synth/built"));
        assertEquals("build+run", decided());
        Processes.Result noJava = synth(Map.of("REDIS_SYNTH_JAVA", "no-such-java"));
        assertEquals(2, noJava.exitCode());
        assertTrue(noJava.output().contains("'no-such-java' is not on PATH: install JDK 17"), noJava.output());
        Files.delete(project.resolve("target/synth/built"));
        Processes.Result noMaven = synth(Map.of("REDIS_SYNTH_MAVEN", "no-such-mvn"));
        assertEquals(2, noMaven.exitCode());
        assertTrue(noMaven.output().contains("'no-such-mvn' is not on PATH: install Maven"), noMaven.output());
    }
}
