package ru.frmr.auth.token;

import java.util.Map;

import ru.frmr.auth.api.SessionClaims;

/** Claims an access token carries beyond the session's own, looked up at each issue (so a refresh sees changes). */
@FunctionalInterface
public interface ExtraClaims {

    ExtraClaims NONE = (accountId, claims) -> Map.of();

    Map<String, Object> of(String accountId, SessionClaims claims);
}
