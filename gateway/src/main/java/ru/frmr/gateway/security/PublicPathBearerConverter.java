package ru.frmr.gateway.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Reads the bearer token from the {@code Authorization} header, except on public paths: there a token is
 * not looked at, so a client that still sends an expired one can log in or refresh. The header itself is
 * passed on untouched either way.
 */
public class PublicPathBearerConverter implements ServerAuthenticationConverter {

    private final ServerWebExchangeMatcher publicPaths;
    private final ServerBearerTokenAuthenticationConverter header = new ServerBearerTokenAuthenticationConverter();

    public PublicPathBearerConverter(ServerWebExchangeMatcher publicPaths) {
        this.publicPaths = publicPaths;
    }

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        return publicPaths.matches(exchange)
                .flatMap(match -> match.isMatch() ? Mono.empty() : header.convert(exchange));
    }
}
