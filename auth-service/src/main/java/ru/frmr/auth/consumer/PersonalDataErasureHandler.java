package ru.frmr.auth.consumer;

import java.util.Collection;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import ru.frmr.auth.command.Accounts;
import ru.frmr.auth.privacy.PersonalDataVault;
import ru.frmr.auth.query.AccountView;
import ru.frmr.auth.query.AuthQueries;
import ru.frmr.contracts.ContractJson;
import ru.frmr.contracts.EventTypes;
import ru.frmr.contracts.Topics;
import ru.frmr.contracts.registry.PersonalDataErased;
import ru.frmr.kit.consumer.IntegrationEventHandler;
import ru.frmr.kit.consumer.PoisonEventException;
import ru.frmr.kit.consumer.ReceivedEvent;

/**
 * The registry erased a worker's personal data: auth-service erases its own copy too. The accounts linked to the
 * worker ({@code WorkerAccountLinked}, long before any erasure) name the subject of the person's data key
 * ({@link PersonalDataVault#subjectFor}): each key is shredded first, then each account records the erasure (keyed
 * by the message id, so a redelivery records nothing twice).
 */
@Component
class PersonalDataErasureHandler implements IntegrationEventHandler {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataErasureHandler.class);

    private final PersonalDataVault vault;
    private final AuthQueries queries;
    private final Accounts accounts;

    PersonalDataErasureHandler(PersonalDataVault vault, AuthQueries queries, Accounts accounts) {
        this.vault = vault;
        this.queries = queries;
        this.accounts = accounts;
    }

    @Override
    public String consumerName() {
        return "personal-data-erasure";
    }

    @Override
    public Collection<String> topics() {
        return List.of(Topics.REGISTRY_EVENTS);
    }

    @Override
    public void handle(ReceivedEvent event) {
        if (!EventTypes.PERSONAL_DATA_ERASED.equals(event.type())) {
            return;
        }
        PersonalDataErased erased = read(event);
        List<AccountView> erasedAccounts = queries.accountsOfWorker(erased.workerId());
        erasedAccounts.stream().map(AccountView::snilsKey).distinct().forEach(vault::shred);
        erasedAccounts.forEach(account -> accounts.recordErasure(account.id(), event.id()));
        log.info("Personal data erased worker={} accounts={}", erased.workerId(), erasedAccounts.size());
    }

    private static PersonalDataErased read(ReceivedEvent event) {
        PersonalDataErased erased;
        try {
            erased = ContractJson.fromBytes(event.data(), PersonalDataErased.class);
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("Unreadable " + event.type() + " " + event.id(), e);
        }
        if (erased.workerId() == null || erased.workerId().isBlank()) {
            throw new PoisonEventException(event.type() + " " + event.id() + " names no worker");
        }
        return erased;
    }
}
