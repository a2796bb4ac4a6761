package ru.frmr.kit.axon;

import java.util.Map;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Continues, while an event processor handles an event, the trace of the request that stored it: a span (recorded
 * when the request was sampled) whose parent is the {@code traceparent} the event carries in its metadata
 * ({@link TraceContextDispatchInterceptor}), in scope, so the handler's log lines carry the request's trace id and
 * what it calls or sends joins that trace. A tracking processor (the Kafka relay, projections) handles events on a
 * thread of its own, long after the request; a subscribing one handles them in the request's thread, under its span
 * already, and gets no second one.
 */
public class TraceContextHandlerInterceptor implements MessageHandlerInterceptor<EventMessage<?>> {

    private final String processor;
    private final ObjectProvider<Tracer> tracer;
    private final ObjectProvider<Propagator> propagator;

    public TraceContextHandlerInterceptor(String processor, ObjectProvider<Tracer> tracer,
                                   ObjectProvider<Propagator> propagator) {
        this.processor = processor;
        this.tracer = tracer;
        this.propagator = propagator;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        EventMessage<?> event = unitOfWork.getMessage();
        Object traceparent = event.getMetaData().get(TraceContextDispatchInterceptor.TRACEPARENT);
        Tracer t = tracer.getIfAvailable();
        Propagator p = propagator.getIfAvailable();
        if (traceparent == null || t == null || p == null || t.currentSpan() != null) {
            return chain.proceed();
        }
        Map<String, String> carrier = Map.of(TraceContextDispatchInterceptor.TRACEPARENT, traceparent.toString());
        Span span = p.extract(carrier, Map::get)
                .name(processor + " " + event.getPayloadType().getSimpleName())
                .kind(Span.Kind.CONSUMER)
                .tag("axon.processor", processor)
                .start();
        try (Tracer.SpanInScope ignored = t.withSpan(span)) {
            return chain.proceed();
        } catch (Exception | Error e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }
}
