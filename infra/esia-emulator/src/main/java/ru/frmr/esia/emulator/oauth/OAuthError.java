package ru.frmr.esia.emulator.oauth;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** The JSON error body of the token endpoint and the person API: {@code {"error","error_description"}}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record OAuthError(String error, String errorDescription) {

    public static OAuthError of(EsiaException e) {
        return new OAuthError(e.error(), e.description());
    }
}
