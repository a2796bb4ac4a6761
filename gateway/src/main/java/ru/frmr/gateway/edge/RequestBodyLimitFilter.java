package ru.frmr.gateway.edge;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Rejects request bodies over the limit before any route sees them. Spring Cloud Gateway's
 * {@code RequestSize} filter is not used: it answers with an empty body, trusts {@code Content-Length}
 * alone (a chunked body passes unchecked), and as a route filter it runs behind global filters that may
 * already have buffered the whole body.
 * <p>
 * A {@code POST} to one of the upload paths (a file of up to 5 MiB in a multipart body) has a larger limit of its
 * own; everything else keeps the small one. Either way the body is counted as it streams through, never held whole.
 */
public class RequestBodyLimitFilter implements WebFilter, Ordered {

    private final long maxBytes;
    private final long maxUploadBytes;
    private final List<PathPattern> uploadPaths;

    /**
     * @param uploadPaths path patterns whose {@code POST} may carry up to {@code maxUploadBytes}
     */
    public RequestBodyLimitFilter(long maxBytes, long maxUploadBytes, List<String> uploadPaths) {
        this.maxBytes = maxBytes;
        this.maxUploadBytes = maxUploadBytes;
        this.uploadPaths = uploadPaths.stream().map(PathPatternParser.defaultInstance::parse).toList();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long limit = limitFor(exchange.getRequest());
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > limit) {
            return Mono.error(new RequestBodyTooLargeException());
        }
        if (declared >= 0) {
            // The server reads exactly Content-Length bytes as this request's body.
            return chain.filter(exchange);
        }
        ServerHttpRequest counted = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> limited(super.getBody(), limit));
            }
        };
        return chain.filter(exchange.mutate().request(counted).build());
    }

    private long limitFor(ServerHttpRequest request) {
        if (HttpMethod.POST.equals(request.getMethod()) && !uploadPaths.isEmpty()) {
            PathContainer path = request.getPath().pathWithinApplication();
            for (PathPattern pattern : uploadPaths) {
                if (pattern.matches(path)) {
                    return maxUploadBytes;
                }
            }
        }
        return maxBytes;
    }

    private static Flux<DataBuffer> limited(Flux<DataBuffer> body, long limit) {
        AtomicLong seen = new AtomicLong();
        return body.handle((buffer, sink) -> {
            if (seen.addAndGet(buffer.readableByteCount()) > limit) {
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
