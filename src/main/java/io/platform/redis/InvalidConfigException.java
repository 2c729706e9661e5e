package io.platform.redis;

import io.platform.redis.checks.ConfigChecks;
import java.util.List;

/** Every problem of one typed configuration, found at once; each names the input in Java and in Terraform. */
public final class InvalidConfigException extends IllegalArgumentException {
    /**
     * One problem: the inputs it is about (by Terraform name) and what is wrong. The typed API names each input in Java
     * and in Terraform ({@link #named}); a stack file names its keys, at their lines: one check, two ways to say where.
     */
    public record Problem(List<String> inputs, String text) {
        /** "snapshotRetentionLimit (snapshot_retention_limit): 40: must be ...". */
        public String named() {
            return String.join(", ", inputs.stream().map(ConfigChecks::names).toList()) + ": " + text;
        }
    }

    private final List<Problem> details;

    public InvalidConfigException(String config, List<Problem> details) {
        super(details.size() + " problem(s) in " + config + ":\n  - "
                + String.join("\n  - ", details.stream().map(Problem::named).toList()));
        this.details = List.copyOf(details);
    }

    /** Each problem as the message shows it: the inputs' Java and Terraform names, then what is wrong. */
    public List<String> problems() {
        return details.stream().map(Problem::named).toList();
    }

    /** Each problem with the inputs it is about, by Terraform name: for a caller that says where in its own terms. */
    public List<Problem> details() {
        return details;
    }
}
