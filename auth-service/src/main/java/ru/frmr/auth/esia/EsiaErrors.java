package ru.frmr.auth.esia;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;

import ru.frmr.auth.identity.IdentityProviderException;

/**
 * ESIA's errors as problems. ESIA answers {@code error} / {@code error_description}; the description
 * starts with its code ({@code ESIA-007011: ...}). Only the code travels on, never ESIA's wording, which
 * may echo request values.
 */
final class EsiaErrors {

    private static final Pattern CODE = Pattern.compile("ESIA-\\d{6}");

    private EsiaErrors() {
    }

    static IdentityProviderException from(String error, String description) {
        String code = code(error, description);
        if ("ESIA-007011".equals(code) || "invalid_grant".equals(error)) {
            return new IdentityProviderException(HttpStatus.BAD_REQUEST, "invalid-grant",
                    "The authorization code is invalid, expired or already used; start the login again.", code);
        }
        if ("ESIA-007053".equals(code) || "invalid_client".equals(error)) {
            return new IdentityProviderException(HttpStatus.BAD_GATEWAY, "identity-provider-rejected-client",
                    "ESIA did not accept this system's signature.", code);
        }
        if ("ESIA-007019".equals(code) || "invalid_scope".equals(error)) {
            return new IdentityProviderException(HttpStatus.FORBIDDEN, "identity-provider-denied-scope",
                    "ESIA grants this system no access to the requested data.", code);
        }
        if ("ESIA-007004".equals(code) || "access_denied".equals(error)) {
            return new IdentityProviderException(HttpStatus.FORBIDDEN, "login-cancelled",
                    "The login was cancelled at ESIA.", code);
        }
        return new IdentityProviderException(HttpStatus.BAD_GATEWAY, "identity-provider-error",
                "ESIA answered with an error.", code);
    }

    static IdentityProviderException invalidAnswer(String why) {
        return new IdentityProviderException(HttpStatus.BAD_GATEWAY, "identity-provider-error",
                "ESIA's answer did not check out: " + why + ".", null);
    }

    private static String code(String error, String description) {
        for (String text : new String[] {description, error}) {
            if (text != null) {
                Matcher m = CODE.matcher(text);
                if (m.find()) {
                    return m.group();
                }
            }
        }
        return null;
    }
}
