package ru.frmr.auth.oidc;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small OpenID Provider for tests: discovery, JWKS, codes issued by the test for an authorization
 * request (remembering its PKCE challenge and nonce, as a browser round trip would), a token endpoint that checks client secret and PKCE verifier,
 * and userinfo.
 */
final class OidcStandIn implements AutoCloseable {

    static final String CLIENT_ID = "frmr";
    static final String CLIENT_SECRET = "s3cret";
    static final String SUBJECT = "person-42";

    private final HttpServer server;
    private final ECKey key;
    private final Map<String, Map<String, String>> codes = new ConcurrentHashMap<>();
    volatile ECKey idTokenKey;
    volatile String audience = CLIENT_ID;

    OidcStandIn() throws IOException, JOSEException {
        key = new ECKeyGenerator(Curve.P_256).keyID("op-1").generate();
        idTokenKey = key;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/.well-known/openid-configuration", e -> respond(e, 200, discovery()));
        server.createContext("/jwks", e -> respond(e, 200, new JWKSet(key.toPublicJWK()).toString()));
        server.createContext("/token", this::token);
        server.createContext("/userinfo", e -> respond(e, 200, "{\"sub\":\"" + SUBJECT + "\",\"family_name\":"
                + "\"Петров\",\"given_name\":\"Пётр\",\"middle_name\":\"Сергеевич\",\"birthdate\":\"1979-02-03\","
                + "\"gender\":\"male\",\"snils\":\"123-456-789 64\",\"email\":\"petrov@frmr.test\","
                + "\"email_verified\":true}"));
        server.start();
    }

    String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** What the browser would get back at the redirect URI for this authorization URL. */
    String codeFor(Map<String, String> authorizationQuery) {
        String code = "code-" + codes.size();
        codes.put(code, authorizationQuery);
        return code;
    }

    private String discovery() {
        return "{\"issuer\":\"" + issuer() + "\",\"authorization_endpoint\":\"" + issuer() + "/authorize\","
                + "\"token_endpoint\":\"" + issuer() + "/token\",\"jwks_uri\":\"" + issuer() + "/jwks\","
                + "\"userinfo_endpoint\":\"" + issuer() + "/userinfo\",\"end_session_endpoint\":\"" + issuer()
                + "/logout\"}";
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Map<String, String> authorization = codes.remove(form.get("code"));
        if (!CLIENT_SECRET.equals(form.get("client_secret")) || !CLIENT_ID.equals(form.get("client_id"))) {
            respond(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        if (authorization == null || !Pkce.challenge(form.get("code_verifier"))
                .equals(authorization.get("code_challenge"))) {
            respond(exchange, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        try {
            Date now = new Date();
            SignedJWT idToken = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("op-1").build(),
                    new JWTClaimsSet.Builder().issuer(issuer()).audience(List.of(audience)).subject(SUBJECT)
                            .issueTime(now).expirationTime(new Date(now.getTime() + 300_000))
                            .claim("nonce", authorization.get("nonce")).build());
            idToken.sign(new ECDSASigner(idTokenKey));
            respond(exchange, 200, "{\"access_token\":\"at-1\",\"token_type\":\"Bearer\",\"id_token\":\""
                    + idToken.serialize() + "\"}");
        } catch (JOSEException e) {
            respond(exchange, 500, "{\"error\":\"server_error\"}");
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

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
