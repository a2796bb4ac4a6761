package ru.frmr.notification.support.api;

import java.time.Instant;

import org.axonframework.serialization.Revision;

@Revision("1")
public record SupportRequestTakenEvent(String requestId, String officerAccountId, Instant takenAt) {
}
