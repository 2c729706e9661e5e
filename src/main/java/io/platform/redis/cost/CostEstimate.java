package io.platform.redis.cost;

import io.platform.redis.chatdesign.ChatCluster;
import io.platform.redis.config.StackFile;
import io.platform.redis.config.Workload;
import io.platform.redis.module.ModuleInputs;
import io.platform.redis.module.RedisVariables;
import io.platform.redis.stacks.EnvironmentStack;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a stack's nodes cost a month on demand: node type x node count per cluster, at the prices of
 * {@link NodePrices}. Nodes only: snapshots beyond the free allowance, data transfer and CloudWatch are extra.
 */
public record CostEstimate(StackFile stack, List<Cluster> clusters) {

    /** One replication group: its module call, nodes, and monthly price if every figure is known. */
    public record Cluster(String module, String nodeType, int nodes, String engine, Optional<BigDecimal> monthly) {
        String describe() {
            return "module." + module + " " + nodes + " x " + nodeType + " (" + engine + "): "
                    + monthly.map(CostEstimate::usd).orElse("unknown");
        }
    }

    public static CostEstimate of(StackFile stack) {
        List<Cluster> clusters = new ArrayList<>();
        if (stack.workload() instanceof Workload.DjangoRedis django) {
            clusters.add(cluster(stack.region(), EnvironmentStack.REDIS_ID, django.inputs()));
        } else if (stack.workload() instanceof Workload.ChatRedis chat) {
            for (ChatCluster cluster : ChatCluster.of(chat.settings())) {
                clusters.add(cluster(stack.region(), cluster.moduleId(EnvironmentStack.REDIS_ID), cluster.inputs()));
            }
        }
        return new CostEstimate(stack, List.copyOf(clusters));
    }

    private static Cluster cluster(String region, String module, ModuleInputs inputs) {
        String nodeType = inputs.string(RedisVariables.NODE_TYPE);
        String engine = inputs.string(RedisVariables.ENGINE);
        int nodes = inputs.number(RedisVariables.NUM_CACHE_CLUSTERS);
        Optional<BigDecimal> monthly = NodePrices.get().hourly(region, engine, nodeType)
                .map(hourly -> hourly.multiply(BigDecimal.valueOf((long) nodes * NodePrices.get().hoursPerMonth())));
        return new Cluster(module, nodeType, nodes, engine, monthly);
    }

    /** The sum of every cluster, or empty when any cluster's price is unknown. */
    public Optional<BigDecimal> total() {
        BigDecimal sum = BigDecimal.ZERO;
        for (Cluster cluster : clusters) {
            if (cluster.monthly().isEmpty()) {
                return Optional.empty();
            }
            sum = sum.add(cluster.monthly().get());
        }
        return Optional.of(sum);
    }

    /** One line: "prod (eu-west-1): module.redis 2 x cache.t4g.small (redis): $46.72; total $46.72". */
    public String line() {
        String why = total().isPresent() ? ""
                : NodePrices.get().lists(stack.region()) ? " (a node type has no " + stack.region() + " price in the price file)"
                : " (the price file has no " + stack.region() + " prices yet)";
        return stack.stack() + " (" + stack.region() + "): " + String.join(", ", clusters.stream().map(Cluster::describe).toList())
                + "; total " + total().map(CostEstimate::usd).orElse("unknown") + why;
    }

    static String usd(BigDecimal amount) {
        return "$" + amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
