package ru.frmr.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A copy of a service that dies under each request: it reads the request (head and body) and then resets the
 * connection without answering, as a service killed while working on it would. Counts the requests per path.
 * One per test JVM, like {@link DownstreamStub}.
 */
final class ResettingUpstream {

    private static ResettingUpstream instance;

    private final ServerSocket server;
    private final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();

    private ResettingUpstream() throws IOException {
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread acceptor = new Thread(this::accept, "resetting-upstream");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static synchronized ResettingUpstream get() {
        if (instance == null) {
            try {
                instance = new ResettingUpstream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** How many requests for {@code path} (without query) reached this copy. */
    int received(String path) {
        AtomicInteger count = received.get(path);
        return count == null ? 0 : count.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread connection = new Thread(() -> resetAfterReading(socket), "resetting-upstream-connection");
                connection.setDaemon(true);
                connection.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void resetAfterReading(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            String head = readHead(in);
            if (head == null) {
                return;
            }
            String target = head.substring(0, head.indexOf("\r\n")).split(" ")[1];
            String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
            in.readNBytes((int) contentLength(head));
            received.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            // SO_LINGER 0: closing sends a RST, so the gateway sees "connection reset" with no answer begun.
            socket.setSoLinger(true, 0);
        } catch (IOException e) {
            // The gateway went away first; nothing to reset.
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            head.write(b);
            byte[] bytes = head.toByteArray();
            int n = bytes.length;
            if (n >= 4 && bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r' && bytes[n - 1] == '\n') {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    private static long contentLength(String head) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Content-Length")) {
                return Long.parseLong(line.substring(colon + 1).trim());
            }
        }
        return 0;
    }
}
