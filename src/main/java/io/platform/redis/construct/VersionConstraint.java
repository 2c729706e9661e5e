package io.platform.redis.construct;

import java.util.Arrays;

/**
 * A Terraform version constraint ({@code ~> 5.80}, {@code >= 5.73.0, < 7.0.0}), read far enough to tell whether two of
 * them admit a common version: the range each clause leaves, intersected. {@code !=} clauses exclude single versions
 * and are ignored (they never empty a range of more than one version); pre-release versions are not considered.
 */
final class VersionConstraint {
    private int[] low = {0, 0, 0};
    private boolean lowIncluded = true;
    private int[] high;
    private boolean highIncluded;

    private VersionConstraint() {
    }

    /** Whether some version satisfies both constraints. */
    static boolean compatible(String a, String b) {
        VersionConstraint range = new VersionConstraint();
        for (String clause : (a + "," + b).split(",")) {
            range.narrow(clause.strip());
        }
        return range.admitsAVersion();
    }

    private void narrow(String clause) {
        if (clause.isEmpty()) {
            return;
        }
        String operator = clause.replaceAll("^([<>=!~]*).*$", "$1");
        String[] parts = clause.substring(operator.length()).strip().split("\\.");
        int[] version;
        try {
            version = Arrays.copyOf(Arrays.stream(parts).mapToInt(part -> Integer.parseInt(part.strip())).toArray(), 3);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a version constraint: " + clause);
        }
        switch (operator) {
            case "", "=" -> {
                atLeast(version, true);
                atMost(version, true);
            }
            case ">=" -> atLeast(version, true);
            case ">" -> atLeast(version, false);
            case "<=" -> atMost(version, true);
            case "<" -> atMost(version, false);
            case "~>" -> { // the rightmost given part may grow: ~> 5.80 is >= 5.80.0, < 6.0.0; ~> 5.80.1 is < 5.81.0
                atLeast(version, true);
                int[] next = parts.length == 1 ? new int[] {version[0] + 1, 0, 0}
                        : parts.length == 2 ? new int[] {version[0] + 1, 0, 0} : new int[] {version[0], version[1] + 1, 0};
                atMost(next, false);
            }
            case "!=" -> {
            }
            default -> throw new IllegalArgumentException("not a version constraint: " + clause);
        }
    }

    private void atLeast(int[] version, boolean included) {
        int order = Arrays.compare(version, low);
        if (order > 0 || order == 0 && !included) {
            low = version;
            lowIncluded = included;
        }
    }

    private void atMost(int[] version, boolean included) {
        int order = high == null ? -1 : Arrays.compare(version, high);
        if (order < 0 || order == 0 && !included) {
            high = version;
            highIncluded = included;
        }
    }

    private boolean admitsAVersion() {
        if (high == null) {
            return true;
        }
        int order = Arrays.compare(low, high);
        return order < 0 || order == 0 && lowIncluded && highIncluded;
    }
}
