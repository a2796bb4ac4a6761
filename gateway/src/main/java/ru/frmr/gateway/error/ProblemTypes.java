package ru.frmr.gateway.error;

import java.net.URI;

/**
 * The same stable {@code type} URIs as {@code ru.frmr.kit.web.ProblemTypes}, which the gateway cannot use:
 * the service kit is servlet-based. 502 and 504 are kinds of "unavailable" here, since only the gateway
 * stands between a caller and a service that failed to answer.
 */
final class ProblemTypes {

    private static final String BASE = "https://frmr.ru/problems/";

    static final URI MALFORMED_REQUEST = URI.create(BASE + "malformed-request");
    static final URI FORBIDDEN = URI.create(BASE + "forbidden");
    static final URI NOT_FOUND = URI.create(BASE + "not-found");
    static final URI METHOD_NOT_ALLOWED = URI.create(BASE + "method-not-allowed");
    static final URI NOT_ACCEPTABLE = URI.create(BASE + "not-acceptable");
    static final URI PAYLOAD_TOO_LARGE = URI.create(BASE + "payload-too-large");
    static final URI UNSUPPORTED_MEDIA_TYPE = URI.create(BASE + "unsupported-media-type");
    static final URI UNAVAILABLE = URI.create(BASE + "unavailable");
    static final URI INTERNAL = URI.create(BASE + "internal");

    private ProblemTypes() {
    }

    static URI forStatus(int status) {
        return switch (status) {
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 502, 503, 504 -> UNAVAILABLE;
            default -> status >= 500 ? INTERNAL : MALFORMED_REQUEST;
        };
    }
}
