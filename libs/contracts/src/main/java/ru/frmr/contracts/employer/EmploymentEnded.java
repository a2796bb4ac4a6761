package ru.frmr.contracts.employer;

import java.time.Instant;
import java.time.LocalDate;

import ru.frmr.contracts.IntegrationEvent;

/**
 * An employment ended. Published once it has ({@code endDate}, the last working day, is not after the day of
 * {@code endedAt}). A later one for the same employment, with a higher version, corrects the end date.
 *
 * @param organizationId the organisation of the employment, as recorded
 */
public record EmploymentEnded(String employmentId, String workerId, String organizationId, LocalDate endDate,
                              long version, Instant endedAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return employmentId;
    }
}
