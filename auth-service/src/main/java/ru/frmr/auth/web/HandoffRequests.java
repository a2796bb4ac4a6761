package ru.frmr.auth.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import ru.frmr.kit.error.InvalidParameterException;

/** The portal's requests of a login it started; every one carries a secret, so none prints it. */
final class HandoffRequests {

    /** 256 random bits, base64url: a handoff code, and a pending login's secret. */
    static final String SECRET = "^[A-Za-z0-9_-]{43}$";
    /** RFC 7636: 43 to 128 unreserved characters. */
    static final String VERIFIER = "^[A-Za-z0-9._~-]{43,128}$";
    /** The refresh token's form ({@code RefreshToken}) with some room; its content is checked where it is used. */
    static final String REFRESH_TOKEN = "^[A-Za-z0-9._-]{1,128}$";

    private HandoffRequests() {
    }

    /** {@code POST /api/auth/handoff}. */
    record Redeem(@NotNull @Pattern(regexp = SECRET, message = "must be a handoff code") String code,
                  @NotNull @Pattern(regexp = VERIFIER, message = "must be a PKCE verifier (43 to 128 characters)")
                  String verifier) {

        @Override
        public String toString() {
            return "Redeem[***]";
        }
    }

    /** {@code POST /api/auth/handoff/second-factor}. */
    record SecondFactor(@NotNull @Pattern(regexp = SECRET, message = "must be a pending login") String login,
                        @NotNull @Pattern(regexp = "^\\d{6}$", message = "must be 6 digits") String code) {

        @Override
        public String toString() {
            return "SecondFactor[***]";
        }
    }

    /** The resend of a code and the activation request of a pending login. */
    record PendingLogin(@NotNull @Pattern(regexp = SECRET, message = "must be a pending login") String login) {

        @Override
        public String toString() {
            return "PendingLogin[***]";
        }
    }

    /**
     * {@code POST /api/auth/token} with the refresh token in the body instead of the cookie. Checked by hand, not by
     * bean validation: the problem names the field as the JSON has it ({@code refresh_token}).
     */
    record Refresh(@JsonProperty("refresh_token") String refreshToken) {

        String validated() {
            if (refreshToken == null || !refreshToken.matches(REFRESH_TOKEN)) {
                throw new InvalidParameterException("refresh_token", "must be a refresh token");
            }
            return refreshToken;
        }

        @Override
        public String toString() {
            return "Refresh[***]";
        }
    }
}
