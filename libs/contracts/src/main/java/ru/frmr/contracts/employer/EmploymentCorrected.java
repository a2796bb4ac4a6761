package ru.frmr.contracts.employer;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import ru.frmr.contracts.IntegrationEvent;

/**
 * An employer changed the terms of a recorded employment (a transfer to another position or department,
 * a new rate) or corrected a mistake in them. Carries the whole terms as they now read, not a difference,
 * so a subscriber needs no earlier event to apply it. The organisation's id stays that of the employment.
 *
 * @param version above that of every earlier event of the same employment
 */
public record EmploymentCorrected(String employmentId, String workerId, EmployingOrganization organization,
                                  String department, String positionCode, BigDecimal rate, ContractKind contractKind,
                                  LocalDate startDate, long version, Instant correctedAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return employmentId;
    }
}
