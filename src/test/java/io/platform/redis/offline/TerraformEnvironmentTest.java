package io.platform.redis.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TerraformEnvironmentTest {
    @Test
    void aCheckPlansWhatIsInTheFilesWithoutPromptsOrTheCallersValues() {
        Map<String, String> env = new HashMap<>(Map.of("TF_VAR_node_type", "cache.r7g.large", "TF_WORKSPACE", "prod",
                "TF_DATA_DIR", "/elsewhere", "PATH", "/usr/bin"));
        TerraformEnvironment.offline(env);
        assertFalse(env.containsKey("TF_VAR_node_type") || env.containsKey("TF_WORKSPACE") || env.containsKey("TF_DATA_DIR"), env.toString());
        assertEquals("/usr/bin", env.get("PATH"));
        assertEquals("0", env.get("TF_INPUT"));
        assertEquals("1", env.get("CHECKPOINT_DISABLE"));
        assertEquals("true", env.get("AWS_EC2_METADATA_DISABLED"));
        assertEquals(GoCollector.GOGC, env.get("GOGC"));
    }
}
