package ru.frmr.gateway.edge;

import org.springframework.core.Ordered;

/**
 * The order of the edge filters. The request id and the security headers come first so that every
 * response carries them, rejections by the later filters included.
 */
final class EdgeFilterOrder {

    /** Outermost, so that every answer, rejections and errors included, is written off the event loop. */
    static final int EVENT_LOOP_HAND_OFF = Ordered.HIGHEST_PRECEDENCE;
    static final int REQUEST_ID = EVENT_LOOP_HAND_OFF + 1;
    static final int SECURITY_HEADERS = REQUEST_ID + 1;
    static final int CORS = SECURITY_HEADERS + 1;
    static final int BODY_LIMIT = CORS + 1;

    private EdgeFilterOrder() {
    }
}
