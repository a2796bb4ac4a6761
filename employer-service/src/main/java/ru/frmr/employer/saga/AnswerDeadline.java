package ru.frmr.employer.saga;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A discrepancy's persisted answer deadline: it survives restarts and any replica's sweeper can fire it.
 *
 * @param id        the discrepancy id
 * @param overdueAt when the due date has passed
 * @param settled   answered, or escalated: nothing left to fire
 */
@Document(AnswerDeadline.COLLECTION)
record AnswerDeadline(@Id String id, Instant overdueAt, boolean settled) {

    static final String COLLECTION = "discrepancy_deadlines";
}
