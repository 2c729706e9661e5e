package io.platform.redis.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A command run to completion with a bounded wait; output (stdout and stderr) goes through a file, never a pipe that can fill. */
public final class Processes {
    private Processes() {
    }

    public record Result(int exitCode, String output) {
        public String lastLine() {
            return output.strip().lines().reduce((a, b) -> b).orElse("");
        }
    }

    /** Runs {@code command}; a run past {@code timeoutSeconds} is killed with its children and reported as exit -1. */
    public static Result run(List<String> command, Map<String, String> env, boolean mergeStderr, long timeoutSeconds) {
        try {
            Path output = Files.createTempFile("process-", ".log");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(output.toFile());
                if (mergeStderr) {
                    builder.redirectErrorStream(true);
                } else {
                    builder.redirectError(ProcessBuilder.Redirect.INHERIT);
                }
                builder.environment().putAll(env);
                Process process = builder.start();
                if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    return new Result(-1, "timed out after " + timeoutSeconds + " s:\n" + Files.readString(output));
                }
                return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
