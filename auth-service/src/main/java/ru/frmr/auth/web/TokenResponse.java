package ru.frmr.auth.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** OAuth-style token answer. {@code step_up} is there only on the answer of a step-up verification. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record TokenResponse(@JsonProperty("access_token") String accessToken,
                     @JsonProperty("token_type") String tokenType,
                     @JsonProperty("expires_in") long expiresIn,
                     @JsonProperty("step_up") Boolean stepUp) {

    static TokenResponse bearer(String accessToken, long expiresIn) {
        return new TokenResponse(accessToken, "Bearer", expiresIn, null);
    }

    @Override
    public String toString() {
        return "TokenResponse[***]";
    }
}
