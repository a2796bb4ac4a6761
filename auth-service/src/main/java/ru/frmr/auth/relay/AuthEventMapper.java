package ru.frmr.auth.relay;

import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import ru.frmr.auth.agency.AgencyEvents.AgencyKafkaCredentialsIssuedEvent;
import ru.frmr.auth.agency.AgencyEvents.AgencyOnboardedEvent;
import ru.frmr.auth.agency.AgencyEvents.AgencyRevokedEvent;
import ru.frmr.auth.api.AccountLockedEvent;
import ru.frmr.auth.api.AccountProvisionedEvent;
import ru.frmr.auth.api.AccountStatusChangedEvent;
import ru.frmr.auth.api.AccountUnlockedEvent;
import ru.frmr.auth.api.ActivationRequestedEvent;
import ru.frmr.auth.api.ContactChangeConfirmedEvent;
import ru.frmr.auth.api.IdentityDocument;
import ru.frmr.auth.api.LoginFailedEvent;
import ru.frmr.auth.api.LoginSucceededEvent;
import ru.frmr.auth.api.PersonData;
import ru.frmr.auth.api.SessionEndedEvent;
import ru.frmr.auth.client.MachineClientRegisteredEvent;
import ru.frmr.auth.client.MachineClientRevokedEvent;
import ru.frmr.auth.privacy.PersonalDataVault;
import ru.frmr.contracts.IntegrationEvent;
import ru.frmr.contracts.auth.AccountContactsChanged;
import ru.frmr.contracts.auth.AccountLocked;
import ru.frmr.contracts.auth.AccountProvisioned;
import ru.frmr.contracts.auth.AccountStatusChanged;
import ru.frmr.contracts.auth.AccountUnlocked;
import ru.frmr.contracts.auth.ActivationRequested;
import ru.frmr.contracts.auth.AgencyKafkaCredentialsIssued;
import ru.frmr.contracts.auth.AgencyOnboarded;
import ru.frmr.contracts.auth.AgencyRevoked;
import ru.frmr.contracts.auth.LoginFailed;
import ru.frmr.contracts.auth.LoginSucceeded;
import ru.frmr.contracts.auth.MachineClientRegistered;
import ru.frmr.contracts.auth.MachineClientRevoked;
import ru.frmr.contracts.auth.SessionEnded;
import ru.frmr.kit.relay.IntegrationEventMapper;

/**
 * What auth-service tells the platform on {@code frmr.auth.events}. Only {@code AccountProvisioned} (for the
 * registry to create the profile) and {@code AccountContactsChanged} (for the notification service to reach the
 * person) carry personal data; nothing here carries a token, a code, a hash of either, a user agent or an IP
 * address ({@code LoginSucceeded} names the device by browser and system only; {@code LoginFailed} names the
 * client's address by a keyed hash, which without auth-service's key cannot be turned back into the address).
 * Session rotations and internal bookkeeping stay inside. The stored event holds the personal data sealed; they are
 * opened here, for the internal topic only. When they cannot be opened any more (the person's data were erased before the relay got to the
 * event), nothing is published: no service must get personal data whose erasure was ordered.
 */
@Component
class AuthEventMapper implements IntegrationEventMapper {

    private static final Logger log = LoggerFactory.getLogger(AuthEventMapper.class);

    private final PersonalDataVault vault;

    AuthEventMapper(PersonalDataVault vault) {
        this.vault = vault;
    }

    @Override
    public Optional<IntegrationEvent> map(Object domainEvent, Instant occurredAt) {
        if (domainEvent instanceof AccountProvisionedEvent e) {
            return provisioned(e, occurredAt);
        }
        if (domainEvent instanceof ContactChangeConfirmedEvent e) {
            return contactsChanged(e, occurredAt);
        }
        return Optional.ofNullable(toIntegrationEvent(domainEvent, occurredAt));
    }

    private static IntegrationEvent toIntegrationEvent(Object domainEvent, Instant at) {
        if (domainEvent instanceof LoginSucceededEvent e) {
            return new LoginSucceeded(e.accountId(), e.sessionId(), e.method(), at, e.device(), e.newDevice());
        }
        if (domainEvent instanceof LoginFailedEvent e) {
            return new LoginFailed(e.accountId(), e.reason(), at, e.addressHash());
        }
        if (domainEvent instanceof AccountLockedEvent e) {
            return new AccountLocked(e.accountId(), e.lockedUntil(), at);
        }
        if (domainEvent instanceof AccountUnlockedEvent e) {
            return new AccountUnlocked(e.accountId(), at);
        }
        if (domainEvent instanceof SessionEndedEvent e) {
            return new SessionEnded(e.accountId(), e.sessionId(), e.reason().name(), at);
        }
        if (domainEvent instanceof AccountStatusChangedEvent e) {
            return new AccountStatusChanged(e.accountId(), e.status().name(),
                    e.previousStatus() == null ? null : e.previousStatus().name(), at);
        }
        if (domainEvent instanceof ActivationRequestedEvent e) {
            return new ActivationRequested(e.accountId(), at);
        }
        if (domainEvent instanceof AgencyOnboardedEvent e) {
            return new AgencyOnboarded(e.agencyId(), e.name(), e.kind(), e.regionCode(), at);
        }
        if (domainEvent instanceof AgencyKafkaCredentialsIssuedEvent e) {
            return new AgencyKafkaCredentialsIssued(e.agencyId(), e.kafkaUsername(), at);
        }
        if (domainEvent instanceof AgencyRevokedEvent e) {
            return new AgencyRevoked(e.agencyId(), at);
        }
        if (domainEvent instanceof MachineClientRegisteredEvent e) {
            return new MachineClientRegistered(e.clientId(), e.agencyId(), e.scopes());
        }
        if (domainEvent instanceof MachineClientRevokedEvent e) {
            return new MachineClientRevoked(e.clientId(), e.agencyId());
        }
        return null;
    }

    private Optional<IntegrationEvent> provisioned(AccountProvisionedEvent e, Instant occurredAt) {
        Optional<PersonData> person = vault.open(e.snilsKey(), e.person());
        if (person.isEmpty()) {
            log.info("AccountProvisioned of account {} not published: its personal data were erased", e.accountId());
            return Optional.empty();
        }
        return Optional.of(provisioned(e, person.get(), occurredAt));
    }

    /**
     * Both values are sealed under the same key, so either both open or, the person's data erased, neither does. An
     * event of revision 1 does not name its key: those changes were made before anyone listened for them.
     */
    private Optional<IntegrationEvent> contactsChanged(ContactChangeConfirmedEvent e, Instant occurredAt) {
        if (e.snilsKey() == null) {
            log.info("AccountContactsChanged of account {} not published: stored before it named its data key",
                    e.accountId());
            return Optional.empty();
        }
        Optional<String> email = vault.open(e.snilsKey(), e.email());
        Optional<String> mobile = vault.open(e.snilsKey(), e.mobile());
        if (email.isEmpty() && mobile.isEmpty()) {
            log.info("AccountContactsChanged of account {} not published: its personal data were erased",
                    e.accountId());
            return Optional.empty();
        }
        return Optional.of(new AccountContactsChanged(e.accountId(), email.orElse(null), mobile.orElse(null),
                occurredAt));
    }

    private static AccountProvisioned provisioned(AccountProvisionedEvent e, PersonData p, Instant occurredAt) {
        IdentityDocument d = p.identityDocument();
        return new AccountProvisioned(e.accountId(), e.medicalWorker(), e.esiaOid(), p.lastName(), p.firstName(),
                p.middleName(), p.birthDate(), p.gender(), p.snils(), p.email(), p.mobile(), occurredAt, p.inn(),
                p.citizenship(), d == null ? null : new ru.frmr.contracts.auth.IdentityDocument(d.type(), d.series(),
                        d.number(), d.issueDate(), d.issuedBy(), d.issuerCode()));
    }
}
