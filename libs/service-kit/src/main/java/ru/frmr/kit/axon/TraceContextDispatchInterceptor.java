package ru.frmr.kit.axon;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
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
    private final ActorResolver actorResolver;

    public TraceContextDispatchInterceptor(ObjectProvider<Tracer> tracer, ActorResolver actorResolver) {
        this.tracer = tracer;
        this.actorResolver = actorResolver;
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            Map<String, Object> extra = new HashMap<>();
            if (!command.getMetaData().containsKey(TRACEPARENT)) {
                Tracer t = tracer.getIfAvailable();
                Span span = t == null ? null : t.currentSpan();
                if (span != null) {
                    extra.put(TRACEPARENT, "00-" + span.context().traceId() + "-" + span.context().spanId() + "-01");
                }
            }
            if (!command.getMetaData().containsKey(ACTOR)) {
                extra.put(ACTOR, actorResolver.currentActor());
            }
            return extra.isEmpty() ? command : command.andMetaData(extra);
        };
    }
}
