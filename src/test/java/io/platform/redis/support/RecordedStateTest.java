package io.platform.redis.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordedStateTest {
    /** An ElastiCache user's marks as a plan shows them: the passwords, at the top and in the authentication block. */
    @Test
    void sensitiveMarksBecomeTheStatesPaths() {
        Map<String, Object> marks = Map.of("passwords", true, "authentication_mode", List.of(Map.of("passwords", true)), "tags", Map.of());
        List<List<Map<String, Object>>> paths = RecordedState.sensitivePaths(marks, List.of());
        assertEquals(2, paths.size(), paths.toString());
        assertEquals(true, paths.contains(List.of(Map.of("type", "get_attr", "value", "passwords"))), paths.toString());
        assertEquals(true, paths.contains(List.of(Map.of("type", "get_attr", "value", "authentication_mode"),
                Map.of("type", "index", "value", Map.of("value", 0, "type", "number")), Map.of("type", "get_attr", "value", "passwords"))),
                paths.toString());
        assertEquals(List.of(), RecordedState.sensitivePaths(false, List.of()));
    }
}
