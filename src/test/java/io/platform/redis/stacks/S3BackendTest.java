package io.platform.redis.stacks;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.platform.redis.support.JsonPath;
import io.platform.redis.support.Synthesized;
import io.platform.redis.support.Terraform;
import io.platform.redis.support.Tiers;
import io.platform.redis.files.Directories;
import io.platform.redis.files.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The project's S3 backends as terraform 1.11 configures them: `terraform init` with the stack's own backend block,
 * every AWS endpoint pointed at a closed port on 127.0.0.1 (no traffic leaves the machine; the backend is configured,
 * then fails to list the bucket). No "deprecated" warning may appear; the same block with dynamodb_table shows one.
 */
@Tag(Tiers.TERRAFORM)
@Execution(ExecutionMode.CONCURRENT)
class S3BackendTest {
    private static final List<String> LOOPBACK = List.of(
            "-backend-config=endpoints={s3=\"http://127.0.0.1:9\",dynamodb=\"http://127.0.0.1:9\",sts=\"http://127.0.0.1:9\",iam=\"http://127.0.0.1:9\"}",
            "-backend-config=access_key=offline", "-backend-config=secret_key=offline", "-backend-config=use_path_style=true",
            "-backend-config=skip_credentials_validation=true", "-backend-config=skip_requesting_account_id=true",
            "-backend-config=skip_metadata_api_check=true", "-backend-config=max_retries=1");

    private final Synthesized synthesized = Synthesized.get();

    private static String init(Terraform terraform, Path dir, Map<String, Object> backend) {
        Json.write(dir.resolve("main.tf.json"), Map.of("terraform", Map.of("backend", backend)));
        List<String> args = new java.util.ArrayList<>(List.of("init", "-input=false", "-no-color"));
        args.addAll(LOOPBACK);
        return terraform.run(dir, args.toArray(String[]::new)).output();
    }

    @Test
    void theProjectsS3BackendsLockWithoutADeprecatedParameter() throws Exception {
        assumeTrue(Terraform.get().isPresent(), () -> "SKIPPED S3 backend init: " + Terraform.unavailableReason());
        Terraform terraform = Terraform.get().orElseThrow();
        int checked = 0;
        for (var stack : synthesized.stacks) {
            Map<String, Object> json = Json.read(synthesized.cdktfOut.resolve("stacks").resolve(stack.stack()).resolve("cdk.tf.json"));
            Map<String, Object> backend = JsonPath.map(json, "terraform", "backend");
            if (!backend.containsKey("s3")) {
                continue;
            }
            Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")).toAbsolutePath(), "s3-backend-");
            try {
                String output = init(terraform, dir, backend);
                assertTrue(output.contains("127.0.0.1:9"), stack.stack() + ": the S3 backend was not configured:\n" + output);
                assertTrue(!output.contains("Deprecated"), stack.stack() + ":\n" + output);
                assertTrue(Boolean.TRUE.equals(JsonPath.at(backend, "s3", "use_lockfile")), stack.stack() + " locks with use_lockfile");
                checked++;
                if (stack.stack().equals("prod")) {
                    Map<String, Object> withTable = new LinkedHashMap<>(JsonPath.map(backend, "s3"));
                    withTable.remove("use_lockfile");
                    withTable.put("dynamodb_table", "terraform-locks");
                    Directories.deleteIfExists(dir.resolve(".terraform"));
                    String deprecated = init(terraform, dir, Map.of("s3", withTable));
                    assertTrue(deprecated.contains("The parameter \"dynamodb_table\" is deprecated"), deprecated);
                }
            } finally {
                Directories.deleteIfExists(dir);
            }
        }
        assertTrue(checked >= 3, "prod, staging and chat-prod use S3");
        System.out.println("[terraform init] " + checked + " S3 backends configured with use_lockfile, no deprecation warning "
                + "(dynamodb_table shows one)");
    }
}
