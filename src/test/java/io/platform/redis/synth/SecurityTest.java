package io.platform.redis.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platform.redis.config.Safeguards;
import io.platform.redis.config.StackFile;
import io.platform.redis.config.Workload;
import io.platform.redis.support.SecurityScan;
import io.platform.redis.support.Synthesized;
import io.platform.redis.files.Directories;
import io.platform.redis.files.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secure by default, over every generated file; and the scan really catches what it looks for. */
class SecurityTest {
    private final Synthesized synthesized = Synthesized.get();

    @TempDir
    Path copy;

    /** Keys the project's stack files set to false on purpose, as "stack/key". */
    private Set<String> explicitlyOff() {
        Set<String> off = new HashSet<>();
        for (StackFile stack : synthesized.stacks) {
            if (stack.workload() instanceof Workload.DjangoRedis django) {
                django.inputs().explicit().forEach((key, value) -> {
                    if (Boolean.FALSE.equals(value)) {
                        off.add(stack.stack() + "/" + key);
                    }
                });
            }
        }
        return off;
    }

    private Path generatedTree() {
        Directories.copy(synthesized.cdktfOut, copy.resolve("cdktf.out"));
        Directories.copy(synthesized.module, copy.resolve("modules/redis"));
        Directories.copy(Synthesized.PROJECT.resolve("main"), copy.resolve("main"));
        Directories.copy(Synthesized.PROJECT.resolve("docs"), copy.resolve("docs"));
        return copy;
    }

    @Test
    void everyGeneratedFileIsSecure() throws Exception {
        Path tree = generatedTree();
        Files.copy(Synthesized.PROJECT.resolve("README.md"), tree.resolve("README.md"));
        assertEquals(List.of(), SecurityScan.problems(tree, explicitlyOff()));
    }

    @Test
    void theScanCatchesOpenIngressSilentlyDisabledEncryptionAndPlaintextSecrets() throws Exception {
        Path tree = generatedTree();
        Path dev = tree.resolve("cdktf.out/stacks/dev/cdk.tf.json");
        Map<String, Object> json = Json.read(dev);
        @SuppressWarnings("unchecked")
        Map<String, Object> call = (Map<String, Object>) ((Map<String, Object>) json.get("module")).get("redis");
        call.put("allowed_cidr_blocks", List.of("0.0.0.0/0"));
        call.put("transit_encryption_enabled", false);
        call.put("auth_token", "hunter2hunter2hunter2");
        Json.write(dev, json);
        List<String> problems = SecurityScan.problems(tree, Set.of());
        String text = String.join("\n", problems);
        assertTrue(text.contains("opens ingress to the whole internet"), text);
        assertTrue(text.contains("transit_encryption_enabled = false without the stack file's explicit key"), text);
        assertTrue(text.contains("module.redis.auth_token holds a plaintext secret"), text);
        assertTrue(!text.contains("hunter2"), "the scan must not print the secret either");
    }

    @Test
    void defaultsAreSafeSoOnlyAnExplicitKeyTurnsASafeguardOff() {
        Map<String, Object> variables = Map.of("variable", synthesized.moduleSection("variable"));
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> declared = (Map<String, Map<String, Object>>) variables.get("variable");
        assertEquals(true, declared.get("at_rest_encryption_enabled").get("default"));
        assertEquals(true, declared.get("transit_encryption_enabled").get("default"));
        assertEquals(true, declared.get("automatic_failover_enabled").get("default"));
        assertEquals(true, declared.get("multi_az_enabled").get("default"));
        assertEquals(false, declared.get("skip_final_snapshot").get("default"));
        assertEquals(List.of(), declared.get("allowed_cidr_blocks").get("default"));
        assertEquals("volatile-lru", declared.get("maxmemory_policy").get("default"), "queued Celery tasks must not be evictable");
        StackFile dev = synthesized.stacks.stream().filter(s -> s.stack().equals("dev")).findFirst().orElseThrow();
        assertEquals(List.of(
                "stacks/dev.yaml: redis.automatic_failover_enabled = false: no automatic failover when the primary fails",
                "stacks/dev.yaml: redis.multi_az_enabled = false: no standby in another availability zone"),
                Safeguards.turnedOff(dev));
        StackFile prod = synthesized.stacks.stream().filter(s -> s.stack().equals("prod")).findFirst().orElseThrow();
        assertEquals(List.of(), Safeguards.turnedOff(prod));
    }
}
