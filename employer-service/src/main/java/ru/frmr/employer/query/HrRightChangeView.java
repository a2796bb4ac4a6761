package ru.frmr.employer.query;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One line of an organisation's HR-right history, under the event's id (a replay rewrites it).
 *
 * @param action {@code GRANTED} or {@code REVOKED}
 * @param by     the chief's account id
 */
@Document(HrRightChangeView.COLLECTION)
public record HrRightChangeView(@Id String eventId, String organizationId, String accountId, String action,
                                Instant at, String by, long rightsVersion) {

    static final String COLLECTION = "hr_right_history";
}
