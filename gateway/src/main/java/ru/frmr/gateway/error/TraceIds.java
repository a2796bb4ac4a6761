package ru.frmr.gateway.error;

import java.util.Optional;

import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;
import org.slf4j.MDC;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;

/**
 * The trace of the request an exchange carries, for the gateway's own log lines and problem bodies. Reactor's
 * automatic context propagation would put it into the MDC on every thread switch of every request; the gateway
 * has only a few log lines, so they put it there themselves, under the keys the log pattern reads.
 */
public final class TraceIds {

    private static final String TRACE_ID = "traceId";
    private static final String SPAN_ID = "spanId";

    private TraceIds() {
    }

    /** The trace context of the server observation that times this exchange, if it is observed. */
    public static Optional<TraceContext> of(ServerWebExchange exchange) {
        return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(context -> context.<TracingContext>get(TracingContext.class))
                .map(TracingContext::getSpan)
                .map(span -> span.context());
    }

    /** Runs {@code logging} with the exchange's trace and span ids in the MDC, then restores what was there. */
    public static void inLog(ServerWebExchange exchange, Runnable logging) {
        Optional<TraceContext> trace = of(exchange);
        if (trace.isEmpty() || MDC.get(TRACE_ID) != null) {
            logging.run();
            return;
        }
        MDC.put(TRACE_ID, trace.get().traceId());
        MDC.put(SPAN_ID, trace.get().spanId());
        try {
            logging.run();
        } finally {
            MDC.remove(TRACE_ID);
            MDC.remove(SPAN_ID);
        }
    }
}
