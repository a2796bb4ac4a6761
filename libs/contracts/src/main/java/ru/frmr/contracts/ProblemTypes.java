package ru.frmr.contracts;

import java.net.URI;

/**
 * Stable RFC 9457 problem {@code type} URIs, one per kind of error, shared by the gateway and every
 * service so that clients can switch on them wherever an error comes from.
 */
public final class ProblemTypes {

    private static final String BASE = "https://frmr.ru/problems/";

    public static final URI VALIDATION = URI.create(BASE + "validation");
    public static final URI MALFORMED_REQUEST = URI.create(BASE + "malformed-request");
    public static final URI UNAUTHORIZED = URI.create(BASE + "unauthorized");
    public static final URI FORBIDDEN = URI.create(BASE + "forbidden");
    /** Allowed, but only with a token confirmed by a recent step-up one-time code (403). */
    public static final URI STEP_UP_REQUIRED = URI.create(BASE + "step-up-required");
    public static final URI NOT_FOUND = URI.create(BASE + "not-found");
    public static final URI CONFLICT = URI.create(BASE + "conflict");
    public static final URI BUSINESS_RULE = URI.create(BASE + "business-rule");
    public static final URI METHOD_NOT_ALLOWED = URI.create(BASE + "method-not-allowed");
    public static final URI NOT_ACCEPTABLE = URI.create(BASE + "not-acceptable");
    public static final URI UNSUPPORTED_MEDIA_TYPE = URI.create(BASE + "unsupported-media-type");
    public static final URI PAYLOAD_TOO_LARGE = URI.create(BASE + "payload-too-large");
    /** The request line (mostly the URI) is over the server's limit (414), refused before routing. */
    public static final URI URI_TOO_LONG = URI.create(BASE + "uri-too-long");
    /** The request headers are over the server's limit (431), refused before routing. */
    public static final URI HEADERS_TOO_LARGE = URI.create(BASE + "headers-too-large");
    public static final URI TOO_MANY_REQUESTS = URI.create(BASE + "too-many-requests");
    public static final URI CONCURRENT_MODIFICATION = URI.create(BASE + "concurrent-modification");
    /** The service could not be reached or did not answer in time (502, 503, 504). */
    public static final URI UNAVAILABLE = URI.create(BASE + "unavailable");
    public static final URI INTERNAL = URI.create(BASE + "internal");
    /** An upload refused by documents-service, one type per reason (the problem names the field {@code file}). */
    public static final URI UPLOAD_EMPTY = URI.create(BASE + "upload-empty");
    public static final URI UPLOAD_TOO_LARGE = URI.create(BASE + "upload-too-large");
    public static final URI UPLOAD_UNSUPPORTED_TYPE = URI.create(BASE + "upload-unsupported-type");
    public static final URI UPLOAD_TYPE_MISMATCH = URI.create(BASE + "upload-type-mismatch");
    public static final URI UPLOAD_ENCRYPTED_PDF = URI.create(BASE + "upload-encrypted-pdf");
    public static final URI UPLOAD_PDF_JAVASCRIPT = URI.create(BASE + "upload-pdf-javascript");
    public static final URI UPLOAD_PDF_LAUNCH_ACTION = URI.create(BASE + "upload-pdf-launch-action");
    public static final URI UPLOAD_PDF_EMBEDDED_FILE = URI.create(BASE + "upload-pdf-embedded-file");
    public static final URI UPLOAD_MALFORMED_PDF = URI.create(BASE + "upload-malformed-pdf");
    public static final URI UPLOAD_UNDECODABLE_IMAGE = URI.create(BASE + "upload-undecodable-image");
    public static final URI UPLOAD_POLYGLOT = URI.create(BASE + "upload-polyglot");
    /** The resource existed but its content was destroyed for good (a shredded person's file, 410). */
    public static final URI GONE = URI.create(BASE + "gone");

    private ProblemTypes() {
    }

    /** The type for a status without a more specific kind. */
    public static URI forStatus(int status) {
        return switch (status) {
            case 400 -> MALFORMED_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 414 -> URI_TOO_LONG;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 422 -> BUSINESS_RULE;
            case 429 -> TOO_MANY_REQUESTS;
            case 431 -> HEADERS_TOO_LARGE;
            case 502, 503, 504 -> UNAVAILABLE;
            default -> status >= 500 ? INTERNAL : MALFORMED_REQUEST;
        };
    }
}
