package ru.frmr.registry.consumer;

import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Component;

import ru.frmr.contracts.ContractJson;
import ru.frmr.contracts.EventTypes;
import ru.frmr.contracts.Topics;
import ru.frmr.contracts.auth.AccountProvisioned;
import ru.frmr.contracts.auth.IdentityDocument;
import ru.frmr.kit.consumer.IntegrationEventHandler;
import ru.frmr.kit.consumer.PoisonEventException;
import ru.frmr.kit.consumer.ReceivedEvent;
import ru.frmr.registry.command.EsiaPersonalData;
import ru.frmr.registry.command.WorkerRegistration;

/**
 * A medical worker's first login creates their record from the ESIA data auth-service received, under a new
 * random registry number, and links the login account to it ({@code WorkerAccountLinked} tells auth-service the
 * number). People who are no medical workers (supervisors, auditors) have no record here.
 */
@Component
class AccountProvisioningHandler implements IntegrationEventHandler {

    private final WorkerRegistration registration;

    AccountProvisioningHandler(WorkerRegistration registration) {
        this.registration = registration;
    }

    @Override
    public String consumerName() {
        return "worker-provisioning";
    }

    @Override
    public Collection<String> topics() {
        return List.of(Topics.AUTH_EVENTS);
    }

    @Override
    public void handle(ReceivedEvent event) {
        if (!EventTypes.ACCOUNT_PROVISIONED.equals(event.type())) {
            return;
        }
        AccountProvisioned account;
        try {
            account = ContractJson.fromBytes(event.data(), AccountProvisioned.class);
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("Unreadable " + event.type() + " " + event.id(), e);
        }
        if (!account.medicalWorker()) {
            return;
        }
        registration.provision(account.accountId(), account.lastName(), account.firstName(), account.middleName(),
                account.birthDate(), account.snils(), account.email(), account.mobile(), esiaData(account));
    }

    private static EsiaPersonalData esiaData(AccountProvisioned account) {
        IdentityDocument d = account.identityDocument();
        return new EsiaPersonalData(account.gender(), account.citizenship(), account.inn(), d == null ? null
                : new ru.frmr.registry.api.IdentityDocument(d.type(), d.series(), d.number(), d.issueDate(),
                        d.issuedBy(), d.issuerCode()));
    }
}
