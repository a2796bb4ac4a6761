package ru.frmr.esia.emulator.login;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.OptionalLong;

import ru.frmr.esia.emulator.oauth.AuthorizationRequest;

/**
 * One browser's way from the authorization request through the password and the one-time code pages. Kept in
 * the HTTP session, together with the CSRF token its forms carry.
 */
final class LoginFlow {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final AuthorizationRequest request;
    private final String csrfToken;
    private int passwordFailures;
    private int codeFailures;
    private Long verifiedOid;

    LoginFlow(AuthorizationRequest request) {
        this.request = request;
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        this.csrfToken = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    AuthorizationRequest request() {
        return request;
    }

    String csrfToken() {
        return csrfToken;
    }

    boolean csrfMatches(String token) {
        return token != null && MessageDigest.isEqual(csrfToken.getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
    }

    /** @return failures so far, this one included */
    int passwordFailed() {
        return ++passwordFailures;
    }

    /** @return failures so far, this one included */
    int codeFailed() {
        return ++codeFailures;
    }

    void passwordVerified(long oid) {
        verifiedOid = oid;
    }

    /** The person whose password was right, who now has to enter the one-time code. */
    OptionalLong verifiedOid() {
        return verifiedOid == null ? OptionalLong.empty() : OptionalLong.of(verifiedOid);
    }
}
