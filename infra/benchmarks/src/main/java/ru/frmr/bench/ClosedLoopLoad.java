package ru.frmr.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A closed-loop load generator: N kept-alive HTTP/1.1 connections, each sending its next request as soon as
 * the previous answer has been read whole. Plain sockets rather than an HTTP client library, so that the
 * generator, which shares the machine's cores with what it measures, spends as little CPU as possible, and
 * so that "N connections" means exactly N.
 */
final class ClosedLoopLoad {

    /** One GET, sent the same way to every target. */
    record Target(String host, int port, String pathAndQuery, String bearer) {

        byte[] requestBytes() {
            StringBuilder request = new StringBuilder()
                    .append("GET ").append(pathAndQuery).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(host).append(':').append(port).append("\r\n")
                    .append("Accept: application/json\r\n");
            if (bearer != null) {
                request.append("Authorization: Bearer ").append(bearer).append("\r\n");
            }
            return request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    /**
     * @param latenciesNanos the answered requests' latencies, sorted
     * @param firstError     the status line and body start of the first answer that was not 200, or null
     */
    record Run(long requests, long errors, double seconds, long[] latenciesNanos, String firstError) {

        double perSecond() {
            return (requests - errors) / seconds;
        }

        double percentileMillis(double p) {
            if (latenciesNanos.length == 0) {
                return Double.NaN;
            }
            int at = (int) Math.min(latenciesNanos.length - 1, Math.ceil(p * latenciesNanos.length) - 1);
            return latenciesNanos[Math.max(0, at)] / 1e6;
        }
    }

    private final int connections;

    ClosedLoopLoad(int connections) {
        this.connections = connections;
    }

    Run run(Target target, Duration duration) {
        byte[] request = target.requestBytes();
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        try {
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            List<Future<Connection>> futures = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                futures.add(pool.submit(() -> {
                    Connection connection = new Connection(target);
                    connection.loop(request, end);
                    return connection;
                }));
            }
            List<Connection> done = new ArrayList<>();
            for (Future<Connection> future : futures) {
                done.add(future.get());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long requests = 0;
            long errors = 0;
            String firstError = null;
            int answered = 0;
            for (Connection c : done) {
                requests += c.requests;
                errors += c.errors;
                answered += c.latencyCount;
                firstError = firstError != null ? firstError : c.firstError;
            }
            long[] latencies = new long[answered];
            int at = 0;
            for (Connection c : done) {
                System.arraycopy(c.latencies, 0, latencies, at, c.latencyCount);
                at += c.latencyCount;
            }
            Arrays.sort(latencies);
            return new Run(requests, errors, seconds, latencies, firstError);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while measuring", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("A load connection failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** One kept-alive connection, reopened only when the server closes it. */
    private static final class Connection {

        private final Target target;
        private Socket socket;
        private OutputStream out;
        private InputStream in;
        private long[] latencies = new long[1 << 16];
        private int latencyCount;
        private long requests;
        private long errors;
        private String firstError;

        Connection(Target target) throws IOException {
            this.target = target;
            open();
        }

        void loop(byte[] request, long end) throws IOException {
            try {
                while (System.nanoTime() - end < 0) {
                    long t0 = System.nanoTime();
                    out.write(request);
                    out.flush();
                    Answer answer = Answer.read(in);
                    long elapsed = System.nanoTime() - t0;
                    requests++;
                    if (answer.status == 200) {
                        if (latencyCount == latencies.length) {
                            latencies = Arrays.copyOf(latencies, latencies.length * 2);
                        }
                        latencies[latencyCount++] = elapsed;
                    } else {
                        errors++;
                        if (firstError == null) {
                            firstError = answer.describe();
                        }
                    }
                    if (answer.close) {
                        socket.close();
                        open();
                    }
                }
            } finally {
                socket.close();
            }
        }

        private void open() throws IOException {
            socket = new Socket(target.host(), target.port());
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        }
    }

    /** The parts of an HTTP/1.1 response the generator needs; the body is read whole (length or chunked). */
    private record Answer(int status, boolean close, String head, byte[] body) {

        static Answer read(InputStream in) throws IOException {
            String head = readHead(in);
            int status = Integer.parseInt(head.substring(9, 12));
            String lower = head.toLowerCase(Locale.ROOT);
            byte[] body;
            String length = header(lower, "content-length");
            if (length != null) {
                body = in.readNBytes(Integer.parseInt(length));
            } else if ("chunked".equals(header(lower, "transfer-encoding"))) {
                body = readChunked(in);
            } else {
                throw new IOException("An answer without Content-Length or chunked encoding: " + head);
            }
            return new Answer(status, "close".equals(header(lower, "connection")), head, body);
        }

        String describe() {
            String text = new String(body, StandardCharsets.UTF_8);
            return head.substring(0, head.indexOf('\r')) + " " + text.substring(0, Math.min(300, text.length()));
        }

        private static String readHead(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream(512);
            int matched = 0;
            while (matched < 4) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("The server closed the connection");
                }
                head.write(b);
                matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                        ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            return head.toString(StandardCharsets.ISO_8859_1);
        }

        private static String header(String lowerHead, String name) {
            int at = lowerHead.indexOf("\r\n" + name + ":");
            if (at < 0) {
                return null;
            }
            int from = at + name.length() + 3;
            return lowerHead.substring(from, lowerHead.indexOf('\r', from)).trim();
        }

        private static byte[] readChunked(InputStream in) throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                String sizeLine = readLine(in);
                int semicolon = sizeLine.indexOf(';');
                int size = Integer.parseInt(semicolon < 0 ? sizeLine.trim() : sizeLine.substring(0, semicolon).trim(), 16);
                if (size == 0) {
                    // Trailers, if any, end with an empty line.
                    while (!readLine(in).isEmpty()) {
                        continue;
                    }
                    return body.toByteArray();
                }
                body.write(in.readNBytes(size));
                readLine(in);
            }
        }

        private static String readLine(InputStream in) throws IOException {
            StringBuilder line = new StringBuilder();
            int b;
            while ((b = in.read()) != '\n') {
                if (b < 0) {
                    throw new IOException("The server closed the connection inside a chunked body");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }
    }
}
