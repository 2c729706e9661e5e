package io.platform.redis.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GoCollectorTest {
    @Test
    void terraformCollectsLessOftenWithinAQuarterOfTheMemory() {
        Map<String, String> env = new HashMap<>();
        GoCollector.tune(env);
        assertEquals("400", env.get("GOGC"));
        assertTrue(env.get("GOMEMLIMIT").matches("[1-9][0-9]*MiB"), env.toString());
    }

    @Test
    void aCallersOwnSettingIsKept() {
        Map<String, String> gogc = new HashMap<>(Map.of("GOGC", "100"));
        GoCollector.tune(gogc);
        assertEquals(Map.of("GOGC", "100"), gogc);
        Map<String, String> limit = new HashMap<>(Map.of("GOMEMLIMIT", "512MiB"));
        GoCollector.tune(limit);
        assertEquals(Map.of("GOMEMLIMIT", "512MiB"), limit);
    }
}
