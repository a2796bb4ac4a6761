package ru.frmr.infra.embedded;

import java.io.IOException;
import java.net.InetSocketAddress;

import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for a Spring Boot service in {@link ServiceProcessTest}: answers the readiness probe on
 * {@code --management.server.port} (as a service with a management server does, and not on
 * {@code --server.port}), or exits at once with code 3 when given {@code --fail}.
 */
public final class FakeService {

    private FakeService() {
    }

    public static void main(String[] args) throws IOException {
        int port = 0;
        for (String arg : args) {
            if (arg.equals("--fail")) {
                System.out.println("fake service refuses to start");
                System.exit(3);
            }
            if (arg.startsWith("--management.server.port=")) {
                port = Integer.parseInt(arg.substring("--management.server.port=".length()));
            }
        }
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/actuator/health/readiness", exchange -> {
            byte[] body = "{\"status\":\"UP\"}".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        System.out.println("fake service started with " + String.join(" ", args));
    }
}
