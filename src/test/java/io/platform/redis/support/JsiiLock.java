package io.platform.redis.support;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The test JVM's jsii runtime serves one thread at a time: its request/response loop with the node process is not
 * synchronized, and test classes run two at a time (junit-platform.properties). Everything that calls into cdktf
 * holds this lock: {@link Synthesized} while it synthesizes, {@link #locked} around a single call, and a test class
 * that uses cdktf throughout with {@code @ExtendWith(JsiiLock.class)}, which holds it from its first to its last
 * test (its tests run one after another on the class's thread).
 *
 * <p>Waiting goes through {@link ForkJoinPool#managedBlock}, so JUnit's worker pool lets another thread run other
 * classes' tests meanwhile instead of losing a core to the wait.
 */
public final class JsiiLock implements BeforeAllCallback, AfterAllCallback {
    private static final ReentrantLock LOCK = new ReentrantLock();

    public static <T> T locked(Supplier<T> work) {
        acquire();
        try {
            return work.get();
        } finally {
            LOCK.unlock();
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        acquire();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (LOCK.isHeldByCurrentThread()) {
            LOCK.unlock();
        }
    }

    private static void acquire() {
        try {
            ForkJoinPool.managedBlock(new ForkJoinPool.ManagedBlocker() {
                @Override
                public boolean block() {
                    LOCK.lock();
                    return true;
                }

                @Override
                public boolean isReleasable() {
                    return LOCK.tryLock(); // acquires (once) when free or already ours
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the jsii runtime", e);
        }
    }
}
