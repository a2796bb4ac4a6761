package ru.frmr.documents.certificate.person;

import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Component;

import ru.frmr.contracts.EventTypes;
import ru.frmr.contracts.Topics;
import ru.frmr.contracts.auth.AccountProvisioned;
import ru.frmr.contracts.employer.EmploymentCorrected;
import ru.frmr.contracts.employer.EmploymentEnded;
import ru.frmr.contracts.employer.EmploymentRecorded;
import ru.frmr.contracts.registry.PersonalDataErased;
import ru.frmr.contracts.registry.ProfessionalRecordChanged;
import ru.frmr.contracts.registry.WorkerAccountLinked;
import ru.frmr.contracts.registry.WorkerRegistered;
import ru.frmr.kit.consumer.IntegrationEventHandler;
import ru.frmr.kit.consumer.ReceivedEvent;

/**
 * Fills {@link PersonFacts} from the registry's, auth-service's and the employers' events. The kit skips event ids
 * already applied, and each write is idempotent itself; an event that breaks its schema goes to the dead-letter
 * topic.
 */
@Component
class PersonFactsHandler implements IntegrationEventHandler {

    private final PersonFacts facts;

    PersonFactsHandler(PersonFacts facts) {
        this.facts = facts;
    }

    @Override
    public String consumerName() {
        return "certificate-person-facts";
    }

    @Override
    public Collection<String> topics() {
        return List.of(Topics.REGISTRY_EVENTS, Topics.AUTH_EVENTS, Topics.EMPLOYER_EVENTS);
    }

    @Override
    public void handle(ReceivedEvent event) {
        switch (event.type()) {
            case EventTypes.WORKER_REGISTERED -> {
                WorkerRegistered e = event.payload(WorkerRegistered.class);
                facts.registered(e.workerId(), e.lastName(), e.firstName(), e.middleName(), e.registeredAt());
            }
            case EventTypes.ACCOUNT_PROVISIONED -> {
                AccountProvisioned e = event.payload(AccountProvisioned.class);
                facts.accountProvisioned(e.accountId(), e.email());
            }
            case EventTypes.WORKER_ACCOUNT_LINKED -> {
                WorkerAccountLinked e = event.payload(WorkerAccountLinked.class);
                facts.accountLinked(e.workerId(), e.accountId());
            }
            case EventTypes.PERSONAL_DATA_ERASED -> {
                PersonalDataErased e = event.payload(PersonalDataErased.class);
                facts.erased(e.workerId(), e.erasedAt());
            }
            case EventTypes.PROFESSIONAL_RECORD_CHANGED ->
                    facts.professionalRecordChanged(event.payload(ProfessionalRecordChanged.class));
            case EventTypes.EMPLOYMENT_RECORDED -> facts.employmentRecorded(event.payload(EmploymentRecorded.class));
            case EventTypes.EMPLOYMENT_CORRECTED -> facts.employmentCorrected(event.payload(EmploymentCorrected.class));
            case EventTypes.EMPLOYMENT_ENDED -> facts.employmentEnded(event.payload(EmploymentEnded.class));
            default -> {
                // Nothing else says what a справка prints.
            }
        }
    }

}
