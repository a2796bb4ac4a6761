package ru.frmr.gateway.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import ru.frmr.gateway.error.EdgeRejectionException;
import ru.frmr.gateway.error.GatewayErrorHandler;
import ru.frmr.gateway.error.TraceIds;

/**
 * Turns the security filters' 401 and 403 into rejections that {@link GatewayErrorHandler} renders like
 * every other gateway error. Why a token failed (expired, bad signature, wrong issuer) goes to the debug
 * log only: telling the caller would help someone probing for a token that passes.
 */
public class SecurityRejections implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    private static final Logger log = LoggerFactory.getLogger(SecurityRejections.class);

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        HttpHeaders headers = new HttpHeaders();
        if (failure instanceof OAuth2AuthenticationException oauth) {
            // RFC 6750: name the error code (invalid_token, invalid_request), never the reason.
            headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"" + oauth.getError().getErrorCode() + "\"");
            if (log.isDebugEnabled()) {
                TraceIds.inLog(exchange, () -> log.debug("Rejected a bearer token on {} {}: {}",
                        exchange.getRequest().getMethod(), exchange.getRequest().getPath().value(),
                        failure.getMessage()));
            }
            return Mono.error(new EdgeRejectionException(HttpStatus.UNAUTHORIZED,
                    "The bearer token is invalid or has expired.", headers));
        }
        headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return Mono.error(new EdgeRejectionException(HttpStatus.UNAUTHORIZED,
                "This request needs a valid bearer token.", headers));
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return Mono.error(new EdgeRejectionException(HttpStatus.FORBIDDEN, "Your roles do not allow this request."));
    }
}
