package ru.frmr.kit.axon;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Stamps each command with the W3C {@code traceparent} of the request that sent it and the acting
 * principal; {@link #CORRELATION_KEYS} are then copied onto every event the command produces, so the
 * Kafka relay can carry them on.
 */
public class TraceContextDispatchInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    public static final String TRACEPARENT = "traceparent";
    public static final String ACTOR = "actor";
    public static final List<String> CORRELATION_KEYS = List.of(TRACEPARENT, ACTOR);

    private final ObjectProvider<Tracer> tracer;
    private final ObjectProvider<Propagator> propagator;
    private final ActorResolver actorResolver;

    public TraceContextDispatchInterceptor(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator,
                                           ActorResolver actorResolver) {
        this.tracer = tracer;
        this.propagator = propagator;
        this.actorResolver = actorResolver;
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            Map<String, Object> extra = new HashMap<>();
            if (!command.getMetaData().containsKey(TRACEPARENT)) {
                String traceparent = currentTraceparent();
                if (traceparent != null) {
                    extra.put(TRACEPARENT, traceparent);
                }
            }
            if (!command.getMetaData().containsKey(ACTOR)) {
                extra.put(ACTOR, actorResolver.currentActor());
            }
            return extra.isEmpty() ? command : command.andMetaData(extra);
        };
    }

    /**
     * The current span as the tracing's propagator writes it, sampled flag included: a consumer continues the
     * sampling decision of the request (ten percent recorded) instead of recording every event's handling as the
     * child of a span nobody exported.
     */
    private String currentTraceparent() {
        Tracer t = tracer.getIfAvailable();
        Propagator p = propagator.getIfAvailable();
        Span span = t == null ? null : t.currentSpan();
        if (span == null || p == null) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        p.inject(span.context(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }
}
