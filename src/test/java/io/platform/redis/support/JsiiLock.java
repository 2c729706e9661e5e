package io.platform.redis.support;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The test JVM's jsii runtime serves one thread at a time: its request/response loop with the node process is not
 * synchronized, and the offline terraform classes run beside the others (junit-platform.properties). Everything that
 * calls into cdktf holds this lock: {@link Synthesized} while it synthesizes, {@link #locked} around a single call,
 * and a test class that uses cdktf throughout with {@code @ExtendWith(JsiiLock.class)}, which holds it from its
 * first to its last test (such a class runs on one thread).
 */
public final class JsiiLock implements BeforeAllCallback, AfterAllCallback {
    private static final ReentrantLock LOCK = new ReentrantLock();

    public static <T> T locked(Supplier<T> work) {
        LOCK.lock();
        try {
            return work.get();
        } finally {
            LOCK.unlock();
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        LOCK.lock();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (LOCK.isHeldByCurrentThread()) {
            LOCK.unlock();
        }
    }
}
