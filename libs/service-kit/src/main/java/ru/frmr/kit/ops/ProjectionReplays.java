package ru.frmr.kit.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoTrackingToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

import ru.frmr.kit.error.ConflictException;
import ru.frmr.kit.error.InvalidParameterException;
import ru.frmr.kit.error.NotFoundException;

/**
 * Lists a service's streaming event processors and replays a projection from the start of the event store:
 * shut the processor down, reset its tokens (Axon then calls its {@code @ResetHandler}s, which clear the read
 * model, and marks the events up to the old position as a replay), start it again.
 *
 * <p>A processor is replayable only when a replay is known to be harmless: every handler in it declares a
 * {@code @ResetHandler} (one that rebuilds a read model it owns; a handler with side effects such as sending
 * commands or messages has none), and it is not one of the {@code neverReplayed} processors (the Kafka relay,
 * which would publish every event again). Everything else is refused with 409.
 *
 * <p>A reset needs every segment's token: while another instance of the service runs the processor and holds a
 * claim, the reset is refused (409) and this instance carries on as before.
 */
public class ProjectionReplays {

    private static final Logger log = LoggerFactory.getLogger(ProjectionReplays.class);
    /** How long a replay waits for a (re)started processor to claim its segments before it answers anyway. */
    private static final Duration LAUNCH_SETTLE_TIMEOUT = Duration.ofSeconds(10);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private final Supplier<Map<String, EventProcessor>> processors;
    private final Map<String, String> neverReplayed;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    /**
     * @param processors    the service's event processors by name
     * @param neverReplayed processor name to the reason it must never be replayed
     */
    public ProjectionReplays(Supplier<Map<String, EventProcessor>> processors, Map<String, String> neverReplayed) {
        this.processors = processors;
        this.neverReplayed = Map.copyOf(neverReplayed);
    }

    /** Every streaming processor of this service, by name. */
    public List<ProcessorStatus> list() {
        return processors.get().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .sorted(Comparator.comparing(EventProcessor::getName))
                .map(this::status)
                .toList();
    }

    /**
     * Resets the named processor to the start of the event store; it rebuilds in the background. A processor that
     * was not running stays stopped, with its tokens reset. Replaying again while a replay runs starts it over.
     */
    public ProcessorStatus replay(String name) {
        StreamingEventProcessor processor = find(name);
        Optional<String> refusal = whyNotReplayable(processor);
        if (refusal.isPresent()) {
            throw new ConflictException("name", refusal.get());
        }
        synchronized (locks.computeIfAbsent(name, n -> new Object())) {
            boolean wasRunning = processor.isRunning();
            // A processor started a moment ago may still be launching its workers; shut down then, it can end up
            // running with no segment claimed, so it never catches up. Let the launch settle first.
            awaitClaimedSegments(processor);
            processor.shutDown();
            try {
                processor.resetTokens();
            } catch (UnableToClaimTokenException claimedElsewhere) {
                throw new ConflictException("name", "Processor " + name + " is running on another instance of this "
                        + "service, which holds its tokens: stop it there (or wait until its claim times out) and "
                        + "replay again");
            } finally {
                if (wasRunning) {
                    processor.start();
                    awaitClaimedSegments(processor);
                }
            }
        }
        log.info("Processor {} reset to the start of the event store; its read model is being rebuilt", name);
        return status(processor);
    }

    /** Waits, boundedly, until a running processor's workers hold their segments (they claim them in the background). */
    private static void awaitClaimedSegments(StreamingEventProcessor processor) {
        long deadline = System.nanoTime() + LAUNCH_SETTLE_TIMEOUT.toNanos();
        while (processor.isRunning() && processor.processingStatus().isEmpty() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    private StreamingEventProcessor find(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidParameterException("name", "must be a processor name: 1-100 of A-Z a-z 0-9 . _ -");
        }
        if (processors.get().get(name) instanceof StreamingEventProcessor processor) {
            return processor;
        }
        throw new NotFoundException("There is no tracking event processor named " + name);
    }

    private ProcessorStatus status(StreamingEventProcessor processor) {
        List<ProcessorStatus.Segment> segments = processor.processingStatus().values().stream()
                .sorted(Comparator.comparingInt(s -> s.getSegment().getSegmentId()))
                .map(ProjectionReplays::segment)
                .toList();
        Optional<String> refusal = whyNotReplayable(processor);
        boolean caughtUp = !segments.isEmpty() && segments.stream().allMatch(ProcessorStatus.Segment::caughtUp);
        return new ProcessorStatus(processor.getName(), processor.isRunning(), processor.isError(), caughtUp,
                processor.isReplaying(), refusal.isEmpty(), refusal.orElse(null), segments);
    }

    private static ProcessorStatus.Segment segment(EventTrackerStatus status) {
        return new ProcessorStatus.Segment(status.getSegment().getSegmentId(), status.isCaughtUp(),
                status.isReplaying(), status.isErrorState(), position(status.getTrackingToken()));
    }

    private static Instant position(TrackingToken token) {
        return token == null ? null : WrappedToken.unwrap(token, MongoTrackingToken.class)
                .map(MongoTrackingToken::getTimestamp)
                .orElse(null);
    }

    private Optional<String> whyNotReplayable(StreamingEventProcessor processor) {
        String name = processor.getName();
        if (neverReplayed.containsKey(name)) {
            return Optional.of("Processor " + name + " must not be replayed: " + neverReplayed.get(name));
        }
        if (!processor.supportsReset() || !(processor instanceof AbstractEventProcessor withHandlers)) {
            return Optional.of("Processor " + name + " does not support a reset");
        }
        return handlerTypes(withHandlers.eventHandlerInvoker())
                .filter(type -> !hasResetHandler(type))
                .findFirst()
                .map(type -> "Processor " + name + " has a handler without a @ResetHandler to clear what it "
                        + "built (" + type.getSimpleName() + "), so a replay could apply its events twice");
    }

    private static Stream<Class<?>> handlerTypes(EventHandlerInvoker invoker) {
        if (invoker instanceof MultiEventHandlerInvoker multi) {
            return multi.delegates().stream().flatMap(ProjectionReplays::handlerTypes);
        }
        if (invoker instanceof SimpleEventHandlerInvoker simple) {
            return simple.eventHandlers().stream().map(handler -> handler instanceof AnnotationEventHandlerAdapter a
                    ? a.getTargetType() : handler.getClass());
        }
        return Stream.of(invoker.getClass()); // a saga manager, for one: sagas are never reset
    }

    private static boolean hasResetHandler(Class<?> type) {
        return Arrays.stream(ReflectionUtils.getUniqueDeclaredMethods(ClassUtils.getUserClass(type)))
                .anyMatch(method -> AnnotatedElementUtils.hasAnnotation(method, ResetHandler.class));
    }
}
