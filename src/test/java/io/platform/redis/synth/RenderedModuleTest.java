package io.platform.redis.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.platform.redis.module.ModuleExporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The module's files are reused only for the same code and an untouched modules/redis; anything else renders anew. */
class RenderedModuleTest {
    private static final Map<String, String> FILES = new LinkedHashMap<>(Map.of("main.tf", "# main\n", "tests/a.tftest.hcl", "run {}\n"));

    private final AtomicInteger renders = new AtomicInteger();

    private Map<String, String> render() {
        renders.incrementAndGet();
        return FILES;
    }

    /** One run of the main command: the module's files, written where the run writes them, and remembered. */
    private Map<String, String> run(RenderedModule.Settings settings, Path module) {
        Map<String, String> files = RenderedModule.files(settings, module, this::render);
        ModuleExporter.write(files, module);
        RenderedModule.remember(settings, files);
        return files;
    }

    @Test
    void theSameCodeReusesTheFilesTheLastRunWrote(@TempDir Path dir) {
        Path module = dir.resolve("modules/redis");
        RenderedModule.Settings settings = new RenderedModule.Settings(dir.resolve("state"), "code-1", false);
        run(settings, module);
        assertEquals(FILES, run(settings, module));
        assertEquals(1, renders.get(), "the second run renders nothing");
    }

    @Test
    void otherCodeAnEditedFileAnExtraFileOrForceRenderAnew(@TempDir Path dir) throws Exception {
        Path module = dir.resolve("modules/redis");
        RenderedModule.Settings settings = new RenderedModule.Settings(dir.resolve("state"), "code-1", false);
        run(settings, module);

        run(new RenderedModule.Settings(dir.resolve("state"), "code-2", false), module);
        assertEquals(2, renders.get(), "other code");

        Files.writeString(module.resolve("main.tf"), "# edited by hand\n");
        run(new RenderedModule.Settings(dir.resolve("state"), "code-2", false), module);
        assertEquals(3, renders.get(), "a hand edit");
        assertEquals("# main\n", Files.readString(module.resolve("main.tf")), "put right");

        Files.writeString(module.resolve("extra.tf"), "# not the module's\n");
        run(new RenderedModule.Settings(dir.resolve("state"), "code-2", false), module);
        assertEquals(4, renders.get(), "an extra file");

        Files.delete(module.resolve("extra.tf"));
        run(new RenderedModule.Settings(dir.resolve("state"), "code-2", true), module);
        assertEquals(5, renders.get(), "--force");
    }

    @Test
    void withoutTheLaunchersSettingsNothingIsReused(@TempDir Path dir) {
        Path module = dir.resolve("modules/redis");
        run(null, module);
        run(null, module);
        assertEquals(2, renders.get());
        assertNull(RenderedModule.Settings.fromSystemProperties(), "the test JVM has no launcher settings");
    }
}
