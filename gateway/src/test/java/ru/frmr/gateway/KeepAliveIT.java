package ru.frmr.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * A client may send its next request on a kept-alive connection as soon as it has the whole body of the
 * previous answer, which for a proxied answer is before the gateway has finished it. Such a request must
 * be answered, and so must every later one on that connection. (Reactor Netty 1.2.11 stopped reading the
 * connection when that early request was answered at once: the next one was never read, never answered.)
 */
class KeepAliveIT extends GatewayTestSupport {

    @Test
    void aConnectionStaysUsableAfterARequestSentBeforeTheProxiedAnswerEnded() throws Exception {
        String token = ISSUER.mint(caller);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            // Sent together, so the second surely arrives while the proxied first is still in progress.
            out.write((get("/api/registry/workers/w-1", token) + get("/api/nope", token)).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(statusLine(in)).isEqualTo("HTTP/1.1 200 OK");
            assertThat(statusLine(in)).isEqualTo("HTTP/1.1 404 Not Found");

            out.write(get("/api/nope", token).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(statusLine(in)).isEqualTo("HTTP/1.1 404 Not Found");
        }
    }

    private static String get(String path, String token) {
        return "GET " + path + " HTTP/1.1\r\nHost: gateway\r\nAuthorization: Bearer " + token + "\r\n\r\n";
    }

    /** Reads one whole response (the gateway's always carry a Content-Length) and returns its status line. */
    private static String statusLine(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("The gateway closed the connection");
            }
            head.write(b);
        }
        String headers = head.toString(StandardCharsets.ISO_8859_1);
        String lower = headers.toLowerCase();
        int at = lower.indexOf("content-length:");
        assertThat(at).as("Content-Length in %s", headers).isNotNegative();
        in.readNBytes(Integer.parseInt(lower.substring(at + 15, lower.indexOf('\r', at)).trim()));
        return headers.substring(0, headers.indexOf('\r'));
    }
}
