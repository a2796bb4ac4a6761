package ru.frmr.auth.esia;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import ru.frmr.auth.DevKeys;
import ru.frmr.gost.GostSignatures;
import ru.frmr.gost.GostJws;

/**
 * A minimal ESIA for unit tests of the client, written from the protocol (not from the emulator): the
 * token endpoint checks the {@code client_secret} signature with the client's certificate and answers
 * GOST-signed tokens; the person API answers one person. Knobs let a test make it misbehave.
 */
final class EsiaStub implements AutoCloseable {

    static final String OID = "1000299656";
    static final String ISSUER = "http://esia.stub/";

    private final HttpServer server;
    private final PublicKey clientKey = DevKeys.certificate("frmr-lk").getPublicKey();
    private final PrivateKey esiaKey = DevKeys.key("esia-emulator");
    private final Set<String> codes = ConcurrentHashMap.newKeySet();
    volatile String answerState;
    volatile PrivateKey tokenKey = esiaKey;
    volatile Map<String, String> lastTokenRequest = Map.of();
    /** A person ESIA knows no ИНН, citizenship or verified identity document of. */
    volatile boolean bareRecord;

    EsiaStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/aas/oauth2/v3/te", this::token);
        server.createContext("/rs/prns/", this::person);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void acceptCode(String code) {
        codes.add(code);
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        lastTokenRequest = form;
        String signed = form.get("client_id") + form.get("scope") + form.get("timestamp") + form.get("state")
                + form.get("redirect_uri") + form.get("code");
        if (!GostSignatures.verifyBase64Url(clientKey, signed.getBytes(StandardCharsets.UTF_8),
                form.get("client_secret"))) {
            respond(exchange, 400, "{\"error\":\"invalid_client\",\"error_description\":\"ESIA-007053: wrong secret\"}");
            return;
        }
        if (!codes.remove(form.get("code"))) {
            respond(exchange, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"ESIA-007011: bad code\"}");
            return;
        }
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("urn:esia:sbj_id", Long.parseLong(OID));
        claims.put("client_id", form.get("client_id"));
        claims.put("iss", ISSUER);
        claims.put("nbf", now);
        claims.put("iat", now);
        claims.put("exp", now + 3600);
        String token = GostJws.sign(claims, tokenKey, "stub");
        String state = answerState != null ? answerState : form.get("state");
        respond(exchange, 200, "{\"access_token\":\"" + token + "\",\"id_token\":\"x\",\"refresh_token\":\"r\","
                + "\"expires_in\":3600,\"state\":\"" + state + "\",\"token_type\":\"Bearer\"}");
    }

    private void person(HttpExchange exchange) throws IOException {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth == null || GostJws.verify(auth.substring("Bearer ".length()), esiaPublicKey()).isEmpty()) {
            respond(exchange, 401, "{\"error\":\"invalid_token\",\"error_description\":\"ESIA-007002: token\"}");
            return;
        }
        String path = exchange.getRequestURI().getPath();
        if (path.endsWith("/ctts")) {
            respond(exchange, 200, "{\"size\":2,\"elements\":[{\"id\":1,\"type\":\"EML\",\"vrfStu\":\"VERIFIED\","
                    + "\"value\":\"sidorova.hr@frmr.test\"},{\"id\":2,\"type\":\"MBT\",\"vrfStu\":\"NOT_VERIFIED\","
                    + "\"value\":\"+79990000003\"}]}");
        } else if (path.endsWith("/docs")) {
            // A driving licence first and an unverified passport: neither is the identity document to take.
            String verified = bareRecord ? "NOT_VERIFIED" : "VERIFIED";
            respond(exchange, 200, "{\"size\":3,\"elements\":[{\"id\":3,\"type\":\"RF_DRIVING_LICENSE\","
                    + "\"vrfStu\":\"VERIFIED\",\"series\":\"7700\",\"number\":\"123456\"},"
                    + "{\"id\":2,\"type\":\"RF_PASSPORT\",\"vrfStu\":\"NOT_VERIFIED\",\"series\":\"4500\","
                    + "\"number\":\"000001\",\"issueDate\":\"01.08.1999\"},"
                    + "{\"id\":1,\"type\":\"RF_PASSPORT\",\"vrfStu\":\"" + verified + "\",\"series\":\"4502\","
                    + "\"number\":\"834567\",\"issueDate\":\"01.08.2002\",\"issueId\":\"770-003\","
                    + "\"issuedBy\":\"ГУ МВД России по г. Москве\"}]}");
        } else if (path.endsWith("/roles")) {
            respond(exchange, 200, "{\"size\":1,\"elements\":[{\"oid\":5000001,\"fullName\":\"ГБУЗ «Городская "
                    + "поликлиника № 1»\",\"ogrn\":\"1027700543210\",\"chief\":true,\"admin\":false,\"active\":true}]}");
        } else {
            String innAndCitizenship = bareRecord ? "" : "\"inn\":\"770334567804\",\"citizenship\":\"RUS\",";
            respond(exchange, 200, "{\"firstName\":\"Анна\",\"lastName\":\"Сидорова\",\"middleName\":\"Викторовна\","
                    + "\"birthDate\":\"21.07.1982\",\"gender\":\"F\",\"snils\":\"000-000-600 06\","
                    + innAndCitizenship + "\"trusted\":true}");
        }
    }

    private static PublicKey esiaPublicKey() {
        return DevKeys.certificate("esia-emulator").getPublicKey();
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
