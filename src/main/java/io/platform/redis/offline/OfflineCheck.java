package io.platform.redis.offline;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import io.platform.redis.files.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code build/check STACK... | module | PATH/}: terraform init and plan of a synthesized stack, of the module with
 * the catalog's example inputs, of a team's own root configuration (with the local modules it calls) or of every
 * stack of a cdktf app's output folder (cross-stack references from the producers' planned outputs,
 * {@link CrossStackReferences}), without AWS credentials and without the state backend, as a pull-request pipeline
 * runs it. A throw-away {@link OfflineCopy} holds the overrides (local state, an AWS provider that makes no AWS call) and,
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
        Path caller = Path.of(System.getenv().getOrDefault("REDIS_CHECK_CALLER_DIR", project.toString()));
        System.exit(run(project, caller, project.resolve(outdir), List.of(args), System.out, System.err));
    }

    /**
     * Checks each target: "module", a stack name of this project, or a folder given by a path (with a slash): a
     * team's root configuration, or a cdktf app's output folder, whose stacks are planned producers first with their
     * cross-stack references satisfied from the producers' planned outputs. 0 when every one plans, 1 otherwise, 2 for
     * a usage error.
     */
    public static int run(Path project, Path cdktfOut, List<String> targets, PrintStream out, PrintStream err) {
        return run(project, project, cdktfOut, targets, out, err);
    }

    /** The same, with paths resolved against {@code callerDir} (where the user ran build/check). */
    public static int run(Path project, Path callerDir, Path cdktfOut, List<String> targets, PrintStream out, PrintStream err) {
        return run(project, callerDir, cdktfOut, targets, out, err, Map.of());
    }

    /**
     * The same, with {@code environment} added to terraform's (the tests attach it to a running AWS provider with
     * TF_REATTACH_PROVIDERS, as a user's shell can).
     */
    public static int run(Path project, Path callerDir, Path cdktfOut, List<String> targets, PrintStream out, PrintStream err,
                          Map<String, String> environment) {
        if (targets.isEmpty()) {
            err.println("usage: build/check STACK... | module | PATH/   (stacks: " + String.join(", ", stacks(cdktfOut))
                    + "; a path with a slash: a team's root configuration folder, or a cdktf app's output folder)");
            return 2;
        }
        Checker checker = new Checker(out, err, environment);
        int status = 0;
        for (String target : targets) {
            if (target.equals("module")) {
                status = Math.max(status, checker.module(project.resolve("modules/redis")));
            } else if (target.contains("/") || target.equals(".") || target.equals("..")) {
                Path folder = callerDir.resolve(target).normalize();
                if (CrossStackReferences.isCdktfOutput(folder)) {
                    status = Math.max(status, checker.app(target, folder));
                } else if (Files.isDirectory(folder) && TeamRoot.isConfiguration(folder)) {
                    status = Math.max(status, checker.root(target, folder));
                } else {
                    err.println("check " + target + ": no Terraform files and no cdktf output (manifest.json, stacks/) in " + folder);
                    status = Math.max(status, 2);
                }
            } else if (Files.isRegularFile(cdktfOut.resolve("stacks").resolve(target).resolve("cdk.tf.json"))) {
                status = Math.max(status, checker.stack(target, cdktfOut.resolve("stacks").resolve(target), Map.of()).status());
            } else {
                err.println("check " + target + ": no such synthesized stack in " + project.relativize(cdktfOut)
                        + "/stacks; run build/synth first (stacks: " + String.join(", ", stacks(cdktfOut)) + "), or give a folder as a path with a slash");
                status = Math.max(status, 2);
            }
        }
        return status;
    }

    /** Plans folders offline and reports each in one line. */
    private static final class Checker {
        private final PrintStream out;
        private final PrintStream err;
        private final Map<String, String> environment;
        private final String binary = System.getenv().getOrDefault("TERRAFORM_BINARY_NAME", "terraform");
        private final Optional<Path> mirror = ProviderMirror.find();
        private final boolean standInRandom = mirror.isPresent() && !ProviderMirror.holds(mirror.get(), "random");

        Checker(PrintStream out, PrintStream err, Map<String, String> environment) {
            this.out = out;
            this.err = err;
            this.environment = environment;
        }

        int module(Path module) {
            try (OfflineCopy copy = OfflineCopy.of(module, standInRandom)) {
                return report("module", copy.asModuleRoot(), List.of("-var-file=example.tfvars.json"), "").status();
            }
        }

        int root(String label, Path folder) {
            Path staging = createTemp();
            try {
                TeamRoot.gather(folder, staging);
                List<String> modules = TeamRoot.describe(staging);
                try (OfflineCopy copy = OfflineCopy.of(staging, standInRandom)) {
                    return report(label, copy.asRoot(copy.dir().resolve("root")), List.of(),
                            modules.isEmpty() ? "" : " (local modules " + String.join(", ", modules) + ")").status();
                }
            } finally {
                io.platform.redis.files.Directories.deleteIfExists(staging);
            }
        }

        int app(String label, Path cdktfOut) {
            try {
                return plans(label, cdktfOut).containsValue(null) ? 1 : 0;
            } catch (IllegalArgumentException e) {
                err.println("check " + label + ": " + e.getMessage());
                return 2;
            }
        }

        /** Each stack's plan (terraform show -json), producers first; null for a stack that failed. */
        Map<String, Map<String, Object>> plans(String label, Path cdktfOut) {
            Map<String, Map<String, Object>> planned = new LinkedHashMap<>();
            Map<String, Map<String, Object>> plans = new LinkedHashMap<>();
            for (String stack : CrossStackReferences.stacksInOrder(cdktfOut)) {
                Result result = stack(label.replaceAll("/+$", "") + "/stacks/" + stack, cdktfOut.resolve("stacks").resolve(stack), planned);
                plans.put(stack, result.plan());
                if (result.plan() != null) {
                    planned.put(stack, CrossStackReferences.plannedOutputs(result.plan()));
                }
            }
            return plans;
        }

        Result stack(String label, Path stackDir, Map<String, Map<String, Object>> planned) {
            try (OfflineCopy copy = OfflineCopy.of(stackDir, standInRandom)) {
                Path config = copy.dir().resolve("cdk.tf.json");
                Map<String, Object> json = Json.read(config);
                List<String> producers = CrossStackReferences.producers(json);
                String note = "";
                if (!producers.isEmpty()) {
                    List<String> missing = producers.stream().filter(p -> !planned.containsKey(p)).toList();
                    if (!missing.isEmpty()) {
                        err.println("check " + label + ": reads the state of " + missing + ", which did not plan (or is not in this "
                                + "folder); check the cdktf output folder as a whole");
                        return new Result(1, null);
                    }
                    Json.write(config, CrossStackReferences.satisfied(json, planned));
                    long unknown = producers.stream().flatMap(p -> planned.get(p).values().stream()).filter(v -> v == null).count();
                    long references = producers.stream().mapToLong(p -> planned.get(p).size()).sum();
                    note = " (cross-stack references from the planned outputs of " + String.join(", ", producers) + ": "
                            + references + ", " + unknown + " known only after its apply, read from the check's "
                            + "terraform_data.cross-stack-unknown, counted above)";
                }
                return report(label, copy.asRoot(copy.dir()), List.of(), note);
            }
        }

        /** init, plan (saved) and its JSON; one line on success, terraform's output on failure. */
        private Result report(String label, Path dir, List<String> planArgs, String note) {
            List<String> plan = new ArrayList<>(List.of("plan", "-input=false", "-no-color", "-lock=false", "-out=offline.tfplan"));
            plan.addAll(planArgs);
            String init = terraform(dir, List.of("init", "-input=false", "-no-color"));
            String planned = init == null ? null : terraform(dir, plan);
            String shown = planned == null ? null : terraform(dir, List.of("show", "-json", "-no-color", "offline.tfplan"));
            if (shown == null) {
                err.println("check " + label + ": FAILED (terraform's output above)");
                return new Result(1, null);
            }
            Matcher summary = SUMMARY.matcher(planned);
            out.println("check " + label + ": terraform init and plan without AWS or a backend: ok, "
                    + (summary.find() ? summary.group(1) + " to add, " + summary.group(2) + " to change, " + summary.group(3) + " to destroy"
                    : "no changes") + note + (standInRandom ? " (hashicorp/random is not installable here: its stand-in)" : ""));
            return new Result(0, Json.parse(shown.substring(shown.indexOf('{'))));
        }

        /** Runs terraform; its output, or null (after printing it) when it fails. */
        private String terraform(Path dir, List<String> args) {
            List<String> command = new ArrayList<>(List.of(binary));
            command.addAll(args);
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
            Map<String, String> env = builder.environment();
            mirror.ifPresent(m -> env.put("TF_CLI_CONFIG_FILE", ProviderMirror.cliConfig(m).toString()));
            TerraformEnvironment.offline(env);
            // no credentials of the caller's may reach the provider: the override's dummy keys are the only ones
            env.keySet().removeIf(key -> key.startsWith("AWS_") && !key.equals("AWS_EC2_METADATA_DISABLED"));
            env.putAll(environment);
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

        private static Path createTemp() {
            try {
                return Files.createTempDirectory("redis-check-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A check's exit status, and its plan as terraform show -json gives it (null when it failed). */
    private record Result(int status, Map<String, Object> plan) {
    }

    /**
     * Plans every stack of a cdktf app's output folder as {@code build/check} does, printing its lines: each stack's
     * plan (terraform show -json), producers first, null for one that failed; {@code environment} is added to
     * terraform's.
     */
    public static Map<String, Map<String, Object>> planApp(Path cdktfOut, PrintStream out, PrintStream err, Map<String, String> environment) {
        return new Checker(out, err, environment).plans(cdktfOut.getFileName().toString(), cdktfOut);
    }

    private static List<String> stacks(Path cdktfOut) {
        try (Stream<Path> list = Files.list(cdktfOut.resolve("stacks"))) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }
}
