package io.platform.redis.module;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.platform.redis.module.RedisVariables;
import io.platform.redis.offline.OfflineCopy;
import io.platform.redis.support.ModuleRoot;
import io.platform.redis.support.RecordedState;
import io.platform.redis.support.Synthesized;
import io.platform.redis.support.Terraform;
import io.platform.redis.support.Tiers;
import io.platform.redis.files.Directories;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * An upgrade in place: clusters recorded as running from the previous release's module (its files are kept in the
 * test resources, {@code previous-release/modules/redis}) are planned with this release's module. Nothing may be
 * destroyed or replaced; what the plan does change is printed (and named in CHANGELOG.md).
 */
@Tag(Tiers.TERRAFORM)
@Execution(ExecutionMode.CONCURRENT)
class UpgradeTest {
    private final Synthesized synthesized = Synthesized.get();

    private static Map<String, Object> call(Object... more) {
        Map<String, Object> values = new LinkedHashMap<>(RedisVariables.EXAMPLE);
        values.put("environment", "staging");
        values.put("alarms_enabled", false);
        for (int i = 0; i < more.length; i += 2) {
            values.put((String) more[i], more[i + 1]);
        }
        return values;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, List<String>> actions(Terraform.Plan plan) {
        Map<String, List<String>> actions = new TreeMap<>();
        for (Object item : (List<Object>) plan.json().get("resource_changes")) {
            Map<String, Object> change = (Map<String, Object>) item;
            actions.put((String) change.get("address"), (List<String>) ((Map<String, Object>) change.get("change")).get("actions"));
        }
        return actions;
    }

    @Test
    void clustersOfThePreviousReleaseUpgradeWithoutAReplacement() {
        assumeTrue(Terraform.get().isPresent(), () -> "SKIPPED upgrade from the previous release: " + Terraform.unavailableReason());
        Terraform terraform = Terraform.get().orElseThrow();
        Map<String, Map<String, Object>> calls = new LinkedHashMap<>();
        calls.put("staging", call("name", "up-staging"));
        calls.put("prod_auth", call("name", "up-prod", "environment", "prod", "auth_token_enabled", true));
        calls.put("rbac", call("name", "up-rbac", "rbac_users", Map.of("django", "on ~:1:* +@all"), "allowed_cidr_blocks", List.of("10.0.0.0/16")));
        calls.put("preferred", call("name", "up-tls", "transit_encryption_mode", "preferred"));
        Path previous = ModuleRoot.scratch("upgrade-previous-");
        Path current = ModuleRoot.withModule(synthesized, "upgrade-current-");
        try {
            Directories.copy(Path.of("src/test/resources/previous-release/modules/redis"), previous.resolve("modules/redis"));
            ModuleRoot.writeCalls(previous, calls);
            ModuleRoot.writeCalls(current, calls);
            try (OfflineCopy old = OfflineCopy.of(previous); OfflineCopy now = OfflineCopy.of(current)) {
                Path dir = old.asRoot(old.dir());
                RecordedState.ofRunning(terraform, dir); // plans no change of itself: what the new module plans is the upgrade
                Directories.deleteIfExists(dir.resolve("modules/redis"));
                Directories.copy(now.dir().resolve("modules/redis"), dir.resolve("modules/redis"));
                terraform.ok(dir, "init", "-input=false", "-no-color");
                Map<String, List<String>> upgrade = actions(terraform.plan(dir, "-refresh=false"));
                Map<String, List<String>> actions = new TreeMap<>();
                List<String> destroyed = new ArrayList<>();
                upgrade.forEach((address, planned) -> {
                    if (planned.equals(List.of("no-op"))) {
                        return;
                    }
                    actions.computeIfAbsent(String.join("/", planned), a -> new ArrayList<>())
                            .add(address.replaceAll("^module\\.\\w+\\.", "").replaceAll("\\[.*\\]", "[...]"));
                    if (planned.contains("delete")) {
                        destroyed.add(address);
                    }
                });
                actions.replaceAll((action, addresses) -> addresses.stream().distinct().sorted().toList());
                System.out.println("[upgrade] clusters of the previous release planned with this one: " + actions);
                assertEquals(List.of(), destroyed, "an upgrade destroys or replaces nothing");
            }
        } finally {
            Directories.deleteIfExists(previous);
            Directories.deleteIfExists(current);
        }
    }
}
