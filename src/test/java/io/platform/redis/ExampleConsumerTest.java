package io.platform.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.platform.redis.offline.OfflineCheck;
import io.platform.redis.support.Terraform;
import io.platform.redis.support.Tiers;
import io.platform.redis.files.Directories;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The example consumer (examples/java-consumer), another team's cdktf app, compiled against this build's classes and
 * run in its own JVM as that team would run it; its output folder then plans offline as {@code build/check} plans it:
 * the network stack first, whose planned outputs stand in for its state where the cache stack reads its VPC and
 * subnets (cdktf cross-stack references); one replication group for the cache stack, admitting a security group the
 * same stack creates, two for the chat stack in split mode.
 */
@Tag(Tiers.TERRAFORM)
@Tag(Tiers.PROCESSES)
class ExampleConsumerTest {
    static final Path EXAMPLE = Path.of("examples/java-consumer");

    /** The test's class path: this build's classes and every dependency (Surefire names it in a property). */
    private static String classPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    @Test
    void theExampleAppBuildsSynthesizesAndEveryStackPlansOnItsOwn() throws Exception {
        Path work = Files.createTempDirectory(Files.createDirectories(Path.of("target")).toAbsolutePath(), "java-consumer-");
        try {
            Path classes = Files.createDirectories(work.resolve("classes"));
            List<String> sources = new ArrayList<>();
            try (Stream<Path> walk = Files.walk(EXAMPLE.resolve("src/main/java"))) {
                walk.filter(p -> p.toString().endsWith(".java")).forEach(p -> sources.add(p.toString()));
            }
            List<String> javac = new ArrayList<>(List.of("-d", classes.toString(), "-cp", classPath(), "--release", "17"));
            javac.addAll(sources);
            assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, javac.toArray(String[]::new)), "javac");

            Path app = Files.createDirectories(work.resolve("app"));
            ProcessBuilder run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Djava.io.tmpdir=" + work, "-cp", classes + File.pathSeparator + classPath(), "com.example.platform.InfraApp")
                    .directory(app.toFile()).redirectErrorStream(true);
            run.environment().remove("CDKTF_OUTDIR");
            Process process = run.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(true, process.waitFor(5, TimeUnit.MINUTES), "the example app did not finish");
            assertEquals(0, process.exitValue(), output);
            // Two module calls in chat-split, one copy of the module's files: the asset is shared per stack.
            try (Stream<Path> copies = Files.list(app.resolve("cdktf.out/stacks/chat-split/assets"))) {
                assertEquals(List.of("redis-module-files"), copies.map(p -> p.getFileName().toString()).toList());
            }
            try (Stream<Path> versions = Files.list(app.resolve("cdktf.out/stacks/chat-split/assets/redis-module-files"))) {
                assertEquals(1, versions.count(), "one copy of the module per stack");
            }

            // provider constraints are ranges that admit the module's own, never the bindings' exact pins
            Map<String, Object> chatStack = io.platform.redis.files.Json.read(app.resolve("cdktf.out/stacks/chat-split/cdk.tf.json"));
            assertEquals(">= 3.1.0", io.platform.redis.support.JsonPath.at(chatStack, "terraform", "required_providers", "random", "version"));
            assertEquals(">= 5.73.0, < 7.0.0", io.platform.redis.support.JsonPath.at(chatStack, "terraform", "required_providers", "aws", "version"));
            assumeTrue(Terraform.get().isPresent(), () -> "SKIPPED offline plans of the example's stacks: " + Terraform.unavailableReason());
            // build/check's way with a cdktf app's output: the network first, its planned outputs in place of its state
            ByteArrayOutputStream lines = new ByteArrayOutputStream();
            ByteArrayOutputStream errors = new ByteArrayOutputStream();
            Map<String, Map<String, Object>> plans = Terraform.get().orElseThrow().attached(environment -> OfflineCheck.planApp(app.resolve("cdktf.out"),
                    new PrintStream(lines, true, StandardCharsets.UTF_8), new PrintStream(errors, true, StandardCharsets.UTF_8), environment));
            String report = lines.toString(StandardCharsets.UTF_8);
            assertEquals(List.of("network", "orders-cache", "chat-split"), List.copyOf(plans.keySet()), "producers first");
            assertTrue(!plans.containsValue(null), report + errors.toString(StandardCharsets.UTF_8));
            assertTrue(report.contains("cdktf.out/stacks/orders-cache: terraform init and plan without AWS or a backend: ok, ")
                    && report.contains("(cross-stack references from the planned outputs of network: 3, 3 known only after its apply"), report);
            for (var expected : Map.of("orders-cache", 1, "chat-split", 2).entrySet()) {
                Map<String, Integer> creates = creates(plans.get(expected.getKey()));
                assertEquals(expected.getValue(), creates.get("aws_elasticache_replication_group"), expected.getKey());
                if (expected.getKey().equals("orders-cache")) {
                    // the app's own group and the module's, and the rule admitting the app's group by its token
                    assertEquals(2, creates.get("aws_security_group"), "orders-cache security groups");
                    assertEquals(1, creates.get("aws_vpc_security_group_ingress_rule"), "orders-cache ingress rules");
                    // the tasks' role reads the RBAC users' secrets through the module's policy output
                    assertEquals(2, creates.get("aws_secretsmanager_secret"), "orders-cache user secrets");
                    // the subnet group holds the network stack's subnets, known only after that stack's apply
                    assertTrue(String.valueOf(plans.get("orders-cache")).contains("cross-stack-unknown"), "the network's ids come from its plan");
                }
                // each stack's tasks role reads exactly its Redis secrets (grantSecretsRead)
                assertEquals(1, creates.get("aws_iam_role_policy"), expected.getKey() + " role policy");
            }
            System.out.println("[example consumer] " + report.trim().replace("\n", "\n[example consumer] "));
        } finally {
            Directories.deleteIfExists(work);
        }
    }

    /** Resources a plan creates, by type. */
    @SuppressWarnings("unchecked")
    private static Map<String, Integer> creates(Map<String, Object> plan) {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        for (Object item : (List<Object>) plan.get("resource_changes")) {
            Map<String, Object> change = (Map<String, Object>) item;
            if (((List<String>) ((Map<String, Object>) change.get("change")).get("actions")).contains("create")) {
                counts.merge((String) change.get("type"), 1, Integer::sum);
            }
        }
        return counts;
    }
}
