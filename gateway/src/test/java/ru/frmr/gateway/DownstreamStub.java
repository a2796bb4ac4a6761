package ru.frmr.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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

    private final HttpServer server;
    private final AtomicReference<Received> last = new AtomicReference<>();
    private final Set<String> paths = ConcurrentHashMap.newKeySet();

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

    /** A loopback port nothing listens on: a service that is down. */
    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
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
