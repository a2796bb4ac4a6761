package ru.frmr.gateway.edge;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

import ru.frmr.gateway.ratelimit.ClientAddresses;

/**
 * Tells the service who the client is: the proxied request's {@code X-Forwarded-For} is the one address the
 * gateway believes ({@link ClientAddresses}: the socket's peer, or what a trusted proxy such as the portal reports),
 * never a list a caller made up. Services record it for sessions and one-time codes; their Tomcat trusts the
 * gateway's header because the gateway is an internal proxy to them.
 */
public class ForwardedForHeadersFilter implements HttpHeadersFilter {

    static final String FORWARDED_FOR = "X-Forwarded-For";

    private final ClientAddresses clients;

    public ForwardedForHeadersFilter(ClientAddresses clients) {
        this.clients = clients;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(input);
        headers.set(FORWARDED_FOR, clients.of(exchange));
        return headers;
    }
}
