package io.platform.redis.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platform.redis.config.StackFile;
import io.platform.redis.config.StackFileReader;
import io.platform.redis.cost.CostEstimate;
import io.platform.redis.cost.CostReport;
import io.platform.redis.support.JsiiLock;
import io.platform.redis.support.Synthesized;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The cost estimate: sums checked by hand from the price file, unknown where the file has no price. */
@ExtendWith(JsiiLock.class) // calls into cdktf itself, beside the offline terraform classes
class CostEstimateTest {
    @TempDir
    Path project;

    private List<StackFile> stacks(String... files) throws Exception {
        Files.createDirectories(project.resolve("stacks"));
        for (int i = 0; i < files.length; i++) {
            Files.writeString(project.resolve("stacks/s" + i + ".yaml"), files[i]);
        }
        return StackFileReader.readAll(project, project.resolve("stacks"));
    }

    private static final String NETWORK = "  vpc_id: vpc-0a1b2c3d\n  subnet_ids: [subnet-0a1b2c3d, subnet-4e5f6a7b]\n";

    @Test
    void aSplitChatStackIsTheSumOfItsClustersAtThePriceFilesFigures() throws Exception {
        StackFile chat = stacks("""
                stack: chat-us
                region: us-east-1
                chat:
                  base_name: chat-us
                  environment: prod
                  vpc_id: vpc-0a1b2c3d
                  private_subnet_ids: [subnet-0a1b2c3d, subnet-4e5f6a7b]
                  enable_redis_split: true
                  redis_adapter_node_type: cache.r6g.large
                  redis_adapter_replicas: 2
                  redis_state_node_type: cache.m6g.large
                  redis_state_replicas: 1
                """).get(0);
        CostEstimate estimate = CostEstimate.of(chat);
        // By hand from the file: 3 x 0.206 x 730 = 451.14; 2 x 0.149 x 730 = 217.54; total 668.68.
        assertEquals(new BigDecimal("451.140"), estimate.clusters().get(0).monthly().orElseThrow());
        assertEquals(new BigDecimal("217.540"), estimate.clusters().get(1).monthly().orElseThrow());
        assertEquals(new BigDecimal("668.680"), estimate.total().orElseThrow());
        assertEquals("chat-us (us-east-1): module.redis_adapter 3 x cache.r6g.large (redis): $451.14, "
                + "module.redis_state 2 x cache.m6g.large (redis): $217.54; total $668.68", estimate.line());
    }

    @Test
    void valkeyNodesCostTwentyPercentLessAndTheSeedsFiguresHold() throws Exception {
        List<StackFile> files = stacks(
                "stack: a\nregion: us-east-1\nredis:\n  name: a\n  environment: dev\n  node_type: cache.t4g.micro\n  num_cache_clusters: 1\n"
                        + "  automatic_failover_enabled: false\n  multi_az_enabled: false\n" + NETWORK,
                "stack: b\nregion: us-east-1\nredis:\n  name: b\n  environment: dev\n  node_type: cache.t4g.micro\n  num_cache_clusters: 1\n"
                        + "  automatic_failover_enabled: false\n  multi_az_enabled: false\n  engine: valkey\n  engine_version: \"8.0\"\n" + NETWORK);
        // The Django design's table: cache.t4g.micro about $12 a month. 0.016 x 730 = 11.68; Valkey 0.0128 x 730 = 9.344.
        assertEquals(new BigDecimal("11.680"), CostEstimate.of(files.get(0)).total().orElseThrow());
        assertEquals(0, new BigDecimal("9.344").compareTo(CostEstimate.of(files.get(1)).total().orElseThrow()));
    }

    @Test
    void aRegionOrNodeTypeWithoutAPriceIsUnknownNeverGuessed() throws Exception {
        List<StackFile> files = stacks(
                "stack: a\nregion: ap-south-1\nredis:\n  name: a\n  environment: dev\n  node_type: cache.t4g.micro\n" + NETWORK, // a region the file does not list
                "stack: b\nregion: us-east-1\nredis:\n  name: b\n  environment: dev\n  node_type: cache.r9g.large\n" + NETWORK); // a family AWS may add: valid, not priced
        for (StackFile file : files) {
            assertEquals(Optional.empty(), CostEstimate.of(file).total(), file.stack());
            assertTrue(CostEstimate.of(file).line().contains("total unknown"), CostEstimate.of(file).line());
        }
    }

    @Test
    void everyProjectStackHasALineAndARowInTheDocs() {
        List<StackFile> stacks = Synthesized.get().stacks;
        List<String> lines = CostReport.lines(stacks);
        assertEquals(stacks.size(), lines.size());
        String markdown = CostReport.markdown(stacks);
        for (StackFile stack : stacks) {
            assertTrue(markdown.contains("| **" + stack.stack() + " total** |"), stack.stack());
        }
        // every project stack runs in eu-west-1, which the price file lists with its own source
        assertTrue(lines.stream().noneMatch(line -> line.contains("unknown")), String.join("\n", lines));
        assertTrue(markdown.contains("eu-west-1: The open-source ec2instances.info project"), markdown);
    }
}
