package ru.frmr.gateway.edge;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Rejects request bodies over the limit before any route sees them. Spring Cloud Gateway's
 * {@code RequestSize} filter is not used: it answers with an empty body, trusts {@code Content-Length}
 * alone (a chunked body passes unchecked), and as a route filter it runs behind global filters that may
 * already have buffered the whole body.
 */
public class RequestBodyLimitFilter implements WebFilter, Ordered {

    private final long maxBytes;

    public RequestBodyLimitFilter(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > maxBytes) {
            return Mono.error(new RequestBodyTooLargeException());
        }
        if (declared >= 0) {
            // The server reads exactly Content-Length bytes as this request's body.
            return chain.filter(exchange);
        }
        ServerHttpRequest counted = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> limited(super.getBody()));
            }
        };
        return chain.filter(exchange.mutate().request(counted).build());
    }

    private Flux<DataBuffer> limited(Flux<DataBuffer> body) {
        AtomicLong seen = new AtomicLong();
        return body.handle((buffer, sink) -> {
            if (seen.addAndGet(buffer.readableByteCount()) > maxBytes) {
                DataBufferUtils.release(buffer);
                sink.error(new RequestBodyTooLargeException());
            } else {
                sink.next(buffer);
            }
        });
    }

    @Override
    public int getOrder() {
        return EdgeFilterOrder.BODY_LIMIT;
    }
}
