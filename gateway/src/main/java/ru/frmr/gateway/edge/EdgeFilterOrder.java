package ru.frmr.gateway.edge;

import org.springframework.core.Ordered;

/**
 * The order of the edge filters. The request id and the security headers come first so that every
 * response carries them, rejections by the later filters included.
 */
final class EdgeFilterOrder {

    static final int REQUEST_ID = Ordered.HIGHEST_PRECEDENCE;
    static final int SECURITY_HEADERS = REQUEST_ID + 1;
    static final int CORS = SECURITY_HEADERS + 1;
    static final int BODY_LIMIT = CORS + 1;

    private EdgeFilterOrder() {
    }
}
