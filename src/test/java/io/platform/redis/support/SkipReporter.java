package io.platform.redis.support;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Prints every skipped check with its reason on the console as it happens (Maven's summary says only how many were
 * skipped). Registered for every test class by JUnit's extension autodetection (junit-platform.properties).
 */
public final class SkipReporter implements TestWatcher {
    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        System.out.println("[skipped] " + context.getRequiredTestClass().getSimpleName() + "." + context.getDisplayName() + ": "
                + (cause == null ? "no reason given" : cause.getMessage().replaceFirst("^Assumption failed: ", "")));
    }

    @Override
    public void testDisabled(ExtensionContext context, java.util.Optional<String> reason) {
        System.out.println("[skipped] " + context.getRequiredTestClass().getSimpleName() + "." + context.getDisplayName() + ": "
                + reason.orElse("disabled"));
    }
}
