package ru.frmr.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One platform for every test class that leaves it as it found it: started by the first such class, closed when the
 * whole run ends (a resource of the root extension context), so the suite pays for one start of its ~8 processes
 * instead of one per class. Failsafe runs all of this module's classes in one JVM and one JUnit run (its pom says
 * so); each class that shares it is annotated {@code @ExtendWith(SharedPlatform.class)} and takes it with
 * {@link #get()} in its {@code @BeforeAll}. {@link SharedPlatformClassesFirst} runs these classes before the others.
 *
 * <p>What a sharing class may do: anything people can do through the platform. What it may not: stop, kill or
 * restart a service, or change what the other classes' people rely on (their e-mail address, a logout everywhere);
 * such a class starts a {@link Platform} of its own (PlatformE2EIT), and the shared one is stopped first
 * ({@link #stopForAPlatformOfItsOwn()}): both would consume the one broker's topics under the same consumer groups.
 * A sharing class after it starts the shared platform again. The sharing classes log in as the same people, so each
 * finds what it made by what is unique to it (a protocol number, a ticket, a request id) and compares counts with
 * what it read before, never with a fixed number; each submits its accreditations in a specialty of its own, as the
 * registry refuses overlapping periods in one specialty. Their order does not matter.
 */
final class SharedPlatform implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedPlatform.class);

    /** The running shared platform, null before the first class and while a platform of a class's own runs. */
    private static Platform running;
    /** A failed start is not tried again by every later class: each fails at once with its cause. */
    private static RuntimeException failedStart;
    private static int starts;

    private SharedPlatform() {
    }

    /**
     * The started shared platform.
     *
     * @throws IllegalStateException when the calling class is not annotated {@code @ExtendWith(SharedPlatform.class)}
     */
    static synchronized Platform get() {
        if (running == null) {
            throw new IllegalStateException("the shared platform is started by @ExtendWith(SharedPlatform.class) on "
                    + "the test class", failedStart);
        }
        return running;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        synchronized (SharedPlatform.class) {
            // Registered once: closes whatever shared platform runs when the whole run ends.
            context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Closer.class, key -> new Closer(),
                    Closer.class);
            if (failedStart != null) {
                throw new IllegalStateException("the shared platform did not start", failedStart);
            }
            if (running == null) {
                running = start();
            }
            // A class must never get a broken platform from the one before it: every process is up and ready.
            running.requireHealthy(Duration.ofSeconds(60));
        }
    }

    /** Called by a {@link Platform} of a class's own before it starts: the shared one, if running, stops first. */
    static synchronized void stopForAPlatformOfItsOwn() {
        if (running != null) {
            running.close();
            running = null;
        }
    }

    private static Platform start() {
        Platform platform = null;
        try {
            // A start after a platform of a class's own has logs and databases of its own (SharedPlatform-2, ...),
            // so it begins as empty as the first.
            String name = SharedPlatform.class.getSimpleName() + (++starts == 1 ? "" : "-" + starts);
            platform = Platform.shared(Platform.freshLogDir(name));
            platform.startAll();
            return platform;
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

    private static final class Closer implements ExtensionContext.Store.CloseableResource {

        @Override
        public void close() {
            stopForAPlatformOfItsOwn();
        }
    }
}
