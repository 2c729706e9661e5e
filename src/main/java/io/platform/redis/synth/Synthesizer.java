package io.platform.redis.synth;

import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.AppConfig;
import io.platform.redis.config.StackFile;
import io.platform.redis.module.ModuleExporter;
import io.platform.redis.module.RedisModuleStack;
import io.platform.redis.stacks.EnvironmentStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Builds everything in one process (the jsii runtime starts once): the module, then one stack per environment,
 * each carrying a copy of the module. All of it is written to staging folders first and moved into place only
 * when everything succeeded, so a failed run leaves {@code cdktf.out/} and {@code modules/redis} as they were.
 */
public final class Synthesizer {
    /** The module stack's name inside its own throw-away app; never deployed. */
    static final String MODULE_STACK = "redis-module";

    private Synthesizer() {
    }

    /** The exported module's files, by path relative to {@code modules/redis}. */
    public static Map<String, String> moduleFiles() {
        Path outdir = temporaryDirectory(null, "redis-module-synth-");
        try {
            App app = new App(AppConfig.builder().outdir(outdir.toString()).skipValidation(true).stackTraces(false).build());
            new RedisModuleStack(app, MODULE_STACK);
            app.synth();
            return ModuleExporter.files(Json.read(outdir.resolve("stacks").resolve(MODULE_STACK).resolve("cdk.tf.json")));
        } finally {
            Directories.deleteIfExists(outdir);
        }
    }

    /** Synthesizes {@code stacks} into {@code cdktfOut} and the module into {@code moduleDir}. */
    public static void run(List<StackFile> stacks, Path cdktfOut, Path moduleDir) {
        Map<String, String> module = moduleFiles();
        Path stagedModule = temporaryDirectory(moduleDir.toAbsolutePath().getParent(), ".redis-staging-");
        Path stagedOut = temporaryDirectory(cdktfOut.toAbsolutePath().getParent(), ".cdktf.out-staging-");
        try {
            ModuleExporter.write(module, stagedModule);
            App app = new App(AppConfig.builder().outdir(stagedOut.toString()).stackTraces(false).build());
            for (StackFile stack : stacks) {
                new EnvironmentStack(app, stack);
            }
            app.synth();
            for (StackFile stack : stacks) {
                ModuleExporter.write(module, stagedOut.resolve("stacks").resolve(stack.stack()).resolve(EnvironmentStack.MODULE_SOURCE));
            }
            Directories.replace(stagedModule, moduleDir);
            Directories.replace(stagedOut, cdktfOut);
        } finally {
            Directories.deleteIfExists(stagedModule);
            Directories.deleteIfExists(stagedOut);
        }
    }

    private static Path temporaryDirectory(Path parent, String prefix) {
        try {
            if (parent == null) {
                return Files.createTempDirectory(prefix);
            }
            Files.createDirectories(parent);
            return Files.createTempDirectory(parent, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
