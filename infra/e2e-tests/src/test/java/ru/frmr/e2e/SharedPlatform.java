package ru.frmr.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One platform for every test class that leaves it as it found it: started by the first such class, closed when the
 * whole run ends (a resource of the root extension context), so the suite pays for one start of its ~8 processes
 * instead of one per class. Failsafe runs all of this module's classes in one JVM (its pom says so), and each class
 * that shares it is annotated {@code @ExtendWith(SharedPlatform.class)} and takes it with {@link #get()} in its
 * {@code @BeforeAll}.
 *
 * <p>What a sharing class may do: anything a person can do through the platform. What it may not: stop, kill or
 * restart a service, or change what the other classes' people rely on (their e-mail address, a logout everywhere);
 * such a class starts its own {@link Platform} (PlatformE2EIT, CrashRecoveryIT). The sharing classes log in as the same
 * people, so each finds what it made by what is unique to it (a protocol number, a ticket, a request id) and compares
 * counts with what it read before, never with a fixed number; each uses its own specialty for the accreditations it
 * submits, as the registry refuses overlapping periods in one specialty. Their order does not matter.
 */
final class SharedPlatform implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedPlatform.class);

    /** Set once started; read by {@link #get()}. Volatile: JUnit may call back on another thread than the test's. */
    private static volatile Platform started;
    /** A failed start is not tried again by every later class: each fails at once with its cause. */
    private static volatile RuntimeException failedStart;

    /**
     * The started shared platform.
     *
     * @throws IllegalStateException when the calling class is not annotated {@code @ExtendWith(SharedPlatform.class)}
     */
    static Platform get() {
        Platform platform = started;
        if (platform == null) {
            throw new IllegalStateException("the shared platform is started by @ExtendWith(SharedPlatform.class) on "
                    + "the test class", failedStart);
        }
        return platform;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (failedStart != null) {
            throw new IllegalStateException("the shared platform did not start", failedStart);
        }
        Running running = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Running.class, key -> Running.start(), Running.class);
        // A class must never get a broken platform from the one before it: every process is still up and ready.
        running.platform.requireHealthy(Duration.ofSeconds(60));
        started = running.platform;
    }

    /** The platform as a resource of the root context: closed after the last class of the run. */
    private record Running(Platform platform) implements ExtensionContext.Store.CloseableResource {

        static Running start() {
            Platform platform = null;
            try {
                platform = new Platform(Platform.freshLogDir(SharedPlatform.class));
                platform.startAll();
                return new Running(platform);
            } catch (IOException e) {
                failedStart = new UncheckedIOException(e);
            } catch (RuntimeException e) {
                failedStart = e;
            }
            if (platform != null) {
                platform.close();
            }
            throw failedStart;
        }

        @Override
        public void close() {
            started = null;
            platform.close();
        }
    }
}
