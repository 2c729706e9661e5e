package io.platform.redis.support;

/**
 * What a test class needs beyond the JVM, as JUnit tags: the fast tier ({@code build/test -Pfast}) leaves out every
 * class tagged with one of these, and runs the pure-Java checks (the catalogs, the typed API, the synthesized JSON,
 * the rules, the docs) in well under a minute. A class without a tag must need nothing but Java.
 */
public final class Tiers {
    private Tiers() {
    }

    /** Runs terraform (init, validate, plan, test, the provider binary). */
    public static final String TERRAFORM = "terraform";
    /** Runs real clients against redis-server. */
    public static final String CLIENTS = "clients";
    /** Runs other programs: the cdktf CLI, the main command's launcher script. */
    public static final String PROCESSES = "processes";
}
