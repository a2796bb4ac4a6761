package ru.frmr.contracts.employer;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import ru.frmr.contracts.IntegrationEvent;

/**
 * An employer recorded that a worker took up a position. Published once the employment has begun
 * ({@code startDate} is not after the day of {@code recordedAt}). Names the worker by the registry's id
 * only: no personal data.
 *
 * @param employmentId  the employer-service's id of this employment; the CloudEvents subject and Kafka key
 * @param department    the department's name, if the employer keeps one
 * @param positionCode  code from the registry's positions dictionary ({@code reference/positions-v1.json})
 * @param rate          share of a full-time position: 0.25 to 1.5 in steps of 0.25
 * @param version       the employment record's version at the employer: 1 here, raised by every later
 *                      {@link EmploymentCorrected} and {@link EmploymentEnded}; subscribers apply an event only
 *                      when its version is above the one they hold
 */
public record EmploymentRecorded(String employmentId, String workerId, EmployingOrganization organization,
                                 String department, String positionCode, BigDecimal rate, ContractKind contractKind,
                                 LocalDate startDate, long version, Instant recordedAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return employmentId;
    }
}
