package ru.frmr.employer.saga;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * When a pending link request expires. The id is the request's, so scheduling it twice (a replayed event, another
 * replica) finds the one already there.
 *
 * @param settled true once the request was answered or expired: the sweeper no longer looks at it
 */
@Document(LinkRequestDeadline.COLLECTION)
record LinkRequestDeadline(@Id String requestId, String membershipId, Instant expiresAt, boolean settled) {

    static final String COLLECTION = "link_request_deadlines";
}
