package ru.frmr.infra.embedded.jwt;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The claims of a platform access token as auth-service issues them (docs/identity.md). Every factory
 * gives a token that is valid for five minutes from now; the {@code with…} methods change one claim.
 *
 * @param workerId {@code worker_id}, or null
 * @param orgId    {@code org_id}, or null
 */
public record TestToken(String subject, String sessionId, List<String> roles, String workerId, String orgId,
                        String issuer, String audience, Instant issuedAt, Instant expiresAt) {

    public static final String ISSUER = "frmr-auth";
    public static final String AUDIENCE = "frmr-platform";
    private static final Duration LIFETIME = Duration.ofMinutes(5);

    public TestToken {
        roles = List.copyOf(roles);
    }

    /** A fresh account and session holding {@code roles}, with no worker or organisation id. */
    public static TestToken withRoles(String... roles) {
        Instant now = Instant.now();
        return new TestToken(UUID.randomUUID().toString(), UUID.randomUUID().toString(), List.of(roles), null, null,
                ISSUER, AUDIENCE, now, now.plus(LIFETIME));
    }

    /**
     * A supervisory agency's machine client as the client-credentials grant gives it a token: no session, the role
     * AGENCY; its scopes and agency go in as extra claims ({@link TestJwtIssuer#mint(TestToken, java.util.Map)}).
     */
    public static TestToken agencyClient(String clientId) {
        Instant now = Instant.now();
        return new TestToken(clientId, null, List.of("AGENCY"), null, null, ISSUER, AUDIENCE, now, now.plus(LIFETIME));
    }

    /** A medical worker whose registry record is {@code workerId}. */
    public static TestToken worker(String workerId) {
        return withRoles("WORKER").withWorkerId(workerId);
    }

    public TestToken withSubject(String value) {
        return new TestToken(value, sessionId, roles, workerId, orgId, issuer, audience, issuedAt, expiresAt);
    }

    public TestToken withWorkerId(String value) {
        return new TestToken(subject, sessionId, roles, value, orgId, issuer, audience, issuedAt, expiresAt);
    }

    public TestToken withOrgId(String value) {
        return new TestToken(subject, sessionId, roles, workerId, value, issuer, audience, issuedAt, expiresAt);
    }

    public TestToken withRoleList(List<String> value) {
        return new TestToken(subject, sessionId, value, workerId, orgId, issuer, audience, issuedAt, expiresAt);
    }

    public TestToken withIssuer(String value) {
        return new TestToken(subject, sessionId, roles, workerId, orgId, value, audience, issuedAt, expiresAt);
    }

    public TestToken withAudience(String value) {
        return new TestToken(subject, sessionId, roles, workerId, orgId, issuer, value, issuedAt, expiresAt);
    }

    /** Issued now, expiring {@code lifetime} later: for a token a whole test class shares. */
    public TestToken validFor(Duration lifetime) {
        Instant now = Instant.now();
        return new TestToken(subject, sessionId, roles, workerId, orgId, issuer, audience, now, now.plus(lifetime));
    }

    /** Issued five minutes before {@code expiresAt}, as auth-service would have. */
    public TestToken expiringAt(Instant value) {
        return new TestToken(subject, sessionId, roles, workerId, orgId, issuer, audience, value.minus(LIFETIME),
                value);
    }
}
