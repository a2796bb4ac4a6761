package ru.frmr.esia.emulator.oauth;

/**
 * A request ESIA refuses: an OAuth {@code error} plus ESIA's own code, which clients see at the start of
 * {@code error_description} ({@code ESIA-007053: ...}).
 */
public class EsiaException extends RuntimeException {

    private final String error;
    private final String code;

    private EsiaException(String error, String code, String message) {
        super(message);
        this.error = error;
        this.code = code;
    }

    public static EsiaException invalidRequest(String message) {
        return new EsiaException("invalid_request", "ESIA-007002", message);
    }

    public static EsiaException unknownClient(String clientId) {
        return new EsiaException("invalid_client", "ESIA-007004", "unknown client_id " + clientId);
    }

    public static EsiaException redirectUriNotRegistered(String clientId) {
        return new EsiaException("invalid_request", "ESIA-007014",
                "redirect_uri is not registered for client " + clientId);
    }

    public static EsiaException invalidClientSecret(String message) {
        return new EsiaException("invalid_client", "ESIA-007053", message);
    }

    public static EsiaException invalidGrant(String message) {
        return new EsiaException("invalid_grant", "ESIA-007011", message);
    }

    public static EsiaException invalidScope(String message) {
        return new EsiaException("invalid_scope", "ESIA-007019", message);
    }

    public static EsiaException unsupportedGrantType(String grantType) {
        return new EsiaException("unsupported_grant_type", "ESIA-007002", "unsupported grant_type " + grantType);
    }

    public String error() {
        return error;
    }

    public String code() {
        return code;
    }

    public String description() {
        return code + ": " + getMessage();
    }
}
