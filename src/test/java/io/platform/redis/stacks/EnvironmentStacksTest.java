package io.platform.redis.stacks;

import static io.platform.redis.support.JsonPath.at;
import static io.platform.redis.support.JsonPath.map;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platform.redis.config.StackFile;
import io.platform.redis.config.Workload;
import io.platform.redis.module.ModuleInputs;
import io.platform.redis.module.ModuleOutput;
import io.platform.redis.module.RedisOutputs;
import io.platform.redis.support.Synthesized;
import io.platform.redis.files.Directories;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every Django environment stack calls the exported module with its stack file's values and re-exports its outputs. */
class EnvironmentStacksTest {
    private final Synthesized synthesized = Synthesized.get();
    private final List<StackFile> djangoStacks = synthesized.stacks.stream()
            .filter(s -> s.workload() instanceof Workload.DjangoRedis).toList();

    private static ModuleInputs inputs(StackFile stack) {
        return ((Workload.DjangoRedis) stack.workload()).inputs();
    }

    @Test
    void theProjectHasDevStagingAndProd() {
        assertTrue(synthesized.stacks.stream().map(StackFile::stack).toList().containsAll(List.of("dev", "staging", "prod")));
    }

    @Test
    void eachStackCallsTheModuleWithExactlyItsStackFileValues() {
        for (StackFile stack : djangoStacks) {
            Map<String, Object> call = new LinkedHashMap<>(map(synthesized.stackJson(stack.stack()), "module", "redis"));
            call.remove("//");
            assertEquals("./modules/redis", call.remove("source"), stack.stack());
            assertEquals(new LinkedHashMap<>(inputs(stack).explicit()), call, stack.stack());
            assertEquals(stack.region(), at(synthesized.stackJson(stack.stack()), "provider", "aws", 0, "region"));
        }
    }

    /** The files a deployment needs, byte for byte those of modules/redis; its tests folder is the module's own CI. */
    @Test
    void eachStackCarriesAnIdenticalCopyOfTheShippedModule() {
        Map<String, byte[]> module = Directories.snapshot(synthesized.module);
        module.keySet().retainAll(io.platform.redis.module.ModuleExporter.SHIPPED);
        assertEquals(io.platform.redis.module.ModuleExporter.SHIPPED.size(), module.size(), () -> "the .tf files and the README: " + module.keySet());
        for (StackFile stack : synthesized.stacks) {
            Map<String, byte[]> copy = Directories.snapshot(synthesized.stackDir(stack.stack()).resolve("modules/redis"));
            assertEquals(module.keySet(), copy.keySet(), stack.stack());
            module.forEach((file, bytes) -> assertArrayEquals(bytes, copy.get(file), stack.stack() + ": " + file));
        }
    }

    @Test
    void eachStackOutputsTheModuleOutputsUnderTheSameNamesAndSensitivity() {
        for (StackFile stack : djangoStacks) {
            Map<String, Object> outputs = map(synthesized.stackJson(stack.stack()), "output");
            assertEquals(RedisOutputs.ALL.stream().map(ModuleOutput::name).sorted().toList(),
                    outputs.keySet().stream().sorted().toList(), stack.stack());
            for (ModuleOutput output : RedisOutputs.ALL) {
                assertEquals("${module.redis." + output.name() + "}", at(outputs, output.name(), "value"));
                assertEquals(output.sensitive(), at(outputs, output.name(), "sensitive"));
                assertEquals(output.description(), at(outputs, output.name(), "description"));
            }
            // the map cdktf keeps of its TerraformOutputs (construct id to output name), which cdktf deploy
            // --outputs-file reads: written for these outputs too, as a chat stack's TerraformOutputs have it
            Map<String, Object> constructIds = new java.util.TreeMap<>();
            RedisOutputs.ALL.forEach(output -> constructIds.put("output_" + output.name(), output.name()));
            assertEquals(constructIds, new java.util.TreeMap<>(map(synthesized.stackJson(stack.stack()), "//", "outputs", stack.stack())),
                    stack.stack());
        }
        Map<String, Object> chat = map(synthesized.stackJson("chat-dev"), "//", "outputs", "chat-dev");
        assertTrue(chat.keySet().stream().allMatch(id -> id.equals("output_" + chat.get(id))), "cdktf's own map, for a chat stack: " + chat);
    }

    @Test
    void prodIsHighlyAvailableKeepsBackupsAndUsesRemoteState() {
        Map<String, Object> prod = synthesized.stackJson("prod");
        Map<String, Object> call = map(prod, "module", "redis");
        assertEquals("prod", call.get("environment"));
        assertEquals(true, call.get("multi_az_enabled"));
        assertEquals(true, call.get("automatic_failover_enabled"));
        assertEquals(2, call.get("num_cache_clusters"));
        assertEquals(30, call.get("snapshot_retention_limit"));
        assertEquals("lightwave-terraform-state", at(prod, "terraform", "backend", "s3", "bucket"));
        assertEquals("terraform.dev.tfstate", at(synthesized.stackJson("dev"), "terraform", "backend", "local", "path"));
    }

    @Test
    void stacksDeclareProviderRangesTheMirrorCanSatisfy() {
        for (StackFile stack : synthesized.stacks) {
            Map<String, Object> terraform = map(synthesized.stackJson(stack.stack()), "terraform");
            assertEquals(">= 5.73.0, < 7.0.0", at(terraform, "required_providers", "aws", "version"));
            assertEquals("hashicorp/aws", at(terraform, "required_providers", "aws", "source"));
        }
    }
}
