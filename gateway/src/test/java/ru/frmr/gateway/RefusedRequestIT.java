package ru.frmr.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Requests the HTTP server refuses before any filter or route sees them: the answer is problem+json
 * like every other error. Sent over a raw socket, since HTTP clients will not send most of them.
 */
class RefusedRequestIT extends GatewayTestSupport {

    record RawAnswer(int status, String head, String body) {
    }

    @Test
    void aHundredKilobyteUriIsAUriTooLongProblem() throws Exception {
        String uri = "/api/registry/public/workers?q=" + "a".repeat(100 * 1024);

        assertRefusal(raw("GET " + uri + " HTTP/1.1\r\nHost: gateway\r\n\r\n"), 414, "uri-too-long");
    }

    @Test
    void oversizedHeadersAreAHeadersTooLargeProblem() throws Exception {
        String header = "X-Padding: " + "b".repeat(64 * 1024) + "\r\n";

        assertRefusal(raw("GET /api/registry/public/workers HTTP/1.1\r\nHost: gateway\r\n" + header + "\r\n"),
                431, "headers-too-large");
    }

    @Test
    void badPercentEncodingIsAMalformedRequestProblem() throws Exception {
        assertRefusal(raw("GET /api/registry/public/workers/%zz HTTP/1.1\r\nHost: gateway\r\nConnection: close\r\n\r\n"),
                400, "malformed-request");
    }

    @Test
    void theGatewayKeepsServingAfterARefusal() throws Exception {
        raw("GET /" + "c".repeat(10_000) + " HTTP/1.1\r\nHost: gateway\r\n\r\n");

        assertProblem(get("/actuator/env"), 404, "not-found");
    }

    private static void assertRefusal(RawAnswer answer, int status, String type) throws IOException {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.head().toLowerCase()).contains("content-type: application/problem+json");
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.path("type").asText()).isEqualTo("https://frmr.ru/problems/" + type);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).isNotBlank();
    }

    /** Sends {@code request} as it is and reads the answer's head and its Content-Length body. */
    private RawAnswer raw(String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                head.write(b);
            }
            String headText = head.toString(StandardCharsets.ISO_8859_1);
            int length = headText.lines().filter(line -> line.toLowerCase().startsWith("content-length:"))
                    .map(line -> Integer.parseInt(line.substring(line.indexOf(':') + 1).strip()))
                    .findFirst().orElse(0);
            String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
            int status = Integer.parseInt(headText.substring(9, 12));
            return new RawAnswer(status, headText, body);
        }
    }
}
