package io.platform.redis.daytwo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platform.redis.module.OnRunningCluster;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A row whose documented class disagrees with the recorded calls fails the wire check (pure Java, no terraform). */
class WireCheckTest {
    @Test
    void aDocumentedClassThatDisagreesWithTheCallsIsAProblem() {
        List<String> recreated = List.of("DeleteReplicationGroup", "CreateReplicationGroup");
        assertTrue(WireCheck.classProblem(OnRunningCluster.IN_PLACE, recreated).contains("recreates the cluster"));
        assertTrue(WireCheck.classProblem(OnRunningCluster.RECORDED_ONLY, List.of("ModifyReplicationGroup(IpDiscovery)"))
                .contains("calls ElastiCache"));
        assertTrue(WireCheck.classProblem(OnRunningCluster.REPLACES, List.of("ModifyReplicationGroup(EngineVersion)"))
                .contains("does not recreate"));
        assertNull(WireCheck.classProblem(OnRunningCluster.REPLACES, recreated));
        assertNull(WireCheck.classProblem(OnRunningCluster.DISRUPTIVE, List.of("ModifyReplicationGroup(ApplyImmediately=true, CacheNodeType)")));
    }

    @Test
    void documentedCallsLeaveOutWhatDependsOnTheEnvironment() {
        assertEquals("ModifyReplicationGroup(CacheNodeType)", WireCheck.documented("ModifyReplicationGroup(ApplyImmediately=true, CacheNodeType)"));
        assertEquals("ModifyReplicationGroup", WireCheck.documented("ModifyReplicationGroup(ApplyImmediately=false)"));
    }
}
