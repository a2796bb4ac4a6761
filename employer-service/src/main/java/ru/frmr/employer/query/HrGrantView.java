package ru.frmr.employer.query;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A held HR right; {@code id} is {@code organizationId:accountId}, so a replayed grant rewrites the same one. */
@Document(HrGrantView.COLLECTION)
public record HrGrantView(@Id String id, String organizationId, String accountId, Instant grantedAt,
                          String grantedBy) {

    static final String COLLECTION = "hr_grants";

    static String idOf(String organizationId, String accountId) {
        return organizationId + ":" + accountId;
    }
}
