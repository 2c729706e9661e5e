package io.platform.redis.module;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platform.redis.InvalidConfigException;
import io.platform.redis.RedisModuleConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The engine parameters each family's group can set (EngineParameters, from the ElastiCache parameter reference) and
 * the check of parameters against them, in Java. The same list is the module's local.engine_parameters; the module's
 * validation test runs the rule's bad example through terraform (modules/redis/tests/validation.tftest.hcl).
 */
class EngineParametersTest {
    private static RedisModuleConfig.Builder valid() {
        return RedisModuleConfig.builder().name("orders-cache").environment("dev").nodeType("cache.t4g.micro")
                .subnetIds(List.of("subnet-0a1b2c3d", "subnet-4e5f6a7b"));
    }

    @Test
    void everyFamilyTheModuleSupportsHasItsListAndEachListHoldsTheTunedParameters() {
        for (String engine : List.of("redis", "valkey")) {
            for (String version : engine.equals("redis") ? RedisVariables.REDIS_VERSIONS : RedisVariables.VALKEY_VERSIONS) {
                String family = RedisVariables.parameterGroupFamily(engine, version);
                assertTrue(EngineParameters.BY_FAMILY.containsKey(family), engine + " " + version + ": " + family);
                assertTrue(EngineParameters.BY_FAMILY.get(family).containsAll(RedisVariables.TUNED_PARAMETERS.keySet()),
                        family + " lacks a parameter a typed input sets");
            }
        }
        EngineParameters.BY_FAMILY.forEach((family, names) -> {
            List<String> fixed = new ArrayList<>(names);
            fixed.retainAll(EngineParameters.FIXED);
            assertEquals(List.of(), fixed, family + ": a parameter ElastiCache fixes is listed as settable");
            assertEquals(names.stream().sorted().distinct().toList(), names, family);
        });
    }

    /** What the reference says changed between versions shows in the lists. */
    @Test
    void theListsFollowTheReferencesChanges() {
        Map<String, List<String>> families = EngineParameters.BY_FAMILY;
        assertTrue(families.get("redis6.x").contains("hash-max-ziplist-entries"));
        assertTrue(!families.get("redis7").contains("hash-max-ziplist-entries"));
        assertTrue(families.get("redis7").contains("hash-max-listpack-entries"));
        assertTrue(families.get("redis7").contains("min-replicas-to-write") && !families.get("redis7").contains("min-slaves-to-write"));
        assertEquals(families.get("redis7"), families.get("valkey7"));
        assertTrue(families.get("redis7").contains("lazyfree-lazy-eviction"));
        assertTrue(!families.get("valkey8").contains("lazyfree-lazy-eviction"));
        assertTrue(families.get("valkey8").contains("commandlog-reply-larger-than"));
        assertTrue(families.get("redis7").containsAll(List.of("activedefrag", "reserved-memory-percent", "latency-tracking")));
    }

    @Test
    void anUnknownNameIsRefusedWithTheClosestKnownOneAndAReadOnlyOneToo() {
        InvalidConfigException typo = assertThrows(InvalidConfigException.class, () -> valid()
                .parameters(Map.of("active-defrag", "yes", "databases", "32", "latency-tracking", "yes")).build());
        assertTrue(typo.getMessage().contains(": active-defrag (did you mean activedefrag?), databases"), typo.getMessage());
        assertTrue(!typo.getMessage().contains("latency-tracking"), typo.getMessage());

        InvalidConfigException valkey8 = assertThrows(InvalidConfigException.class, () -> valid().engine("valkey").engineVersion("8.1")
                .parameters(Map.of("lazyfree-lazy-eviction", "yes")).build());
        assertTrue(valkey8.getMessage().contains(": lazyfree-lazy-eviction"), valkey8.getMessage());
        valid().engine("valkey").engineVersion("8.1").parameters(Map.of("commandlog-reply-larger-than", "2097152")).build();
    }

    @Test
    void aNameTheListLacksGoesThroughWhenTheCallerSaysSo() {
        RedisModuleConfig config = valid().parameters(Map.of("brand-new-parameter", "yes"))
                .uncheckedParameterNames(List.of("brand-new-parameter")).build();
        assertEquals(Map.of("brand-new-parameter", "yes"), config.variables().get(RedisVariables.PARAMETERS.name()));
        InvalidConfigException badName = assertThrows(InvalidConfigException.class, () -> valid()
                .uncheckedParameterNames(List.of("Brand_New")).build());
        assertTrue(badName.getMessage().contains("unchecked_parameter_names"), badName.getMessage());
    }

    /** The module writes the common names once and each family's own beside them. */
    @Test
    void theModulesExpressionHoldsEachFamilysOwnNames() {
        String hcl = EngineParameters.byFamilyInHcl().toString();
        List<String> common = EngineParameters.common();
        EngineParameters.BY_FAMILY.forEach((family, names) -> {
            assertTrue(EngineParameters.byFamilyInHcl().get(family).startsWith("${concat(local.engine_parameters_common, "), hcl);
            names.stream().filter(name -> !common.contains(name)).forEach(name -> assertTrue(hcl.contains("\"" + name + "\""), name));
        });
        assertTrue(common.contains("activedefrag") && !common.contains("lazyfree-lazy-eviction"), common.toString());
    }
}
