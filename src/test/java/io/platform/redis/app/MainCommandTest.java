package io.platform.redis.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platform.redis.app.Main;
import io.platform.redis.support.JsiiLock;
import io.platform.redis.support.Synthesized;
import io.platform.redis.files.Directories;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The main command on a copy of the project: exit codes, nothing damaged on failure, changes stay local. */
@ExtendWith(JsiiLock.class) // calls into cdktf itself, beside the offline terraform classes
class MainCommandTest {
    private final Synthesized synthesized = Synthesized.get();

    @TempDir
    Path project;

    private Path copyProject() {
        Directories.copy(Synthesized.PROJECT.resolve("stacks"), project.resolve("stacks"));
        Directories.copy(synthesized.module, project.resolve("modules/redis"));
        Directories.copy(synthesized.cdktfOut, project.resolve("cdktf.out"));
        return project;
    }

    private record Run(int status, String out, String err) {
    }

    private Run main() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(project, project.resolve("cdktf.out"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** CheckProbe in a JVM of its own: what it prints. */
    private String probe(String... more) throws Exception {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                CheckProbe.class.getName(), project.toString()));
        command.addAll(java.util.List.of(more));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, process.waitFor(), output);
        return output;
    }

    /**
     * The main command reads and checks the stack files while the jsii runtime starts on another thread, which only
     * works while that reading makes no jsii call (the runtime serves one thread at a time): in a JVM of its own, the
     * reading starts no jsii runtime, where starting one shows as a child process (the control).
     */
    @Test
    void readingTheStackFilesStartsNoJsiiRuntime() throws Exception {
        copyProject();
        long stacks;
        try (var files = Files.list(project.resolve("stacks"))) {
            stacks = files.filter(f -> f.toString().endsWith(".yaml")).count();
        }
        assertEquals("stacks: " + stacks + ", child processes: 0", probe());
        assertTrue(probe("--start-jsii").matches("(?s).*stacks: " + stacks + ", child processes: [1-9]\\d*"), "the control starts one");
    }

    @Test
    void aBrokenStackFileExitsNonZeroNamesEveryProblemAndChangesNothing() throws Exception {
        copyProject();
        Path prod = project.resolve("stacks/prod.yaml");
        Files.writeString(prod, Files.readString(prod)
                .replace("snapshot_retention_limit: 30", "snapshot_retention_limit: 40")
                .replace("maxmemory_policy: volatile-lru", "maxmemory_policy: lru")
                .replace("node_type: cache.t4g.small", "node_typ: cache.t4g.small"));
        Map<String, byte[]> outBefore = Directories.snapshot(project.resolve("cdktf.out"));
        Map<String, byte[]> moduleBefore = Directories.snapshot(project.resolve("modules"));

        Run run = main();

        assertEquals(1, run.status());
        assertTrue(run.err().contains("stacks/prod.yaml:24: redis.snapshot_retention_limit: 40"), run.err());
        assertTrue(run.err().contains("stacks/prod.yaml:26: redis.maxmemory_policy: \"lru\""), run.err());
        assertTrue(run.err().contains("redis.node_typ: unknown key; did you mean \"node_type\"?"), run.err());
        assertTrue(run.err().contains("redis.node_type: is required"), run.err());
        assertSameTree(outBefore, Directories.snapshot(project.resolve("cdktf.out")));
        assertSameTree(moduleBefore, Directories.snapshot(project.resolve("modules")));
        assertEquals(new TreeSet<>(java.util.List.of("cdktf.out", "modules", "stacks")), names(project));
    }

    /**
     * Sixty environment stacks in one run. The jsii runtime nests each callback of a synth (a validation, an aspect's
     * visit) in the previous one; one callback too many per stack overflowed the thread's stack at fifty.
     */
    @Test
    void sixtyStacksSynthesizeInOneRun() throws Exception {
        Files.createDirectories(project.resolve("stacks"));
        String dev = Files.readString(Synthesized.PROJECT.resolve("stacks/dev.yaml"));
        for (int i = 1; i <= 60; i++) {
            Files.writeString(project.resolve("stacks/env-" + i + ".yaml"), dev.replace("stack: dev", "stack: env-" + i)
                    .replace("name: lightwave-django-dev", "name: lightwave-django-e" + i));
        }
        Run run = main();
        assertEquals(0, run.status(), run.err());
        assertEquals(60, names(project.resolve("cdktf.out/stacks")).size());
    }

    @Test
    void changingOneProdValueChangesProdAndNothingElse() throws Exception {
        copyProject();
        Path prod = project.resolve("stacks/prod.yaml");
        Files.writeString(prod, Files.readString(prod).replace("snapshot_retention_limit: 30", "snapshot_retention_limit: 14"));
        Map<String, byte[]> before = Directories.snapshot(project.resolve("cdktf.out"));
        Map<String, byte[]> moduleBefore = Directories.snapshot(project.resolve("modules"));

        Run run = main();

        assertEquals(0, run.status(), run.err());
        Map<String, byte[]> after = Directories.snapshot(project.resolve("cdktf.out"));
        assertEquals(before.keySet(), after.keySet());
        TreeSet<String> changed = new TreeSet<>();
        before.forEach((file, bytes) -> {
            if (!java.util.Arrays.equals(bytes, after.get(file))) {
                changed.add(file);
            }
        });
        assertEquals(new TreeSet<>(java.util.List.of("stacks/prod/cdk.tf.json")), changed);
        assertTrue(new String(after.get("stacks/prod/cdk.tf.json"), StandardCharsets.UTF_8).contains("\"snapshot_retention_limit\": 14"));
        assertSameTree(moduleBefore, Directories.snapshot(project.resolve("modules")));
        assertFalse(run.out().isBlank());
    }

    /**
     * Day two: an edit that replaces a running prod cluster is refused, naming the change and what is lost, until the
     * stack file accepts it with allow_replacement; an in-place edit is named and synthesized.
     */
    @Test
    void anEditThatReplacesAProdClusterIsRefusedUntilTheStackFileAcceptsIt() throws Exception {
        copyProject();
        Path prod = project.resolve("stacks/prod.yaml");
        String original = Files.readString(prod);
        Files.writeString(prod, original + "  port: 6380\n");
        Map<String, byte[]> before = Directories.snapshot(project.resolve("cdktf.out"));

        Run refused = main();

        assertEquals(1, refused.status(), refused.out());
        assertTrue(refused.err().contains("stacks/prod.yaml: module.redis (lightwave-django-prod): port 6379 -> 6380: replaces the cluster: "
                + "its data is lost"), refused.err());
        assertTrue(refused.err().contains("Celery's queued tasks and results) is lost"), refused.err());
        assertTrue(refused.err().contains("to accept it: allow_replacement: [port] in stacks/prod.yaml"), refused.err());
        assertSameTree(before, Directories.snapshot(project.resolve("cdktf.out")));

        Files.writeString(prod, original.replace("stack: prod\n", "stack: prod\nallow_replacement: [port]\n") + "  port: 6380\n");
        Run accepted = main();
        assertEquals(0, accepted.status(), accepted.err());
        assertTrue(accepted.out().contains("port 6379 -> 6380: replaces the cluster"), accepted.out());

        Files.writeString(prod, original.replace("node_type: cache.t4g.small", "node_type: cache.t4g.medium") + "  port: 6380\n");
        Run inPlace = main();
        assertEquals(0, inPlace.status(), inPlace.err());
        assertTrue(inPlace.out().contains("stacks/prod.yaml: module.redis (lightwave-django-prod): node_type \"cache.t4g.small\" -> "
                + "\"cache.t4g.medium\": in place"), inPlace.out());
        System.out.println("[day two] build/synth after editing port in prod: exit 1, " + refused.err().lines().skip(1).findFirst().orElse("").trim()
                + "\n[day two] after editing node_type: exit 0, " + inPlace.out().lines().filter(l -> l.contains("node_type")).findFirst()
                .orElse("").trim());
    }

    /**
     * Day two: an edit ElastiCache accepts only in steps (TLS off while it is required) is refused in any environment,
     * with the steps, and nothing is written; the first of those steps is synthesized.
     */
    @Test
    void anEditElastiCacheTakesOnlyInStepsIsRefusedWithTheSteps() throws Exception {
        copyProject();
        Path staging = project.resolve("stacks/staging.yaml");
        String original = Files.readString(staging);
        Files.writeString(staging, original + "  transit_encryption_enabled: false\n");
        Map<String, byte[]> before = Directories.snapshot(project.resolve("cdktf.out"));

        Run refused = main();

        assertEquals(1, refused.status(), refused.out());
        assertTrue(refused.err().contains("stacks/staging.yaml: module.redis (lightwave-django-staging): TLS off from required: "
                + "transit_encryption_enabled true -> false while TLS is required"), refused.err());
        assertTrue(refused.err().contains("Apply with transit_encryption_mode = \"preferred\" first"), refused.err());
        assertSameTree(before, Directories.snapshot(project.resolve("cdktf.out")));

        Files.writeString(staging, original + "  transit_encryption_mode: preferred\n");
        Run firstStep = main();
        assertEquals(0, firstStep.status(), firstStep.err());
        System.out.println("[day two] build/synth after turning TLS off in staging: exit 1, "
                + refused.err().lines().filter(l -> l.contains("TLS off")).findFirst().orElse("").trim());
    }

    /** Outside prod a replacement is not refused, but it is named before anything is written. */
    @Test
    void aReplacementOutsideProdIsNamedNotRefused() throws Exception {
        copyProject();
        Path staging = project.resolve("stacks/staging.yaml");
        Files.writeString(staging, Files.readString(staging) + "  port: 6380\n");
        Run run = main();
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("stacks/staging.yaml: module.redis (lightwave-django-staging): port 6379 -> 6380: replaces the cluster"),
                run.out());
    }

    private static TreeSet<String> names(Path dir) throws Exception {
        try (var list = Files.list(dir)) {
            return new TreeSet<>(list.map(p -> p.getFileName().toString()).toList());
        }
    }

    static void assertSameTree(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((file, bytes) -> assertArrayEquals(bytes, actual.get(file), file));
    }
}
