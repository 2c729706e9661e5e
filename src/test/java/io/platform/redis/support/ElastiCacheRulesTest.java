package io.platform.redis.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platform.redis.support.ElastiCacheRecorder.Call;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The wire check can fail: the calls the module's previous release made for the edits it documented "in place" (as
 * the AWS provider 5.100 sends them) each break an ElastiCache rule here, and the calls the module makes now do not.
 */
class ElastiCacheRulesTest {
    private static Call modify(Map<String, String> parameters) {
        Map<String, String> all = new java.util.TreeMap<>(parameters);
        all.put("Action", "ModifyReplicationGroup");
        all.put("ReplicationGroupId", "orders");
        return new Call("ModifyReplicationGroup", all);
    }

    private static List<String> broken(ElastiCacheRules.Cluster running, Call... calls) {
        return new ElastiCacheRules(Map.of("orders", running)).check(List.of(calls));
    }

    private static ElastiCacheRules.Cluster withToken() {
        return new ElastiCacheRules.Cluster(true, "required", true, List.of(), "orders-redis7");
    }

    @Test
    void theFormerCallsForDocumentedInPlaceEditsBreakElastiCacheRules() {
        // auth_token_enabled true -> false: an empty token with the provider's default strategy
        assertTrue(broken(withToken(), modify(Map.of("AuthToken", "", "AuthTokenUpdateStrategy", "ROTATE"))).get(0)
                .contains("16 to 128 printable characters"));
        // AUTH token -> RBAC: the user group in a call of its own
        assertTrue(broken(withToken(), modify(Map.of("UserGroupIdsToAdd.member.1", "orders-users"))).get(0)
                .contains("AuthTokenUpdateStrategy=DELETE in the same call"));
        // TLS on with the default mode
        assertTrue(broken(new ElastiCacheRules.Cluster(false, null, false, List.of(), "orders-redis7"),
                modify(Map.of("TransitEncryptionEnabled", "true", "TransitEncryptionMode", "required"))).get(0)
                .contains("TransitEncryptionMode=preferred"));
        // an engine upgrade in prod: the cluster moves at the window, the old group is deleted at once
        Call upgrade = modify(Map.of("CacheParameterGroupName", "orders-valkey8", "ApplyImmediately", "false"));
        Call delete = new Call("DeleteCacheParameterGroup", Map.of("Action", "DeleteCacheParameterGroup", "CacheParameterGroupName", "orders-redis7"));
        assertTrue(broken(withToken(), upgrade, delete).get(0).contains("cannot be deleted while a cluster is associated"));
    }

    @Test
    void theCallsTheModuleMakesNowKeepThem() {
        assertEquals(List.of(), broken(new ElastiCacheRules.Cluster(false, null, false, List.of(), "orders-redis7"),
                modify(Map.of("TransitEncryptionEnabled", "true", "TransitEncryptionMode", "preferred")),
                modify(Map.of("TransitEncryptionMode", "required"))));
        Call upgrade = modify(Map.of("CacheParameterGroupName", "orders-valkey8", "ApplyImmediately", "true"));
        Call delete = new Call("DeleteCacheParameterGroup", Map.of("Action", "DeleteCacheParameterGroup", "CacheParameterGroupName", "orders-redis7"));
        assertEquals(List.of(), broken(withToken(), upgrade, delete));
    }

    @Test
    void aTokenAddedWithRotateLeavesPasswordlessAccessUntilSet() {
        ElastiCacheRules rules = new ElastiCacheRules(Map.of("orders", new ElastiCacheRules.Cluster(true, "required", false, List.of(), "g")));
        rules.check(List.of(modify(Map.of("AuthToken", "Not-a-secret-token-1", "AuthTokenUpdateStrategy", "ROTATE"))));
        assertTrue(rules.cluster("orders").open());
        rules.check(List.of(modify(Map.of("AuthToken", "Not-a-secret-token-1", "AuthTokenUpdateStrategy", "SET"))));
        assertTrue(!rules.cluster("orders").open());
    }
}
