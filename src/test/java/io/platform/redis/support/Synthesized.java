package io.platform.redis.support;

import io.platform.redis.config.StackFile;
import io.platform.redis.config.StackFileReader;
import io.platform.redis.files.Directories;
import io.platform.redis.files.Json;
import io.platform.redis.synth.Synthesizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The project's real stack files synthesized once per test JVM into a temporary folder, exactly as the main
 * command does it. Every test reads from here, so the jsii runtime and the AWS assembly load once for the suite.
 */
public final class Synthesized {
    public static final Path PROJECT = Path.of("").toAbsolutePath();
    private static Synthesized instance;

    public final Path root;
    public final Path cdktfOut;
    public final Path module;
    public final List<StackFile> stacks;
    /** The module's configuration as Terraform JSON, the form the Java produces before it is written as HCL. */
    public final Map<String, Object> moduleConfig;

    private Synthesized() throws Exception {
        root = Files.createTempDirectory("redis-synth-test-");
        cdktfOut = root.resolve("cdktf.out");
        module = root.resolve("modules").resolve("redis");
        stacks = StackFileReader.readAll(PROJECT, PROJECT.resolve("stacks"));
        Synthesizer.Module synthesizedModule = Synthesizer.module();
        Synthesizer.run(stacks, cdktfOut, module, synthesizedModule.files());
        moduleConfig = frozen(synthesizedModule.config());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> Directories.deleteIfExists(root)));
    }

    /** A deep read-only copy: test classes share it and run side by side, so none may edit it in place. */
    @SuppressWarnings("unchecked")
    private static <T> T frozen(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new java.util.LinkedHashMap<>();
            map.forEach((key, item) -> copy.put((String) key, frozen(item)));
            return (T) java.util.Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            return (T) java.util.Collections.unmodifiableList(list.stream().map(Synthesized::frozen).toList());
        }
        return value;
    }

    /** Synthesizes on the first call, holding {@link JsiiLock}; later calls only read. */
    public static Synthesized get() {
        return JsiiLock.locked(() -> {
            if (instance == null) {
                try {
                    instance = new Synthesized();
                } catch (Exception e) {
                    throw new IllegalStateException("synthesis of the project's stacks failed", e);
                }
            }
            return instance;
        });
    }

    public Path stackDir(String stack) {
        return cdktfOut.resolve("stacks").resolve(stack);
    }

    public Map<String, Object> stackJson(String stack) {
        return Json.read(stackDir(stack).resolve("cdk.tf.json"));
    }

    /** One top-level section of the module's configuration: "variable", "locals", "resource", "output", "terraform". */
    @SuppressWarnings("unchecked")
    public Map<String, Object> moduleSection(String name) {
        return (Map<String, Object>) moduleConfig.get(name);
    }

    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
