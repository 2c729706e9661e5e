package io.platform.redis.synth;

import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.AppConfig;
import io.platform.redis.config.StackFile;
import io.platform.redis.files.Directories;
import io.platform.redis.files.Json;
import io.platform.redis.module.ModuleExporter;
import io.platform.redis.module.RedisModuleStack;
import io.platform.redis.stacks.EnvironmentStack;
import io.platform.redis.stacks.ModuleCall;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import software.amazon.jsii.JsiiEngine;

/**
 * Builds everything in one process (the jsii runtime starts once): the module, then one stack per environment,
 * each carrying a copy of the module. Everything is written to staging folders first and moved into place only
 * when all of it succeeded, so a failed run leaves {@code cdktf.out/} and {@code modules/redis} as they were.
 *
 * <p>Under the cdktf CLI, cdktf itself sends every App's output to the CLI's folder ({@code CDKTF_OUTDIR} wins over
 * the App's own setting). The module is therefore rendered in memory ({@code toTerraform}), never through an App's
 * output folder, and the stacks go where the App puts them: the CLI's folder, which the CLI owns.
 */
public final class Synthesizer {
    /** The module stack's name inside its own app; it is rendered, never synthesized to disk or deployed. */
    static final String MODULE_STACK = "redis-module";

    private Synthesizer() {
    }

    /** The module as Terraform JSON, and why its blocks are as they are. */
    public record Module(Map<String, Object> config, Map<String, String> reasons) {
        /** The exported module's files, by path relative to {@code modules/redis}. */
        public Map<String, String> files() {
            return ModuleExporter.files(config, reasons);
        }
    }

    /** Synthesizes the module stack in memory. */
    public static Module module() {
        Path scratch = temporaryDirectory(null, "redis-module-");
        try {
            App app = new App(AppConfig.builder().outdir(scratch.toString()).skipValidation(true).stackTraces(false).build());
            RedisModuleStack stack = new RedisModuleStack(app, MODULE_STACK);
            // A round trip through JSON text gives plain, ordered Java maps whatever jsii hands back.
            return new Module(ModuleExporter.config(Json.parse(Json.render(stack.toTerraform()))), stack.reasons());
        } finally {
            Directories.deleteIfExists(scratch);
        }
    }

    /**
     * Synthesizes {@code stacks} into {@code cdktfOut} (or the cdktf CLI's folder) and the module into
     * {@code moduleDir}. Returns the folder the stacks were written to.
     */
    public static Path run(List<StackFile> stacks, Path cdktfOut, Path moduleDir) {
        return run(stacks, cdktfOut, moduleDir, module().files());
    }

    /**
     * For the main command: starts, on a thread of its own, what the run needs from the jsii runtime and nothing of
     * the stack files: the runtime itself with the AWS assembly (most of a run's start), and the module's files. Those
     * are the last run's when the launcher's settings (system properties) say the code did not change and
     * {@code modules/redis} was not edited, else rendered anew. Meanwhile the caller reads and checks the stack files,
     * which is plain Java: it must make no jsii call until {@link #runReusingTheModule} (the jsii runtime serves one
     * thread at a time), and must {@link Preparation#close() close} the preparation when it stops before that.
     */
    public static Preparation prepare(Path moduleDir) {
        RenderedModule.Settings settings = RenderedModule.Settings.fromSystemProperties();
        FutureTask<PreparedModule> task = new FutureTask<>(() -> {
            JsiiEngine.getInstance().loadModule(com.hashicorp.cdktf.providers.aws.$Module.class);
            boolean[] rendered = {false};
            Map<String, String> files = RenderedModule.files(settings, moduleDir, () -> {
                rendered[0] = true;
                return module().files();
            });
            return new PreparedModule(files, rendered[0]);
        });
        Thread thread = new Thread(task, "redis-synth-preparation");
        thread.setDaemon(true);
        thread.start();
        return new Preparation(settings, moduleDir, task);
    }

    private record PreparedModule(Map<String, String> files, boolean rendered) {
    }

    /** What {@link #prepare} started; closing it waits until the jsii runtime is free again. */
    public static final class Preparation implements AutoCloseable {
        private final RenderedModule.Settings settings;
        private final Path moduleDir;
        private final FutureTask<PreparedModule> task;

        private Preparation(RenderedModule.Settings settings, Path moduleDir, FutureTask<PreparedModule> task) {
            this.settings = settings;
            this.moduleDir = moduleDir;
            this.task = task;
        }

        private PreparedModule get() {
            try {
                return task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the module was rendered", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(e.getCause());
            }
        }

        @Override
        public void close() {
            try {
                task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                // reported by runReusingTheModule when the run goes on; a run that stopped earlier has its own error
            }
        }
    }

    /**
     * As {@link #run(List, Path, Path)}, for the main command, with the module {@code prepared}: rendered again only
     * when the code changed since the last run or {@code modules/redis} was edited.
     */
    public static Written runReusingTheModule(Preparation prepared, List<StackFile> stacks, Path cdktfOut) {
        PreparedModule module = prepared.get();
        Path written = run(stacks, cdktfOut, prepared.moduleDir, module.files());
        RenderedModule.remember(prepared.settings, module.files());
        return new Written(written, !module.rendered());
    }

    /** Where the stacks went, and whether the module's files were the last run's (the code unchanged). */
    public record Written(Path stacks, boolean moduleReused) {
    }

    /** As {@link #run(List, Path, Path)}, with the module's files already rendered. */
    public static Path run(List<StackFile> stacks, Path cdktfOut, Path moduleDir, Map<String, String> module) {
        Path stagedModule = temporaryDirectory(moduleDir.toAbsolutePath().getParent(), ".redis-staging-");
        Path stagedOut = temporaryDirectory(cdktfOut.toAbsolutePath().getParent(), ".cdktf.out-staging-");
        try {
            ModuleExporter.write(module, stagedModule);
            App app = new App(AppConfig.builder().outdir(stagedOut.toString()).stackTraces(false).build());
            Path written = Path.of(app.getOutdir()).toAbsolutePath().normalize();
            for (StackFile stack : stacks) {
                new EnvironmentStack(app, stack);
            }
            app.synth();
            ModuleExporter.writeCopies(ModuleExporter.shipped(module), stacks.stream()
                    .map(stack -> written.resolve("stacks").resolve(stack.stack()).resolve(ModuleCall.SOURCE)).toList());
            Directories.replace(stagedModule, moduleDir);
            if (written.equals(stagedOut.toAbsolutePath().normalize())) {
                Directories.replace(stagedOut, cdktfOut);
                return cdktfOut;
            }
            return written;
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
