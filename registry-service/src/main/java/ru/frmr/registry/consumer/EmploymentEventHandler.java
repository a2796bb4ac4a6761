package ru.frmr.registry.consumer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Component;

import ru.frmr.contracts.EventTypes;
import ru.frmr.contracts.Topics;
import ru.frmr.contracts.employer.ContractKind;
import ru.frmr.contracts.employer.EmployingOrganization;
import ru.frmr.contracts.employer.EmploymentCorrected;
import ru.frmr.contracts.employer.EmploymentEnded;
import ru.frmr.contracts.employer.EmploymentRecorded;
import ru.frmr.kit.consumer.IntegrationEventHandler;
import ru.frmr.kit.consumer.ReceivedEvent;
import ru.frmr.registry.api.CorrectEmploymentCommand;
import ru.frmr.registry.api.EmploymentContractKind;
import ru.frmr.registry.api.EmploymentTerms;
import ru.frmr.registry.api.EndEmploymentCommand;
import ru.frmr.registry.api.RecordEmploymentCommand;
import ru.frmr.registry.command.EmploymentRecords;

/**
 * Employment records as the employer-service reports them, into the worker's record. An event that breaks its
 * schema or the record's rules (unknown position or region, bad ОГРН, reversed dates, unknown worker) can never
 * apply: it goes to {@code frmr.employer.events.dlt} at once, naming the field. A redelivered event applies
 * nothing twice: the kit skips event ids it has seen, and the aggregate skips versions it holds.
 */
@Component
class EmploymentEventHandler implements IntegrationEventHandler {

    private final EmploymentRecords records;

    EmploymentEventHandler(EmploymentRecords records) {
        this.records = records;
    }

    @Override
    public String consumerName() {
        return "employment";
    }

    @Override
    public Collection<String> topics() {
        return List.of(Topics.EMPLOYER_EVENTS);
    }

    @Override
    public void handle(ReceivedEvent event) {
        switch (event.type()) {
            case EventTypes.EMPLOYMENT_RECORDED -> {
                EmploymentRecorded e = event.payload(EmploymentRecorded.class);
                records.record(new RecordEmploymentCommand(e.workerId(), e.employmentId(), e.version(),
                        terms(e.organization(), e.department(), e.positionCode(), e.rate(), e.contractKind(),
                                e.startDate()),
                        actor(event), e.recordedAt()));
            }
            case EventTypes.EMPLOYMENT_CORRECTED -> {
                EmploymentCorrected e = event.payload(EmploymentCorrected.class);
                records.correct(new CorrectEmploymentCommand(e.workerId(), e.employmentId(), e.version(),
                        terms(e.organization(), e.department(), e.positionCode(), e.rate(), e.contractKind(),
                                e.startDate()),
                        actor(event), e.correctedAt()));
            }
            case EventTypes.EMPLOYMENT_ENDED -> {
                EmploymentEnded e = event.payload(EmploymentEnded.class);
                records.end(new EndEmploymentCommand(e.workerId(), e.employmentId(), e.version(), e.organizationId(),
                        e.endDate(), actor(event), e.endedAt()));
            }
            default -> {
                // Other employer events (link requests) are not about the record.
            }
        }
    }

    private static EmploymentTerms terms(EmployingOrganization organization, String department, String positionCode,
                                         BigDecimal rate, ContractKind kind, LocalDate startDate) {
        return new EmploymentTerms(organization.id(), organization.name(), organization.ogrn(),
                organization.regionCode(), department, positionCode, rate, EmploymentContractKind.valueOf(kind.name()),
                startDate);
    }

    /** The employer's account that made the change, or the employer-service itself. */
    private static String actor(ReceivedEvent event) {
        return event.actor() != null && !event.actor().isBlank() ? event.actor() : String.valueOf(event.source());
    }
}
