package io.platform.redis.offline;

import java.lang.management.ManagementFactory;
import java.util.Map;

/**
 * The garbage collector setting of the terraform (and AWS provider) processes we start: both are Go programs, and a
 * plan of many module calls allocates so much that Go's default collector (GOGC=100) spends a third of the plan's
 * CPU. Measured here on a plan of 20 calls of the module: 22 s of CPU with the default, 12.6 s with GOGC=400 (peak
 * memory 330 MB -> 650 MB); {@code terraform test} of the module 96 s -> 65 s. A higher GOGC gained nothing more (the
 * page faults of a larger heap cost system time). The memory limit, a quarter of the machine's memory, makes the
 * collector run earlier again on a small machine. A caller's own GOGC or GOMEMLIMIT is kept as it is.
 */
public final class GoCollector {
    static final String GOGC = "400";

    private GoCollector() {
    }

    /** Sets GOGC and GOMEMLIMIT in {@code env} (a child process's environment) unless either is set already. */
    public static void tune(Map<String, String> env) {
        if (env.containsKey("GOGC") || env.containsKey("GOMEMLIMIT")) {
            return;
        }
        env.put("GOGC", GOGC);
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            env.put("GOMEMLIMIT", Long.toString(os.getTotalMemorySize() / 4 / (1 << 20)) + "MiB");
        }
    }
}
