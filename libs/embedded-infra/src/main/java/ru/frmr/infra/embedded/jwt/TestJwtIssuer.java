package ru.frmr.infra.embedded.jwt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for auth-service's token issuing in tests: an EC P-256 key whose JWKS is served at
 * {@link #jwksUri()} by an in-process HTTP server, and platform access tokens signed with it (ES256,
 * the claims of docs/identity.md). {@link #mint(BadToken, TestToken)} makes the tokens a verifier must
 * refuse.
 */
public final class TestJwtIssuer implements AutoCloseable {

    public static final String JWKS_PATH = "/.well-known/jwks.json";

    private static TestJwtIssuer shared;

    private final ECKey signingKey;
    private final ECKey foreignKey;
    private final RSAKey rsaKey;
    private final HttpServer server;
    private final AtomicInteger keySetFetches = new AtomicInteger();

    private TestJwtIssuer() throws JOSEException, IOException {
        String kid = "test-" + UUID.randomUUID();
        signingKey = new ECKeyGenerator(Curve.P_256).keyID(kid).algorithm(JWSAlgorithm.ES256).keyUse(KeyUse.SIGNATURE)
                .generate();
        // Same kid as the real key, so a verifier cannot tell them apart by lookup: only the signature can.
        foreignKey = new ECKeyGenerator(Curve.P_256).keyID(kid).algorithm(JWSAlgorithm.ES256).generate();
        rsaKey = new RSAKeyGenerator(2048).keyID("rsa-" + kid).algorithm(JWSAlgorithm.RS256)
                .keyUse(KeyUse.SIGNATURE).generate();
        byte[] jwks = new JWKSet(List.<JWK>of(signingKey.toPublicJWK(), rsaKey.toPublicJWK())).toString()
                .getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "test-jwks");
            t.setDaemon(true);
            return t;
        }));
        server.createContext(JWKS_PATH, exchange -> {
            keySetFetches.incrementAndGet();
            serve(exchange, jwks);
        });
        server.start();
    }

    /** A new issuer with its own keys and JWKS server; close it when done. */
    public static TestJwtIssuer start() {
        try {
            return new TestJwtIssuer();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the JWKS server", e);
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate test keys", e);
        }
    }

    /**
     * One issuer per test JVM, never closed: test classes that point Spring at it get the same
     * {@link #jwksUri()} and so can share one application context.
     */
    public static synchronized TestJwtIssuer shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    /** For example {@code http://127.0.0.1:PORT/.well-known/jwks.json}. */
    public String jwksUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + JWKS_PATH;
    }

    /** How many times the key set has been served: what a verifier's fetch budget is measured by. */
    public int keySetFetches() {
        return keySetFetches.get();
    }

    /** A valid token: ES256 with the published key. */
    public String mint(TestToken token) {
        return sign(token, signingKey, JWSAlgorithm.ES256);
    }

    /**
     * A valid token that also carries {@code extraClaims}, for claims only some tokens have (auth-service's
     * {@code step_up} after a one-time code confirmation).
     */
    public String mint(TestToken token, Map<String, Object> extraClaims) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder(claims(token));
        extraClaims.forEach(claims::claim);
        return sign(claims.build(), signingKey, JWSAlgorithm.ES256);
    }

    /** A token that is {@code token} made wrong in the given way. */
    public String mint(BadToken kind, TestToken token) {
        return switch (kind) {
            case ALG_NONE -> new PlainJWT(claims(token)).serialize();
            case FOREIGN_KEY -> sign(token, foreignKey, JWSAlgorithm.ES256);
            case UNKNOWN_KEY -> sign(claims(token), foreignKey, JWSAlgorithm.ES256, "unknown-" + UUID.randomUUID());
            case TAMPERED -> tampered(token);
            case WRONG_ALGORITHM -> sign(token, rsaKey, JWSAlgorithm.RS256);
            case EXPIRED -> mint(token.expiringAt(Instant.now().minus(Duration.ofMinutes(5))));
            case WRONG_ISSUER -> mint(token.withIssuer("https://issuer.example"));
            case WRONG_AUDIENCE -> mint(token.withAudience("another-platform"));
        };
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private String tampered(TestToken token) {
        String[] parts = mint(token).split("\\.");
        List<String> roles = new ArrayList<>(token.roles());
        roles.add("REGISTRY_ADMIN");
        Base64URL payload = Base64URL.encode(claims(token.withRoleList(roles)).toString());
        return parts[0] + "." + payload + "." + parts[2];
    }

    private static String sign(TestToken token, JWK key, JWSAlgorithm algorithm) {
        return sign(claims(token), key, algorithm);
    }

    private static String sign(JWTClaimsSet claims, JWK key, JWSAlgorithm algorithm) {
        return sign(claims, key, algorithm, key.getKeyID());
    }

    private static String sign(JWTClaimsSet claims, JWK key, JWSAlgorithm algorithm, String keyId) {
        try {
            JWSSigner signer = key instanceof ECKey ec ? new ECDSASigner(ec) : new RSASSASigner((RSAKey) key);
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(keyId)
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a test token", e);
        }
    }

    private static JWTClaimsSet claims(TestToken token) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(token.issuer())
                .audience(token.audience())
                .subject(token.subject())
                .claim("sid", token.sessionId())
                .claim("roles", token.roles())
                .issueTime(Date.from(token.issuedAt()))
                .expirationTime(Date.from(token.expiresAt()))
                .jwtID(UUID.randomUUID().toString());
        if (token.workerId() != null) {
            claims.claim("worker_id", token.workerId());
        }
        if (token.orgId() != null) {
            claims.claim("org_id", token.orgId());
        }
        return claims.build();
    }

    private static void serve(HttpExchange exchange, byte[] body) throws IOException {
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }
}
