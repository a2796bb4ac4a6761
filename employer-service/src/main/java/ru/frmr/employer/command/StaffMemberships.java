package ru.frmr.employer.command;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import ru.frmr.employer.api.AcceptLinkRequestCommand;
import ru.frmr.employer.api.ChangeEmploymentCommand;
import ru.frmr.employer.api.DeclineLinkRequestCommand;
import ru.frmr.employer.api.DismissWorkerCommand;
import ru.frmr.employer.api.EmploymentChangeKind;
import ru.frmr.employer.api.EmploymentTerms;
import ru.frmr.employer.api.LinkInitiator;
import ru.frmr.employer.api.OrganizationRef;
import ru.frmr.employer.api.RecordHireCommand;
import ru.frmr.employer.api.RequestLinkCommand;
import ru.frmr.employer.api.StaffMembershipId;
import ru.frmr.employer.config.LinkRequestProperties;
import ru.frmr.employer.query.OrganizationCard;
import ru.frmr.employer.query.OrganizationDirectory;
import ru.frmr.kit.error.ConflictException;
import ru.frmr.kit.error.NotFoundException;

/**
 * The command side of linking and employment: ids and times are made here (from the injected clock), the
 * organisation is looked up once (an unknown one is a 404 naming {@code organizationId}) and its card travels in
 * the employment events, and the membership aggregate decides.
 */
@Service
public class StaffMemberships {

    private static final Logger log = LoggerFactory.getLogger(StaffMemberships.class);

    private final CommandGateway commands;
    private final OrganizationDirectory organizations;
    private final Clock clock;
    private final LinkRequestProperties properties;

    public StaffMemberships(CommandGateway commands, OrganizationDirectory organizations, Clock clock,
                            LinkRequestProperties properties) {
        this.commands = commands;
        this.organizations = organizations;
        this.clock = clock;
        this.properties = properties;
    }

    /** The record of a new request, as the answer to its creation shows it. */
    public record CreatedRequest(String requestId, String organizationId, String workerId, LinkInitiator initiatedBy,
                                 Instant requestedAt, Instant expiresAt) {
    }

    public CreatedRequest requestLink(String organizationId, String workerId, LinkInitiator initiatedBy,
                                      String contractNumber, LocalDate contractDate) {
        organization(organizationId);
        String requestId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.expireAfter());
        commands.sendAndWait(new RequestLinkCommand(StaffMembershipId.of(organizationId, workerId), organizationId,
                workerId, requestId, initiatedBy, contractNumber, contractDate, now, expiresAt));
        log.info("Link request {} of organisation {} and worker {} started by {}", requestId, organizationId, workerId,
                initiatedBy);
        return new CreatedRequest(requestId, organizationId, workerId, initiatedBy, now, expiresAt);
    }

    public void accept(String organizationId, String workerId, String requestId, LinkInitiator answeredBy) {
        onRequest(new AcceptLinkRequestCommand(StaffMembershipId.of(organizationId, workerId), requestId, answeredBy,
                clock.instant()));
    }

    public void decline(String organizationId, String workerId, String requestId, LinkInitiator answeredBy) {
        onRequest(new DeclineLinkRequestCommand(StaffMembershipId.of(organizationId, workerId), requestId,
                answeredBy, clock.instant()));
    }

    /** @return the new employment's id */
    public String hire(String organizationId, String workerId, EmploymentTerms terms) {
        OrganizationRef organization = organization(organizationId);
        String employmentId = UUID.randomUUID().toString();
        try {
            commands.sendAndWait(new RecordHireCommand(StaffMembershipId.of(organizationId, workerId), employmentId,
                    organization, terms, clock.instant()));
        } catch (AggregateNotFoundException e) {
            throw new ConflictException("workerId", "the worker is not linked to this organisation: "
                    + "a link request must be accepted first");
        }
        log.info("Employment {} of worker {} recorded by organisation {}", employmentId, workerId, organizationId);
        return employmentId;
    }

    /** @return the employment's new version */
    public long change(String organizationId, String workerId, String employmentId, EmploymentChangeKind kind,
                       String positionCode, String department, BigDecimal rate, String contractKind,
                       LocalDate effectiveDate) {
        OrganizationRef organization = organization(organizationId);
        return onEmployment(new ChangeEmploymentCommand(StaffMembershipId.of(organizationId, workerId),
                employmentId, organization, kind, positionCode, department, rate, contractKind, effectiveDate,
                clock.instant()));
    }

    /** @return the employment's new version */
    public long dismiss(String organizationId, String workerId, String employmentId, LocalDate endDate,
                        String reasonCode) {
        organization(organizationId);
        return onEmployment(new DismissWorkerCommand(StaffMembershipId.of(organizationId, workerId),
                employmentId, endDate, reasonCode, clock.instant()));
    }

    private OrganizationRef organization(String organizationId) {
        OrganizationCard card = organizations.find(organizationId).orElseThrow(
                () -> new NotFoundException("organizationId: no such medical organisation"));
        return new OrganizationRef(card.id(), card.name(), card.ogrn(), card.regionCode());
    }

    private void onRequest(Object command) {
        try {
            commands.sendAndWait(command);
        } catch (AggregateNotFoundException e) {
            throw new NotFoundException("requestId: no such link request between this organisation and worker");
        }
    }

    private long onEmployment(Object command) {
        try {
            return commands.<Long>sendAndWait(command);
        } catch (AggregateNotFoundException e) {
            throw new NotFoundException("employmentId: no such employment of this worker in this organisation");
        }
    }
}
