package ru.frmr.gateway.error;

import java.io.IOException;

import io.netty.handler.timeout.ReadTimeoutException;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.server.ResponseStatusException;

/** Which status a failure inside the gateway answers with. */
final class FailureStatus {

    private FailureStatus() {
    }

    static HttpStatusCode of(Throwable failure) {
        if (failure instanceof ResponseStatusException e) {
            // Routing misses, 405 and the body limit arrive as these.
            return e.getStatusCode();
        }
        ResponseStatus annotated = AnnotatedElementUtils.findMergedAnnotation(failure.getClass(), ResponseStatus.class);
        if (annotated != null) {
            // An open circuit breaker arrives as Spring Cloud Gateway's ServiceUnavailableException.
            return annotated.code();
        }
        if (isResponseTimeout(failure)) {
            return HttpStatus.GATEWAY_TIMEOUT;
        }
        if (isDownstreamUnreachable(failure)) {
            return HttpStatus.SERVICE_UNAVAILABLE;
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }

    /** The service took longer than the HTTP client's response timeout to answer. */
    private static boolean isResponseTimeout(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ReadTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** Refused or reset connections, unknown hosts: the service is down or being redeployed. */
    private static boolean isDownstreamUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
