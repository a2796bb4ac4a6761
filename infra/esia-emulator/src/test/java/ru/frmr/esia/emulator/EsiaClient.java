package ru.frmr.esia.emulator;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import ru.frmr.gost.GostDigests;
import ru.frmr.gost.GostSignatures;

/**
 * Plays the FRMR_LK client the way auth-service does: builds signed authorization and token requests with the
 * client's development key. Parameters come back as mutable maps so a test can tamper with them after signing.
 */
final class EsiaClient {

    static final String CLIENT_ID = "FRMR_LK";
    static final String ALL_SCOPES = "openid fullname birthdate gender snils inn id_doc email mobile contacts usr_org";
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy.MM.dd HH:mm:ss Z");

    private final URI base;
    private final PrivateKey key = DevKeys.clientKey();
    private final String certificateHash = GostDigests.certificateHash(DevKeys.clientCertificate());

    EsiaClient(URI base) {
        this.base = base;
    }

    static String now() {
        return TIMESTAMP.format(ZonedDateTime.now(ZoneOffset.ofHours(3)));
    }

    Map<String, String> authorization(String redirectUri, String scope) {
        return authorization(redirectUri, scope, UUID.randomUUID().toString(), now());
    }

    Map<String, String> authorization(String redirectUri, String scope, String state, String timestamp) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", CLIENT_ID);
        params.put("client_certificate_hash", certificateHash);
        params.put("client_secret", sign(CLIENT_ID + scope + timestamp + state + redirectUri));
        params.put("redirect_uri", redirectUri);
        params.put("scope", scope);
        params.put("response_type", "code");
        params.put("access_type", "offline");
        params.put("state", state);
        params.put("timestamp", timestamp);
        return params;
    }

    URI authorizationUri(Map<String, String> params) {
        return base.resolve("/aas/oauth2/v2/ac?" + form(params));
    }

    Map<String, String> codeExchange(String code, String redirectUri, String scope) {
        return tokenRequest("authorization_code", "code", code, redirectUri, scope, now());
    }

    Map<String, String> codeExchange(String code, String redirectUri, String scope, String timestamp) {
        return tokenRequest("authorization_code", "code", code, redirectUri, scope, timestamp);
    }

    Map<String, String> refresh(String refreshToken, String redirectUri, String scope) {
        return tokenRequest("refresh_token", "refresh_token", refreshToken, redirectUri, scope, now());
    }

    HttpRequest tokenPost(Map<String, String> params) {
        return HttpRequest.newBuilder(base.resolve("/aas/oauth2/v3/te"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(params)))
                .build();
    }

    String sign(String text) {
        return GostSignatures.signBase64Url(key, text.getBytes(StandardCharsets.UTF_8));
    }

    static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private Map<String, String> tokenRequest(String grantType, String grantName, String grant, String redirectUri,
                                             String scope, String timestamp) {
        String state = UUID.randomUUID().toString();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", CLIENT_ID);
        params.put(grantName, grant);
        params.put("grant_type", grantType);
        params.put("client_certificate_hash", certificateHash);
        params.put("client_secret", sign(CLIENT_ID + scope + timestamp + state + redirectUri + grant));
        params.put("state", state);
        params.put("redirect_uri", redirectUri);
        params.put("scope", scope);
        params.put("timestamp", timestamp);
        params.put("token_type", "Bearer");
        return params;
    }
}
