package io.platform.redis.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.platform.redis.offline.OfflineCheck;
import io.platform.redis.support.Synthesized;
import io.platform.redis.support.Terraform;
import io.platform.redis.support.Tiers;
import io.platform.redis.files.Directories;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** build/check, the documented way to check a stack or the module without AWS: the code the tests plan with. */
@Tag(Tiers.TERRAFORM)
@Execution(ExecutionMode.CONCURRENT)
class OfflineCheckTest {
    private final Synthesized synthesized = Synthesized.get();

    private record Run(int status, String out, String err) {
    }

    /** build/check of {@code targets}, with {@code environment} added to terraform's. */
    private Run check(Path project, Path cdktfOut, Map<String, String> environment, String... targets) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = OfflineCheck.run(project, project, cdktfOut, List.of(targets), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), environment);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aStackAndTheModulePlanWithoutAwsAndABrokenStackFails() throws Exception {
        assumeTrue(Terraform.get().isPresent(), () -> "SKIPPED build/check: " + Terraform.unavailableReason());
        Path project = Files.createTempDirectory(Files.createDirectories(Path.of("target")).toAbsolutePath(), "check-");
        try {
            Directories.copy(synthesized.module, project.resolve("modules/redis"));
            Directories.copy(synthesized.cdktfOut, project.resolve("cdktf.out"));
            // as a user's shell runs it: terraform installs the provider from the mirror and starts it for each command
            Run ok = check(project, project.resolve("cdktf.out"), Map.of(), "staging", "module");
            assertEquals(0, ok.status(), ok.err());
            assertTrue(ok.out().contains("check staging: terraform init and plan without AWS or a backend: ok, "), ok.out());
            int moduleResources = TerraformOfflineTest.expectedModuleResources(
                    io.platform.redis.module.ModuleInputs.of(io.platform.redis.module.RedisVariables.EXAMPLE)).values().stream().mapToInt(n -> n).sum();
            assertTrue(ok.out().contains("check module: terraform init and plan without AWS or a backend: ok, " + moduleResources + " to add"), ok.out());

            Path staging = project.resolve("cdktf.out/stacks/staging/cdk.tf.json");
            Files.writeString(staging, Files.readString(staging).replace("\"cache.t4g.small\"", "\"cache.t4g.smal\""));
            // the other checks attach terraform to a running provider, the same binary (ProviderServers): less CPU
            Run broken = Terraform.get().orElseThrow().attached(environment -> check(project, project.resolve("cdktf.out"), environment, "staging", "nope"));
            assertEquals(2, broken.status());
            assertTrue(broken.err().contains("The node_type value must be a node type cache.FAMILY.SIZE"), broken.err());
            assertTrue(broken.err().contains("check staging: FAILED"), broken.err());
            assertTrue(broken.err().contains("check nope: no such synthesized stack"), broken.err());
            System.out.println("[build/check] " + ok.out().trim().replace("\n", "\n[build/check] "));
        } finally {
            Directories.deleteIfExists(project);
        }
    }

    /**
     * A team's own root configuration, as build/check takes it: examples/hcl-platform with the module it calls by a
     * relative path, gathered and planned offline; a folder with no Terraform files is a usage error.
     */
    @Test
    void aTeamsRootConfigurationPlansWithTheModuleItCalls() throws Exception {
        assumeTrue(Terraform.get().isPresent(), () -> "SKIPPED build/check of a team's folder: " + Terraform.unavailableReason());
        Path project = Files.createTempDirectory(Files.createDirectories(Path.of("target")).toAbsolutePath(), "check-team-");
        try {
            Directories.copy(synthesized.module, project.resolve("modules/redis"));
            Directories.copy(Synthesized.PROJECT.resolve("examples/hcl-platform"), project.resolve("examples/hcl-platform"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status = Terraform.get().orElseThrow().attached(environment -> OfflineCheck.run(project, project.resolve("examples"),
                    project.resolve("cdktf.out"), List.of("hcl-platform/", "../modules/"), new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), environment));
            String lines = out.toString(StandardCharsets.UTF_8);
            String errors = err.toString(StandardCharsets.UTF_8);
            assertEquals(2, status, lines + errors);
            assertTrue(lines.contains("check hcl-platform/: terraform init and plan without AWS or a backend: ok, ")
                    && lines.contains("(local modules redis)"), lines + errors);
            assertTrue(errors.contains("check ../modules/: no Terraform files and no cdktf output"), errors);
            assertTrue(!Files.exists(project.resolve("examples/hcl-platform/.terraform")), "the team's folder is left as it was");
            System.out.println("[build/check] " + lines.trim());
        } finally {
            Directories.deleteIfExists(project);
        }
    }
}
