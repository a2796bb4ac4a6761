package ru.frmr.gateway.error;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import org.springframework.http.MediaType;

import ru.frmr.contracts.ProblemTypes;

/**
 * Gives problem+json bodies to the answers that never reach {@link GatewayErrorHandler}: those the HTTP
 * server itself sends for a request it could not read (414 for a request line over the limit, 431 for
 * headers over it, 400 for a malformed head), and Spring's 400 for a URI it cannot parse (bad
 * percent-encoding), which it answers before any filter runs. Both are empty-bodied full responses
 * without a content type, which no answer of the gateway's or a service's own is, so the handler
 * recognises them by that shape. Sits next to the HTTP codec on every connection, so it sees them as
 * they are written. No {@code instance}: the request's path is what could not be read.
 */
public final class RefusedRequestProblems extends ChannelDuplexHandler {

    /** The name of this handler in a connection's pipeline. */
    public static final String NAME = "frmr.refusedRequestProblems";

    private static final Set<Integer> REFUSALS = Set.of(400, 414, 431);

    private final ObjectMapper json;
    private boolean headRequest;

    public RefusedRequestProblems(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof HttpRequest request) {
            headRequest = HttpMethod.HEAD.equals(request.method());
        }
        super.channelRead(ctx, msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof FullHttpResponse response && isBareRefusal(response)) {
            byte[] body = problem(response.status().code(), response.status().reasonPhrase());
            FullHttpResponse problem = new DefaultFullHttpResponse(response.protocolVersion(), response.status(),
                    Unpooled.wrappedBuffer(body), response.headers().copy(), response.trailingHeaders().copy());
            problem.headers().set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            problem.headers().set(HttpHeaderNames.CONTENT_LENGTH, body.length);
            response.release();
            super.write(ctx, problem, promise);
            return;
        }
        super.write(ctx, msg, promise);
    }

    private boolean isBareRefusal(FullHttpResponse response) {
        return !headRequest && REFUSALS.contains(response.status().code())
                && response.content().readableBytes() == 0
                && !response.headers().contains(HttpHeaderNames.CONTENT_TYPE);
    }

    private byte[] problem(int status, String title) throws JsonProcessingException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", ProblemTypes.forStatus(status).toString());
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", switch (status) {
            case 414 -> "The request line is longer than this server accepts.";
            case 431 -> "The request headers are larger than this server accepts.";
            default -> "The request could not be read: its line, headers or URI encoding are malformed.";
        });
        return json.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
    }
}
