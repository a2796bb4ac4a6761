package ru.frmr.documents.upload;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ru.frmr.infra.embedded.jwt.TestJwtIssuer;
import ru.frmr.infra.embedded.jwt.TestToken;

/** The files API over real HTTP, with tokens from the test issuer and multipart bodies built by hand. */
final class FilesClient {

    static final TestJwtIssuer ISSUER = TestJwtIssuer.shared();
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;

    FilesClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** A worker's token: the account id is derived from the worker id, so each call is the same account. */
    static String worker(String workerId) {
        return ISSUER.mint(TestToken.worker(workerId).withSubject("acc-" + workerId).validFor(Duration.ofHours(1)));
    }

    static String admin() {
        return ISSUER.mint(TestToken.withRoles("REGISTRY_ADMIN").validFor(Duration.ofHours(1)));
    }

    static String support() {
        return ISSUER.mint(TestToken.withRoles("SUPPORT").validFor(Duration.ofHours(1)));
    }

    static String hr(String organizationId) {
        return ISSUER.mint(TestToken.withRoles("EMPLOYER_HR").withOrgId(organizationId)
                .validFor(Duration.ofHours(1)), Map.of("org_basis", "ADMIN"));
    }

    record Part(String fileName, String contentType, byte[] bytes) {
    }

    HttpResponse<String> upload(String token, Part file, Map<String, String> fields) {
        String boundary = "----frmr" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Map<String, String> all = new LinkedHashMap<>(fields);
        for (Map.Entry<String, String> field : all.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                    + "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        if (file != null) {
            StringBuilder head = new StringBuilder("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"");
            if (file.fileName() != null) {
                head.append("; filename=\"").append(file.fileName()).append('"');
            }
            head.append("\r\n");
            if (file.contentType() != null) {
                head.append("Content-Type: ").append(file.contentType()).append("\r\n");
            }
            head.append("\r\n");
            body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file.bytes());
            body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/documents/files"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String token, String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> download(String token, String documentId) {
        return send(HttpRequest.newBuilder(URI.create(base + "/api/documents/files/" + documentId))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A POST of {@code body} as it is, under {@code contentType}; without a token when {@code token} is null. */
    HttpResponse<String> postRaw(String token, String path, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postJson(String token, String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return HTTP.send(request, handler);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (Exception e) {
            throw new IllegalStateException(response.statusCode() + " " + response.body(), e);
        }
    }
}
