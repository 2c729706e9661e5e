package io.platform.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.platform.redis.offline.OfflineCopy;
import io.platform.redis.support.Terraform;
import io.platform.redis.synth.Directories;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The example consumer (examples/java-consumer), another team's cdktf app, compiled against this build's classes and
 * run in its own JVM as that team would run it; each stack it writes then plans offline on its own: one replication
 * group for the Redis stack, admitting a security group the same stack creates, two for the chat stack in split mode.
 */
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
            Map<String, Object> chatStack = io.platform.redis.synth.Json.read(app.resolve("cdktf.out/stacks/chat-split/cdk.tf.json"));
            assertEquals(">= 3.1.0", io.platform.redis.support.JsonPath.at(chatStack, "terraform", "required_providers", "random", "version"));
            assertEquals(">= 5.73.0, < 7.0.0", io.platform.redis.support.JsonPath.at(chatStack, "terraform", "required_providers", "aws", "version"));
            assumeTrue(Terraform.get().isPresent(), () -> "SKIPPED offline plans of the example's stacks: " + Terraform.unavailableReason());
            Terraform terraform = Terraform.get().orElseThrow();
            for (var expected : Map.of("orders-cache", 1, "chat-split", 2).entrySet()) {
                try (OfflineCopy copy = OfflineCopy.of(app.resolve("cdktf.out/stacks").resolve(expected.getKey()))) {
                    Terraform.Plan plan = terraform.plan(copy.asRoot(copy.dir()));
                    assertEquals(expected.getValue(), plan.creates().get("aws_elasticache_replication_group"), expected.getKey());
                    if (expected.getKey().equals("orders-cache")) {
                        // the app's own group and the module's, and the rule admitting the app's group by its token
                        assertEquals(2, plan.creates().get("aws_security_group"), "orders-cache security groups");
                        assertEquals(1, plan.creates().get("aws_vpc_security_group_ingress_rule"), "orders-cache ingress rules");
                        // the tasks' role reads the RBAC users' secrets through the module's policy output
                        assertEquals(2, plan.creates().get("aws_secretsmanager_secret"), "orders-cache user secrets");
                    }
                    // each stack's tasks role reads exactly its Redis secrets (grantSecretsRead)
                    assertEquals(1, plan.creates().get("aws_iam_role_policy"), expected.getKey() + " role policy");
                    System.out.println("[example consumer] stack " + expected.getKey() + " plans on its own: "
                            + plan.creates().values().stream().mapToInt(Integer::intValue).sum() + " to create " + plan.creates());
                }
            }
        } finally {
            Directories.deleteIfExists(work);
        }
    }
}
