package ru.frmr.infra.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An SMS gateway emulator for local runs and tests, speaking the API notification-service sends through:
 * {@code POST /api/v1/messages {"clientMessageId","to","text"}} → {@code 202 {"id","segments"}} (the same
 * clientMessageId again answers the first message and stores nothing new; a malformed request → 400), and
 * {@code GET /api/v1/messages} → {@code {"items":[…]}}. The segment count is the emulator's own
 * ({@link SmsSegments}). {@link #stop()} and {@link #restart()} take it off the network and back on the same port,
 * keeping what it received, for outage tests.
 */
public final class EmbeddedSmsGateway implements AutoCloseable {

    /** A received message. */
    public record Sms(String id, String clientMessageId, String to, String text, int segments,
                      SmsSegments.Encoding encoding, Instant receivedAt) {
    }

    private static final Pattern NUMBER = Pattern.compile("\\+?[0-9]{10,15}");
    private static final int MAX_TEXT = 1_530;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String host;
    private final int port;
    private final Clock clock;
    private final Map<String, Sms> byClientId = new LinkedHashMap<>();
    private HttpServer server;

    private EmbeddedSmsGateway(String host, int port, Clock clock) {
        this.host = host;
        this.port = port;
        this.clock = clock;
    }

    /** @param port 0 picks a free port (kept across {@link #restart()}) */
    public static EmbeddedSmsGateway start(String host, int port) {
        EmbeddedSmsGateway gateway = new EmbeddedSmsGateway(host, port == 0 ? Ports.pickFree(1)[0] : port,
                Clock.systemUTC());
        gateway.restart();
        return gateway;
    }

    public int port() {
        return port;
    }

    /** {@code http://host:port}, what notification-service's {@code frmr.notification.sms.base-url} names. */
    public String baseUrl() {
        return "http://" + host + ":" + port;
    }

    /** Everything received so far, oldest first. */
    public synchronized List<Sms> messages() {
        return List.copyOf(byClientId.values());
    }

    /** Messages to {@code number}, oldest first. */
    public List<Sms> messagesTo(String number) {
        return messages().stream().filter(sms -> sms.to().equals(number)).toList();
    }

    /** Off the network: connections are refused until {@link #restart()}. */
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** Back on the network, on the same port, with what it had received. */
    public synchronized void restart() {
        if (server != null) {
            return;
        }
        try {
            HttpServer started = HttpServer.create(new InetSocketAddress(host, port), 0);
            started.createContext("/api/v1/messages", this::handle);
            started.setExecutor(Executors.newFixedThreadPool(4, runnable -> {
                Thread thread = new Thread(runnable, "sms-gateway-emulator");
                thread.setDaemon(true);
                return thread;
            }));
            started.start();
            server = started;
        } catch (IOException e) {
            throw new IllegalStateException("The SMS emulator cannot listen on " + host + ":" + port, e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"/api/v1/messages".equals(exchange.getRequestURI().getPath())) {
                answer(exchange, 404, Map.of("error", "not found"));
            } else if ("POST".equals(exchange.getRequestMethod())) {
                accept(exchange);
            } else if ("GET".equals(exchange.getRequestMethod())) {
                answer(exchange, 200, Map.of("items", messages().stream().map(EmbeddedSmsGateway::json).toList()));
            } else {
                answer(exchange, 405, Map.of("error", "method not allowed"));
            }
        }
    }

    private void accept(HttpExchange exchange) throws IOException {
        JsonNode body;
        try (InputStream in = exchange.getRequestBody()) {
            body = JSON.readTree(in);
        } catch (IOException malformed) {
            answer(exchange, 400, Map.of("error", "the body is not JSON"));
            return;
        }
        String clientMessageId = text(body, "clientMessageId");
        String to = text(body, "to");
        String text = text(body, "text");
        List<String> errors = new ArrayList<>();
        if (clientMessageId == null || clientMessageId.isBlank() || clientMessageId.length() > 100) {
            errors.add("clientMessageId");
        }
        if (to == null || !NUMBER.matcher(to).matches()) {
            errors.add("to");
        }
        if (text == null || text.isEmpty() || text.length() > MAX_TEXT) {
            errors.add("text");
        }
        if (!errors.isEmpty()) {
            answer(exchange, 400, Map.of("error", "invalid fields", "fields", errors));
            return;
        }
        Sms sms;
        synchronized (this) {
            sms = byClientId.computeIfAbsent(clientMessageId, id -> new Sms(UUID.randomUUID().toString(), id, to,
                    text, SmsSegments.count(text), SmsSegments.encoding(text), clock.instant()));
        }
        answer(exchange, 202, Map.of("id", sms.id(), "segments", sms.segments()));
    }

    private static Map<String, Object> json(Sms sms) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", sms.id());
        item.put("clientMessageId", sms.clientMessageId());
        item.put("to", sms.to());
        item.put("text", sms.text());
        item.put("segments", sms.segments());
        item.put("encoding", sms.encoding().name());
        item.put("receivedAt", sms.receivedAt().toString());
        return item;
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body == null ? null : body.get(field);
        return value == null || !value.isTextual() ? null : value.asText();
    }

    private static void answer(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
