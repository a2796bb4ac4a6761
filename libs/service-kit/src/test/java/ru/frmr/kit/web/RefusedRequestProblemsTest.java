package ru.frmr.kit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.autoconfigure.web.embedded.EmbeddedWebServerFactoryCustomizerAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ru.frmr.infra.embedded.jwt.TestJwtIssuer;
import ru.frmr.kit.security.KitSecurityAutoConfiguration;

/**
 * Requests Tomcat refuses before any servlet sees them are problem+json like every other error. A real
 * Tomcat on a random port, configured by Boot as in a service (Boot adds an HTML error report valve of its
 * own), sent raw bytes, since HTTP clients will not send most of these requests.
 */
@SpringBootTest(classes = RefusedRequestProblemsTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "frmr.security.public-paths=/public/**")
class RefusedRequestProblemsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("frmr.security.jwks-uri", () -> TestJwtIssuer.shared().jwksUri());
    }

    record RawAnswer(int status, String head, String body) {
    }

    @LocalServerPort
    int port;

    @Test
    void aHundredKilobyteUriIsAUriTooLongProblem() throws Exception {
        RawAnswer answer = raw("GET /public/x?q=" + "a".repeat(100 * 1024) + " HTTP/1.1\r\nHost: s\r\n\r\n");
        assertRefusal(answer, 414, "uri-too-long");
    }

    @Test
    void oversizedHeadersAreAHeadersTooLargeProblem() throws Exception {
        RawAnswer answer = raw("GET /public/x HTTP/1.1\r\nHost: s\r\nX-Padding: " + "b".repeat(64 * 1024) + "\r\n\r\n");
        assertRefusal(answer, 431, "headers-too-large");
    }

    @Test
    void badPercentEncodingIsAMalformedRequestProblem() throws Exception {
        RawAnswer answer = raw("GET /public/%zz HTTP/1.1\r\nHost: s\r\nConnection: close\r\n\r\n");
        assertRefusal(answer, 400, "malformed-request");
    }

    private static void assertRefusal(RawAnswer answer, int status, String type) throws IOException {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.head().toLowerCase()).contains("content-type: application/problem+json");
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.path("type").asText()).isEqualTo("https://frmr.ru/problems/" + type);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asText()).isNotBlank();
    }

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
                    .findFirst().orElse(-1);
            byte[] body = length >= 0 ? in.readNBytes(length) : new byte[0];
            return new RawAnswer(Integer.parseInt(headText.substring(9, 12)), headText,
                    new String(body, StandardCharsets.UTF_8));
        }
    }

    @SpringBootConfiguration
    @ImportAutoConfiguration({ServletWebServerFactoryAutoConfiguration.class,
            EmbeddedWebServerFactoryCustomizerAutoConfiguration.class, JacksonAutoConfiguration.class,
            HttpMessageConvertersAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
            WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class, SecurityAutoConfiguration.class,
            SecurityFilterAutoConfiguration.class, WebProblemsAutoConfiguration.class,
            KitSecurityAutoConfiguration.class})
    static class App {
    }
}
