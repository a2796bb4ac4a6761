package ru.frmr.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for the registry, audit and auth services: records the last request that reached it and the
 * paths of all of them, and answers by path. One per test JVM, so that every gateway test shares one
 * Spring context.
 */
final class DownstreamStub {

    static final String PROBLEM = """
            {"type":"https://frmr.ru/problems/not-found","title":"Not found","status":404,\
            "detail":"No worker w-404.","instance":"/api/registry/workers/w-404"}""";

    record Received(String method, String uri, Headers headers, byte[] body) {

        String header(String name) {
            return headers.getFirst(name);
        }
    }

    private static DownstreamStub instance;
    /** Holds {@link #closedPort()}. */
    private static Socket downPort;

    private final HttpServer server;
    private final AtomicReference<Received> last = new AtomicReference<>();
    private final Set<String> paths = ConcurrentHashMap.newKeySet();
    /** Opened once the first bytes of a request marked {@link #SIGNAL_FIRST_BYTES} arrived, before the rest. */
    private final CountDownLatch firstBytes = new CountDownLatch(1);

    /** A request with this header has the stub open {@link #firstBytes()} as soon as its body begins to arrive. */
    static final String SIGNAL_FIRST_BYTES = "X-Stub-Signal-First-Bytes";

    private DownstreamStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ExecutorService threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "downstream-stub");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    static synchronized DownstreamStub get() {
        if (instance == null) {
            try {
                instance = new DownstreamStub();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    Received lastReceived() {
        return last.get();
    }

    /** Whether any request for {@code path} (without query) got here; tests use unique paths to ask. */
    boolean received(String path) {
        return paths.contains(path);
    }

    CountDownLatch firstBytes() {
        return firstBytes;
    }

    /**
     * A loopback port nothing listens on: a service that is down. It is held, for the life of the JVM, by a socket
     * bound to it that never listens (a connection to it is refused). A port that was only found free and closed
     * again went back to the ephemeral range, and a server bound later in this JVM could be given it: when that was
     * the gateway itself (bound after its routes were built), the employer route led back into the gateway, each
     * round trip passing the caller's token on, until the account's budget (40) answered 429 to all of them
     * (RoutingIT.serviceThatIsDownIsAnUnavailableProblem got 429 instead of 503 once in CI). The same port every
     * time the property is read, too.
     */
    static synchronized int closedPort() {
        if (downPort == null) {
            Socket socket = new Socket();
            try {
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            downPort = socket;
        }
        return downPort.getLocalPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            if (exchange.getRequestHeaders().containsKey(SIGNAL_FIRST_BYTES)) {
                byte[] start = exchange.getRequestBody().readNBytes(64 * 1024);
                firstBytes.countDown();
                byte[] rest = exchange.getRequestBody().readAllBytes();
                body = new byte[start.length + rest.length];
                System.arraycopy(start, 0, body, 0, start.length);
                System.arraycopy(rest, 0, body, start.length, rest.length);
            } else {
                body = exchange.getRequestBody().readAllBytes();
            }
            paths.add(exchange.getRequestURI().getRawPath());
            last.set(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()),
                    exchange.getRequestHeaders(), body));
            switch (exchange.getRequestURI().getPath()) {
                case "/api/registry/workers/w-404" -> respond(exchange, 404, "application/problem+json",
                        PROBLEM.getBytes(StandardCharsets.UTF_8));
                case "/api/registry/broken" -> respond(exchange, 500, "text/plain",
                        "downstream failure".getBytes(StandardCharsets.UTF_8));
                case "/api/audit/slow" -> {
                    sleep(3_000);
                    respond(exchange, 200, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
                }
                default -> {
                    boolean created = "POST".equals(exchange.getRequestMethod());
                    byte[] answer = created ? body : "{\"id\":\"w-1\"}".getBytes(StandardCharsets.UTF_8);
                    respond(exchange, created ? 201 : 200, "application/json", answer);
                }
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, String contentType, byte[] body)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        exchange.getResponseBody().write(body);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
