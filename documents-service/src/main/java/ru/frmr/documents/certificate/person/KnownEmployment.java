package ru.frmr.documents.certificate.person;

import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One employment as the employer last recorded it; {@code version} is the employer's, applied only upwards. */
@Document("certificate_employments")
public record KnownEmployment(@Id String employmentId, String workerId, String organizationId,
                              String organizationName, String department, String positionCode, String rate,
                              String contractKind, LocalDate startDate, LocalDate endDate, long version) {
}
