package io.platform.redis.module;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.platform.redis.support.Terraform;
import io.platform.redis.support.Tiers;
import io.platform.redis.files.Directories;
import io.platform.redis.files.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The window overlap rule is written twice, in Java ({@link Windows#overlap}) and as the module's locals
 * ({@link Windows#hclLocals}); real terraform evaluates the locals for a few hundred window pairs (days, midnight and
 * week wrap-around, touching edges, malformed values) and must agree with Java on every one.
 */
@Tag(Tiers.TERRAFORM)
class WindowsTest {
    @Test
    void terraformAndJavaAgreeOnEveryPair() throws Exception {
        assumeTrue(Terraform.get().isPresent(), () -> "SKIPPED window overlap in terraform: " + Terraform.unavailableReason());
        Map<String, Map<String, String>> cases = new TreeMap<>();
        Map<String, Boolean> java = new TreeMap<>();
        int n = 0;
        for (int snapStart = 0; snapStart < Windows.DAY; snapStart += 170) {
            for (int snapLength : List.of(60, 95, 600)) {
                for (int day = 0; day < 7; day += 2) {
                    for (int maintLength : List.of(60, 180, 2 * Windows.DAY)) {
                        int maintStart = day * Windows.DAY + (snapStart + snapLength * day / 3) % Windows.DAY;
                        String snapshot = hhmm(snapStart) + "-" + hhmm(snapStart + snapLength);
                        String maintenance = weekMinute(maintStart) + "-" + weekMinute(maintStart + maintLength);
                        String id = String.format("c%03d", n++);
                        cases.put(id, Map.of("s", snapshot, "m", maintenance));
                        java.put(id, Windows.overlap(snapshot, maintenance));
                    }
                }
            }
        }
        // Edges: touching windows do not overlap; malformed values are left to their own rules (no overlap reported).
        for (String[] edge : List.of(new String[] {"05:00-06:00", "sun:06:00-sun:07:00"}, new String[] {"06:00-07:00", "sat:23:00-sun:06:00"},
                new String[] {"23:30-00:30", "mon:00:00-mon:01:00"}, new String[] {"3:00-4:00", "sun:03:00-sun:04:00"},
                new String[] {"03:00-04:00", "sunday:03:00-04:00"})) {
            String id = String.format("c%03d", n++);
            cases.put(id, Map.of("s", edge[0], "m", edge[1]));
            java.put(id, edge[0].matches(Windows.SNAPSHOT_FORMAT) && edge[1].matches(Windows.MAINTENANCE_FORMAT)
                    && Windows.overlap(edge[0], edge[1]));
        }
        assertTrue(java.containsValue(true) && java.containsValue(false), "the pairs must include both outcomes");

        Path root = Files.createTempDirectory("windows-");
        try {
            Map<String, Object> locals = new LinkedHashMap<>();
            Windows.hclLocals("var.snapshot_window", "var.maintenance_window").forEach((name, value) -> locals.put(name, "${" + value + "}"));
            Json.write(root.resolve("windows/main.tf.json"), Map.of(
                    "variable", Map.of("snapshot_window", Map.of("type", "string"), "maintenance_window", Map.of("type", "string")),
                    "locals", locals,
                    "output", Map.of("overlap", Map.of("value", "${local.windows_overlap}"))));
            Json.write(root.resolve("main.tf.json"), Map.of(
                    "locals", Map.of("cases", cases),
                    "module", Map.of("pair", Map.of("source", "./windows", "for_each", "${local.cases}",
                            "snapshot_window", "${each.value.s}", "maintenance_window", "${each.value.m}")),
                    "output", Map.of("overlap", Map.of("value", "${{ for id, pair in module.pair : id => pair.overlap }}"))));
            Terraform terraform = Terraform.get().orElseThrow();
            terraform.ok(root, "init", "-input=false", "-no-color");
            terraform.ok(root, "plan", "-input=false", "-no-color", "-lock=false", "-out=windows.tfplan");
            Map<String, Object> plan = Json.parse(terraform.ok(root, "show", "-json", "windows.tfplan"));
            @SuppressWarnings("unchecked")
            Map<String, Object> planned = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) plan.get("planned_values"))
                    .get("outputs")).get("overlap");
            Map<?, ?> terraformSays = (Map<?, ?>) planned.get("value");
            List<String> disagreements = java.keySet().stream().filter(id -> !java.get(id).equals(terraformSays.get(id)))
                    .map(id -> cases.get(id) + ": java " + java.get(id) + ", terraform " + terraformSays.get(id)).toList();
            assertEquals(List.of(), disagreements);
            System.out.println("[windows] " + cases.size() + " window pairs, " + java.values().stream().filter(b -> b).count()
                    + " overlapping: terraform and Java agree");
        } finally {
            Directories.deleteIfExists(root);
        }
    }

    private static String hhmm(int minute) {
        int m = Math.floorMod(minute, Windows.DAY);
        return String.format("%02d:%02d", m / 60, m % 60);
    }

    private static String weekMinute(int minute) {
        int m = Math.floorMod(minute, Windows.WEEK);
        return Windows.DAYS.get(m / Windows.DAY) + ":" + hhmm(m % Windows.DAY);
    }
}
