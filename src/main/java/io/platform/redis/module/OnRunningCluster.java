package io.platform.redis.module;

/**
 * What a change of one input does to a cluster that is running: the question an operator asks before an apply.
 * The real AWS provider's plan against a recorded state of a running cluster tells these apart (ChangeSafetyTest):
 * no planned change, an update, or the replication group replaced. Whether an update restarts nodes or resets
 * connections is AWS's behaviour, which a plan cannot show; that distinction is documented, and checked as an update.
 */
public enum OnRunningCluster {
    NO_CHANGE("no change"),
    /** Terraform updates its state and AWS is not called: the value matters only when a cluster is created. */
    RECORDED_ONLY("no change to the nodes: only Terraform's state (AWS uses it when a cluster is created)"),
    IN_PLACE("in place"),
    DISRUPTIVE("in place, with a restart, failover or reconnect"),
    REPLACES("replaces the cluster: its data is lost (refused in prod)"),
    /** ElastiCache accepts it only in steps one apply cannot take: refused at plan, with the steps (DayTwoTransitions). */
    REFUSED("refused at plan: ElastiCache needs it in steps, which the message names");

    private final String label;

    OnRunningCluster(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the replication group survives the change. */
    public boolean keepsTheCluster() {
        return this != REPLACES;
    }

    /** Whether the provider's plan updates something (an update that AWS may or may not be called for). */
    public boolean plansAnUpdate() {
        return this == RECORDED_ONLY || this == IN_PLACE || this == DISRUPTIVE;
    }
}
