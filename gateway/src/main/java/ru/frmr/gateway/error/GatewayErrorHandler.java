package ru.frmr.gateway.error;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.reactive.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.DisconnectedClientHelper;
import reactor.core.publisher.Mono;

import ru.frmr.contracts.ProblemTypes;

/**
 * Renders every failure inside the gateway as RFC 9457 problem+json: unknown routes, rejected requests
 * (missing or bad tokens, roles, rate limits, CORS, body size), and downstream services that are down,
 * slow or behind an open circuit breaker (this is the breakers' fallback). Responses a downstream service
 * did send pass through untouched and never reach here.
 * Exception messages and stack traces stay out of the response: they name hosts, ports and classes.
 */
public class GatewayErrorHandler implements ErrorWebExceptionHandler, Ordered {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

    private final ObjectMapper json;

    public GatewayErrorHandler(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (DisconnectedClientHelper.isClientDisconnectedException(failure)) {
            // The caller went away; there is no one to answer and nothing for an operator to fix.
            return Mono.empty();
        }
        HttpStatusCode status = FailureStatus.of(failure);
        logFailure(exchange, failure, status);
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            // Part of a downstream answer is already on its way to the caller; nothing can replace it.
            return Mono.error(failure);
        }
        response.setStatusCode(status);
        if (failure instanceof ResponseStatusException withHeaders) {
            // WWW-Authenticate, Retry-After, Allow: part of what the status means to the caller.
            response.getHeaders().addAll(withHeaders.getHeaders());
        }
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        String detail = failure instanceof EdgeRejectionException rejection ? rejection.getReason()
                : detail(status.value());
        return response.writeWith(Mono.fromCallable(() -> body(exchange, status, detail, response)));
    }

    private DataBuffer body(ServerWebExchange exchange, HttpStatusCode status, String detail,
                            ServerHttpResponse response) throws JsonProcessingException {
        HttpStatus known = HttpStatus.resolve(status.value());
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", ProblemTypes.forStatus(status.value()).toString());
        problem.put("title", known != null ? known.getReasonPhrase() : "Error");
        problem.put("status", status.value());
        problem.put("detail", detail);
        // The path only: a query string may carry personal data (a search by SNILS, say).
        problem.put("instance", exchange.getRequest().getPath().value());
        TraceIds.of(exchange).ifPresent(trace -> problem.put("traceId", trace.traceId()));
        return response.bufferFactory().wrap(json.writeValueAsBytes(problem));
    }

    private static String detail(int status) {
        return switch (status) {
            case 404 -> "Nothing is served at this path.";
            case 405 -> "This method is not supported at this path.";
            case 503 -> "The service is temporarily unavailable. Try again later.";
            case 504 -> "The service did not answer in time. The request may or may not have taken effect.";
            default -> status >= 500 ? "The request could not be completed. Quote the traceId when reporting it."
                    : "The request cannot be processed as sent.";
        };
    }

    private static void logFailure(ServerWebExchange exchange, Throwable failure, HttpStatusCode status) {
        if (status.value() == HttpStatus.INTERNAL_SERVER_ERROR.value()) {
            // Unexpected: type and stack for the fix, no message (it may quote request data).
            TraceIds.inLog(exchange, () -> log.error("Unhandled {} on {} {}", failure.getClass().getName(),
                    exchange.getRequest().getMethod(), exchange.getRequest().getPath().value(), scrubbed(failure)));
        } else if (status.is5xxServerError()) {
            Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
            TraceIds.inLog(exchange, () -> log.warn("Route {} answered {}: {}", route == null ? "-" : route.getId(),
                    status.value(), failure.getClass().getName()));
        }
    }

    /** A stand-in carrying only the type and stack of {@code e}, so its message stays out of logs. */
    private static Throwable scrubbed(Throwable e) {
        Throwable copy = new Throwable(e.getClass().getName());
        copy.setStackTrace(e.getStackTrace());
        if (e.getCause() != null && e.getCause() != e) {
            copy.initCause(scrubbed(e.getCause()));
        }
        return copy;
    }

    @Override
    public int getOrder() {
        // Ahead of Boot's DefaultErrorWebExceptionHandler (-1), behind the gateway's observation closer.
        return -2;
    }
}
