package io.platform.redis.support;

import io.platform.redis.offline.ProviderMirror;
import io.platform.redis.files.Json;
import io.platform.redis.offline.TerraformEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The real terraform binary, run offline: providers come from a local filesystem mirror through a CLI config file
 * of our own. The mirror is {@code TF_PROVIDER_MIRROR} when set, else found among Terraform's standard plugin
 * folders and a shallow search of the usual install prefixes for a {@code registry.terraform.io/hashicorp/aws}
 * tree. When either the binary or a mirror is missing, {@link #unavailableReason()} says which.
 */
public final class Terraform {
    private static String unavailable;
    private static final Terraform INSTANCE = locate();

    /** Commands that never touch a provider: they need no provider server either. */
    private static final Set<String> WITHOUT_PROVIDER = Set.of("fmt", "version");

    private final Path binary;
    private final Path cliConfig;
    private final Optional<ProviderServers> providers;

    private Terraform(Path binary, Path cliConfig, Optional<ProviderServers> providers) {
        this.binary = binary;
        this.cliConfig = cliConfig;
        this.providers = providers;
    }

    public static Optional<Terraform> get() {
        return Optional.ofNullable(INSTANCE);
    }

    public static String unavailableReason() {
        return unavailable;
    }

    public record Result(int exitCode, String output) {
    }

    /**
     * Runs terraform in {@code dir}; never prompts, never calls home. A command that loads the AWS provider attaches
     * to a running one ({@link ProviderServers}) instead of starting its own, and init then installs the modules only
     * (it skips an attached provider instead of hashing the 700 MB binary again): {@link #initFromMirror} is the
     * install from the offline mirror itself.
     */
    /** REDIS_TEST_TIMING=1 prints each terraform run's wall time and the test class that started it: where a slow class spends it. */
    private static final boolean TIMED = "1".equals(System.getenv("REDIS_TEST_TIMING"));

    public Result run(Path dir, String... args) {
        if (args.length == 0 || WITHOUT_PROVIDER.contains(args[0])) {
            return run(dir, Map.of(), args);
        }
        return attached(environment -> run(dir, environment, args));
    }

    /**
     * Runs {@code work} with the environment that attaches terraform to a running AWS provider (TF_REATTACH_PROVIDERS;
     * empty when none can be had), for terraform commands that code under test starts itself, one at a time.
     */
    public <T> T attached(Function<Map<String, String>, T> work) {
        if (providers.isEmpty()) {
            return work.apply(Map.of());
        }
        try (ProviderServers.Lease lease = providers.get().lease()) {
            return withProvider(lease, Map.of(), work);
        }
    }

    /**
     * Runs one command with an AWS provider of its own, started with {@code providerEnvironment} added to its
     * environment; fails the test with terraform's output unless it exits 0. Without provider servers, terraform
     * starts the provider itself with that environment.
     */
    public String okWithOwnProvider(Map<String, String> providerEnvironment, Path dir, String... args) {
        if (providers.isEmpty()) {
            return succeeded(dir, run(dir, providerEnvironment, args), args);
        }
        try (ProviderServers.Lease lease = providers.get().dedicated(providerEnvironment)) {
            return succeeded(dir, withProvider(lease, providerEnvironment, environment -> run(dir, environment, args)), args);
        }
    }

    /**
     * {@code work} with terraform's environment for {@code lease}: its TF_REATTACH_PROVIDERS, or {@code withoutServer}
     * when it has no server (terraform starts the provider itself). REDIS_TEST_TIMING prints the provider's CPU.
     */
    private <T> T withProvider(ProviderServers.Lease lease, Map<String, String> withoutServer, Function<Map<String, String>, T> work) {
        double before = TIMED ? lease.cpuSeconds() : 0;
        T result = work.apply(lease.reattach().map(value -> Map.of("TF_REATTACH_PROVIDERS", value)).orElse(withoutServer));
        if (TIMED && lease.reattach().isPresent()) {
            System.out.printf("[terraform time]   provider %.1f s CPU  %s%n", lease.cpuSeconds() - before, testClass());
        }
        return result;
    }

    /** terraform init that installs hashicorp/aws from the offline mirror, as on a machine without our servers. */
    public String initFromMirror(Path dir) {
        return succeeded(dir, run(dir, Map.of(), "init", "-input=false", "-no-color"), "init");
    }

    /**
     * {@code environment}: added to terraform's (TF_REATTACH_PROVIDERS to attach it to a provider server; anything else
     * reaches a provider terraform starts itself).
     */
    private Result run(Path dir, Map<String, String> environment, String... args) {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("TF_CLI_CONFIG_FILE", cliConfig.toString());
        TerraformEnvironment.offline(env);
        env.remove("TF_REATTACH_PROVIDERS");
        env.putAll(environment);
        try {
            long started = System.nanoTime();
            Process process = builder.start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("terraform " + String.join(" ", args) + " timed out in " + dir);
            }
            if (TIMED) {
                System.out.printf("[terraform time] %5.1f s  %s  %s  %s%n", (System.nanoTime() - started) / 1e9, testClass(), dir.getFileName(),
                        String.join(" ", args).replaceAll("-target=\\S+ ", ""));
            }
            return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The test class that started this command (its first frame on the stack): which class a timed run belongs to. */
    private static String testClass() {
        return StackWalker.getInstance().walk(frames -> frames.map(StackWalker.StackFrame::getClassName)
                .filter(name -> name.endsWith("Test") || name.contains("Test$")).findFirst()
                .map(name -> name.substring(name.lastIndexOf('.') + 1).replaceAll("\\$.*", "")).orElse("?"));
    }

    /** Runs terraform and fails the test with its output unless it exits 0. */
    public String ok(Path dir, String... args) {
        return succeeded(dir, run(dir, args), args);
    }

    private static String succeeded(Path dir, Result result, String... args) {
        if (result.exitCode() != 0) {
            throw new AssertionError("terraform " + String.join(" ", args) + " failed in " + dir + ":\n" + result.output());
        }
        return result.output();
    }

    private volatile Map<String, Object> providerSchemas;

    /**
     * {@code terraform providers schema -json} of {@code dir}, read once per test JVM: every root planned here uses the
     * one hashicorp/aws of the mirror (and terraform's builtin provider), and each read costs seconds (the AWS schema is
     * large). The caller must not modify the map.
     */
    public Map<String, Object> providerSchemas(Path dir) {
        Map<String, Object> schemas = providerSchemas;
        if (schemas == null) {
            synchronized (this) {
                if (providerSchemas == null) {
                    providerSchemas = Json.parse(ok(dir, "providers", "schema", "-json"));
                }
                schemas = providerSchemas;
            }
        }
        return schemas;
    }

    /** The plan as {@code terraform show -json} prints it. */
    public record Plan(Map<String, Object> json) {
        /** How many resources of each type the plan creates. */
        @SuppressWarnings("unchecked")
        public Map<String, Integer> creates() {
            Map<String, Integer> counts = new TreeMap<>();
            for (Object change : (List<Object>) json.getOrDefault("resource_changes", List.of())) {
                Map<String, Object> c = (Map<String, Object>) change;
                List<String> actions = (List<String>) ((Map<String, Object>) c.get("change")).get("actions");
                if (actions.contains("create")) {
                    counts.merge((String) c.get("type"), 1, Integer::sum);
                }
            }
            return counts;
        }

        /** The resource changes of this plan inside the root's module calls {@code calls}, as the plan shows them. */
        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> changesInCalls(Set<String> calls) {
            List<Map<String, Object>> changes = new ArrayList<>();
            for (Object item : (List<Object>) json.getOrDefault("resource_changes", List.of())) {
                Map<String, Object> change = (Map<String, Object>) item;
                String address = (String) change.get("address");
                if (calls.stream().anyMatch(call -> address.startsWith("module." + call + "."))) {
                    changes.add(change);
                }
            }
            return changes;
        }

        /**
         * The part of this plan inside module call {@code call} of the root, as that module's own plan would show it
         * (addresses without the {@code module.<call>.} prefix): for roots that plan several configurations at once.
         */
        public Plan ofModuleCall(String call) {
            String prefix = "module." + call + ".";
            List<Object> changes = new ArrayList<>();
            for (Map<String, Object> item : changesInCalls(Set.of(call))) {
                Map<String, Object> change = new LinkedHashMap<>(item);
                change.put("address", ((String) change.get("address")).substring(prefix.length()));
                String module = (String) change.remove("module_address");
                if (module != null && module.startsWith(prefix)) {
                    change.put("module_address", module.substring(prefix.length()));
                }
                changes.add(change);
            }
            return new Plan(Map.of("resource_changes", changes));
        }

        /** Whether the plan leaves {@code attribute} of the resource at {@code address} unknown until apply. */
        @SuppressWarnings("unchecked")
        public boolean unknownUntilApply(String address, String attribute) {
            for (Object item : (List<Object>) json.getOrDefault("resource_changes", List.of())) {
                Map<String, Object> change = (Map<String, Object>) item;
                if (address.equals(change.get("address"))) {
                    Map<String, Object> body = (Map<String, Object>) change.get("change");
                    return Boolean.TRUE.equals(((Map<String, Object>) body.get("after_unknown")).get(attribute));
                }
            }
            throw new AssertionError("no planned change for " + address);
        }

        /** The planned values of every resource of {@code type}, by address. */
        @SuppressWarnings("unchecked")
        public Map<String, Map<String, Object>> after(String type) {
            Map<String, Map<String, Object>> result = new TreeMap<>();
            for (Object change : (List<Object>) json.getOrDefault("resource_changes", List.of())) {
                Map<String, Object> c = (Map<String, Object>) change;
                if (type.equals(c.get("type"))) {
                    result.put((String) c.get("address"), (Map<String, Object>) ((Map<String, Object>) c.get("change")).get("after"));
                }
            }
            return result;
        }
    }

    /** The actions the plan takes on one resource address, e.g. [update] or [create, delete] (a replacement). */
    @SuppressWarnings("unchecked")
    public static List<String> actions(Plan plan, String address) {
        for (Object change : (List<Object>) plan.json().getOrDefault("resource_changes", List.of())) {
            Map<String, Object> c = (Map<String, Object>) change;
            if (address.equals(c.get("address"))) {
                return (List<String>) ((Map<String, Object>) c.get("change")).get("actions");
            }
        }
        throw new AssertionError("no planned change for " + address);
    }

    /** init + plan; returns how many resources of each type the plan creates. */
    public Map<String, Integer> planCreates(Path dir, String... planArgs) {
        return plan(dir, planArgs).creates();
    }

    /**
     * init (once per folder) + plan, all offline. No separate {@code terraform validate}: plan validates the whole
     * configuration first (the same walk, with the variable values given) and fails on what validate would report.
     */
    @SuppressWarnings("unchecked")
    public Plan plan(Path dir, String... planArgs) {
        if (!Files.isDirectory(dir.resolve(".terraform"))) {
            ok(dir, "init", "-input=false", "-no-color");
        }
        List<String> plan = new ArrayList<>(List.of("plan", "-input=false", "-no-color", "-lock=false", "-out=offline.tfplan"));
        plan.addAll(List.of(planArgs));
        ok(dir, plan.toArray(String[]::new));
        return new Plan(Json.parse(ok(dir, "show", "-json", "offline.tfplan")));
    }

    private static Terraform locate() {
        Optional<Path> binary = onPath("terraform");
        if (binary.isEmpty()) {
            unavailable = "no terraform binary on PATH";
            return null;
        }
        Optional<Path> mirror = ProviderMirror.find();
        if (mirror.isEmpty()) {
            unavailable = "no offline provider mirror holding hashicorp/aws (set TF_PROVIDER_MIRROR to its folder)";
            return null;
        }
        return new Terraform(binary.get(), ProviderMirror.cliConfig(mirror.get()), ProviderServers.of(mirror.get()));
    }

    private static Optional<Path> onPath(String name) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
