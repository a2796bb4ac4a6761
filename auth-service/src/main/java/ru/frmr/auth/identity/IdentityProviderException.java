package ru.frmr.auth.identity;

import org.springframework.http.HttpStatus;

/**
 * The provider refused or its answer did not check out. The message is safe to show: it never holds a
 * token, a code or personal data.
 *
 * @see ru.frmr.auth.web.AuthProblemAdvice
 */
public class IdentityProviderException extends RuntimeException {

    private final HttpStatus status;
    private final String kind;
    private final String providerCode;

    /**
     * @param kind         the last segment of the problem type, {@code https://frmr.ru/problems/{kind}}
     * @param providerCode the provider's own error code (e.g. {@code ESIA-007053}), or null
     */
    public IdentityProviderException(HttpStatus status, String kind, String message, String providerCode) {
        super(message);
        this.status = status;
        this.kind = kind;
        this.providerCode = providerCode;
    }

    public HttpStatus status() {
        return status;
    }

    public String kind() {
        return kind;
    }

    public String providerCode() {
        return providerCode;
    }
}
