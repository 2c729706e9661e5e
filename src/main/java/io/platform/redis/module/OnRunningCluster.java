package io.platform.redis.module;

/**
 * What a change of one input does to a cluster that is running: the question an operator asks before an apply.
 * The real AWS provider's plan against a recorded state of a running cluster tells these apart (ChangeSafetyTest):
 * no planned change, an update, or the replication group replaced. Whether an update restarts nodes or resets
 * connections is AWS's behaviour, which a plan cannot show; that distinction is documented, and checked as an update.
 */
public enum OnRunningCluster {
    NO_CHANGE("no change"),
    IN_PLACE("in place"),
    DISRUPTIVE("in place, with a restart, failover or reconnect"),
    REPLACES("replaces the cluster: its data is lost (refused in prod)");

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
}
