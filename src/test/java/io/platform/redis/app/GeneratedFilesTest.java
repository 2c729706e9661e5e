package io.platform.redis.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.platform.redis.support.JsiiLock;
import io.platform.redis.support.Synthesized;
import io.platform.redis.files.Directories;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The committed module is what the Java generates, and generated files carry nothing machine-specific. */
@ExtendWith(JsiiLock.class) // calls into cdktf itself, beside the offline terraform classes
class GeneratedFilesTest {
    private final Synthesized synthesized = Synthesized.get();

    @Test
    void committedModuleMatchesTheJava() {
        assertNoDrift("modules/redis", Directories.snapshot(synthesized.module));
    }

    @Test
    void committedDocsMatchTheJava() {
        Map<String, byte[]> generated = new java.util.TreeMap<>();
        io.platform.redis.docs.GeneratedDocs.files(synthesized.stacks).forEach((name, text) -> generated.put(name, text.getBytes(StandardCharsets.UTF_8)));
        assertNoDrift("docs", generated);
    }

    @Test
    void committedTypedApiMatchesTheCatalogs() {
        List<String> drift = new ArrayList<>();
        io.platform.redis.build.TypedApiGenerator.files().forEach((path, text) -> {
            String committed = Synthesized.read(Synthesized.PROJECT.resolve(path));
            if (!committed.equals(text)) {
                drift.add(path);
            }
        });
        assertTrue(drift.isEmpty(), "generated Java differs from the catalogs; build with Maven (mvn compile regenerates it) and commit: " + drift);
    }

    private static void assertNoDrift(String folder, Map<String, byte[]> generated) {
        Map<String, byte[]> committed = Directories.snapshot(Synthesized.PROJECT.resolve(folder));
        List<String> drift = new ArrayList<>();
        generated.forEach((file, bytes) -> {
            if (!committed.containsKey(file)) {
                drift.add("missing: " + file);
            } else if (!Arrays.equals(bytes, committed.get(file))) {
                drift.add("differs: " + file);
            }
        });
        committed.keySet().stream().filter(f -> !generated.containsKey(f)).forEach(f -> drift.add("not generated: " + f));
        if (!drift.isEmpty()) {
            fail(folder + " has drifted from the Java; run the README's main command and commit the result:\n  "
                    + String.join("\n  ", drift));
        }
    }

    @Test
    void generatedFilesHoldNoAbsolutePathTimestampOrMachineName() throws Exception {
        String home = System.getProperty("user.home");
        String tmp = System.getProperty("java.io.tmpdir");
        String host = java.net.InetAddress.getLocalHost().getHostName();
        Map<String, byte[]> files = Directories.snapshot(synthesized.cdktfOut);
        files.putAll(Directories.snapshot(synthesized.module));
        for (var file : files.entrySet()) {
            String text = new String(file.getValue(), StandardCharsets.UTF_8);
            for (String leak : List.of(Synthesized.PROJECT.toString(), home, tmp, synthesized.root.toString())) {
                assertFalse(text.contains(leak), file.getKey() + " contains " + leak);
            }
            assertFalse(host.length() > 3 && text.contains(host), file.getKey() + " contains the host name");
            assertFalse(text.matches("(?s).*20[0-9]{2}-[01][0-9]-[0-3][0-9]T[0-2][0-9]:.*"), file.getKey() + " contains a timestamp");
        }
        assertEquals(false, files.isEmpty());
    }

    @Test
    void synthesizingTwiceGivesByteIdenticalTrees() throws Exception {
        java.nio.file.Path again = java.nio.file.Files.createTempDirectory("redis-synth-again-");
        try {
            io.platform.redis.synth.Synthesizer.run(synthesized.stacks, again.resolve("cdktf.out"), again.resolve("modules/redis"));
            MainCommandTest.assertSameTree(Directories.snapshot(synthesized.cdktfOut), Directories.snapshot(again.resolve("cdktf.out")));
            MainCommandTest.assertSameTree(Directories.snapshot(synthesized.module), Directories.snapshot(again.resolve("modules/redis")));
        } finally {
            Directories.deleteIfExists(again);
        }
    }
}
