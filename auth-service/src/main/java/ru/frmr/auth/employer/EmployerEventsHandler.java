package ru.frmr.auth.employer;

import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Component;

import ru.frmr.contracts.ContractJson;
import ru.frmr.contracts.EventTypes;
import ru.frmr.contracts.IntegrationEvent;
import ru.frmr.contracts.Topics;
import ru.frmr.contracts.employer.HrRightGranted;
import ru.frmr.contracts.employer.HrRightRevoked;
import ru.frmr.contracts.employer.MedicalOrganizationCorrected;
import ru.frmr.contracts.employer.MedicalOrganizationRegistered;
import ru.frmr.kit.consumer.IntegrationEventHandler;
import ru.frmr.kit.consumer.PoisonEventException;
import ru.frmr.kit.consumer.ReceivedEvent;

/**
 * Follows the employer-service's medical organisations and HR rights into {@link EmployerOrganizations}. Every
 * write is versioned (a card by its version, a right by the organisation's count of right changes), so a repeated or
 * late event changes nothing; the employer's other events are not auth-service's business.
 */
@Component
class EmployerEventsHandler implements IntegrationEventHandler {

    private final EmployerOrganizations organizations;

    EmployerEventsHandler(EmployerOrganizations organizations) {
        this.organizations = organizations;
    }

    @Override
    public String consumerName() {
        return "employer-organizations";
    }

    @Override
    public Collection<String> topics() {
        return List.of(Topics.EMPLOYER_EVENTS);
    }

    @Override
    public boolean deduplicatesByEventId() {
        return true;
    }

    @Override
    public void handle(ReceivedEvent event) {
        switch (event.type()) {
            case EventTypes.MEDICAL_ORGANIZATION_REGISTERED -> {
                MedicalOrganizationRegistered e = read(event, MedicalOrganizationRegistered.class);
                organizations.organizationCard(e.organizationId(), e.ogrn(), e.name(), e.version(), e.registeredAt());
            }
            case EventTypes.MEDICAL_ORGANIZATION_CORRECTED -> {
                MedicalOrganizationCorrected e = read(event, MedicalOrganizationCorrected.class);
                organizations.organizationCard(e.organizationId(), e.ogrn(), e.name(), e.version(), e.correctedAt());
            }
            case EventTypes.HR_RIGHT_GRANTED -> {
                HrRightGranted e = read(event, HrRightGranted.class);
                organizations.hrRight(e.organizationId(), e.accountId(), true, e.version(), e.at());
            }
            case EventTypes.HR_RIGHT_REVOKED -> {
                HrRightRevoked e = read(event, HrRightRevoked.class);
                organizations.hrRight(e.organizationId(), e.accountId(), false, e.version(), e.at());
            }
            default -> {
                // Link requests, employment and discrepancies: nothing auth-service keeps.
            }
        }
    }

    private static <T extends IntegrationEvent> T read(ReceivedEvent event, Class<T> type) {
        try {
            return ContractJson.fromBytes(event.data(), type);
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("Unreadable " + event.type() + " " + event.id(), e);
        }
    }
}
