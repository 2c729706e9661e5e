package io.platform.redis.offline;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code build/check STACK... | module}: terraform init and plan of a synthesized stack, or of the module with the
 * catalog's example inputs, without AWS credentials and without the state backend, as a pull-request pipeline runs
 * it. A throw-away {@link OfflineCopy} holds the overrides (local state, an AWS provider that makes no AWS call) and,
 * where hashicorp/random cannot be installed (a provider mirror without it), the random provider's stand-in. Every
 * expression, validation block and precondition is evaluated by real terraform; nothing reaches AWS.
 */
public final class OfflineCheck {
    private static final Pattern SUMMARY = Pattern.compile("Plan: (\\d+) to add, (\\d+) to change, (\\d+) to destroy");

    private OfflineCheck() {
    }

    public static void main(String[] args) {
        Path project = Path.of("").toAbsolutePath();
        String outdir = System.getenv().getOrDefault("CDKTF_OUTDIR", "cdktf.out");
        System.exit(run(project, project.resolve(outdir), List.of(args), System.out, System.err));
    }

    /** Checks each target ("module" or a stack name); 0 when every one plans, 1 otherwise, 2 for a usage error. */
    public static int run(Path project, Path cdktfOut, List<String> targets, PrintStream out, PrintStream err) {
        if (targets.isEmpty()) {
            err.println("usage: build/check STACK... | module   (stacks: " + String.join(", ", stacks(cdktfOut)) + ")");
            return 2;
        }
        String binary = System.getenv().getOrDefault("TERRAFORM_BINARY_NAME", "terraform");
        Optional<Path> mirror = ProviderMirror.find();
        boolean standInRandom = mirror.isPresent() && !ProviderMirror.holds(mirror.get(), "random");
        int status = 0;
        for (String target : targets) {
            Path source = target.equals("module") ? project.resolve("modules/redis") : cdktfOut.resolve("stacks").resolve(target);
            if (!Files.isRegularFile(source.resolve(target.equals("module") ? "main.tf" : "cdk.tf.json"))) {
                err.println("check " + target + ": no such " + (target.equals("module") ? "module in modules/redis" : "synthesized stack in "
                        + project.relativize(cdktfOut) + "/stacks") + "; run build/synth first (stacks: " + String.join(", ", stacks(cdktfOut)) + ")");
                status = Math.max(status, 2);
                continue;
            }
            try (OfflineCopy copy = OfflineCopy.of(source, standInRandom)) {
                List<String> plan = new ArrayList<>(List.of("plan", "-input=false", "-no-color", "-lock=false"));
                Path dir;
                if (target.equals("module")) {
                    dir = copy.asModuleRoot();
                    plan.add("-var-file=example.tfvars.json");
                } else {
                    dir = copy.asRoot(copy.dir());
                }
                String init = terraform(binary, mirror, dir, List.of("init", "-input=false", "-no-color"), err);
                String planned = init == null ? null : terraform(binary, mirror, dir, plan, err);
                if (planned == null) {
                    err.println("check " + target + ": FAILED (terraform's output above)");
                    status = Math.max(status, 1);
                    continue;
                }
                Matcher summary = SUMMARY.matcher(planned);
                out.println("check " + target + ": terraform init and plan without AWS or a backend: ok, "
                        + (summary.find() ? summary.group(1) + " to add, " + summary.group(2) + " to change, " + summary.group(3) + " to destroy"
                        : "no changes") + (standInRandom ? " (hashicorp/random is not installable here: its stand-in)" : ""));
            }
        }
        return status;
    }

    /** Runs terraform; its output, or null (after printing it) when it fails. */
    private static String terraform(String binary, Optional<Path> mirror, Path dir, List<String> args, PrintStream err) {
        List<String> command = new ArrayList<>(List.of(binary));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        mirror.ifPresent(m -> env.put("TF_CLI_CONFIG_FILE", ProviderMirror.cliConfig(m).toString()));
        env.put("TF_IN_AUTOMATION", "1");
        env.put("CHECKPOINT_DISABLE", "1");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        // no credentials of the caller's may reach the provider: the override's dummy keys are the only ones
        env.keySet().removeIf(key -> key.startsWith("AWS_") && !key.equals("AWS_EC2_METADATA_DISABLED") || key.startsWith("TF_VAR_")
                || key.equals("TF_WORKSPACE") || key.equals("TF_DATA_DIR"));
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                err.println("terraform " + args.get(0) + " timed out");
                return null;
            }
            if (process.exitValue() != 0) {
                err.println(output);
                return null;
            }
            return output;
        } catch (IOException e) {
            err.println("cannot run " + binary + ": " + e.getMessage() + " (install Terraform or OpenTofu; TERRAFORM_BINARY_NAME=tofu)");
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static List<String> stacks(Path cdktfOut) {
        try (Stream<Path> list = Files.list(cdktfOut.resolve("stacks"))) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }
}
