package ru.frmr.auth.session;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An opaque refresh token {@code <sessionId>.<secret>}: the session id routes the rotation to its
 * aggregate without a look-up (so it works the instant the session exists, on any replica); the 256-bit
 * secret proves possession and is stored only as its SHA-256.
 */
public record RefreshToken(String sessionId, String secret) {

    private static final Pattern FORM = Pattern.compile(
            "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\.([A-Za-z0-9_-]{43})");

    public static RefreshToken issue(String sessionId) {
        return new RefreshToken(sessionId, Hashes.randomSecret());
    }

    public static Optional<RefreshToken> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        var m = FORM.matcher(value);
        return m.matches() ? Optional.of(new RefreshToken(m.group(1), m.group(2))) : Optional.empty();
    }

    public String value() {
        return sessionId + "." + secret;
    }

    public String hash() {
        return Hashes.sha256(secret);
    }

    @Override
    public String toString() {
        return "RefreshToken[sessionId=" + sessionId + "]";
    }
}
