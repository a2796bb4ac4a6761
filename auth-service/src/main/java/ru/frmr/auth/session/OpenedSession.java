package ru.frmr.auth.session;

/** A new session: the refresh token goes into its cookie, the access token to the caller. */
public record OpenedSession(String sessionId, RefreshToken refreshToken, String accessToken) {

    @Override
    public String toString() {
        return "OpenedSession[sessionId=" + sessionId + "]";
    }
}
