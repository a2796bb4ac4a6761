package ru.frmr.employer.query;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import ru.frmr.employer.api.LinkInitiator;
import ru.frmr.employer.api.LinkRequestStatus;

/** A link request as the HR's and the worker's lists show it. */
@Document(LinkRequestView.COLLECTION)
public record LinkRequestView(@Id String requestId, String organizationId, String workerId,
                              LinkInitiator initiatedBy, LinkRequestStatus status, Instant requestedAt,
                              Instant expiresAt, Instant answeredAt, String contractNumber, LocalDate contractDate) {

    static final String COLLECTION = "link_requests";
}
