package ru.frmr.esia.emulator.oauth;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** The token endpoint's answer; {@code state} echoes the token request's state. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TokenResponse(String accessToken, String idToken, String refreshToken, long expiresIn, String state,
                            String tokenType) {
}
