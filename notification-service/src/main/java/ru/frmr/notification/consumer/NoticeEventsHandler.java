package ru.frmr.notification.consumer;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import ru.frmr.contracts.EventTypes;
import ru.frmr.contracts.Topics;
import ru.frmr.contracts.auth.AccountContactsChanged;
import ru.frmr.contracts.auth.AccountProvisioned;
import ru.frmr.contracts.employer.HrRightGranted;
import ru.frmr.contracts.employer.HrRightRevoked;
import ru.frmr.contracts.employer.MedicalOrganizationCorrected;
import ru.frmr.contracts.employer.MedicalOrganizationRegistered;
import ru.frmr.contracts.registry.PersonalDataErased;
import ru.frmr.contracts.registry.WorkerAccountLinked;
import ru.frmr.kit.consumer.IntegrationEventHandler;
import ru.frmr.kit.consumer.ReceivedEvent;
import ru.frmr.notification.inbox.MongoInbox;
import ru.frmr.notification.notice.Notice;
import ru.frmr.notification.notice.route.EventRouter;
import ru.frmr.notification.notice.route.ParkedNotices;
import ru.frmr.notification.notice.route.RoutedNotices;
import ru.frmr.notification.people.SealedAddressBook;
import ru.frmr.notification.preference.NoticePreferences;

/**
 * The platform's events as the notification service hears them: the facts it keeps about people and
 * organisations (addresses sealed, erasure), and the notices the {@link EventRouter} derives. One consumer for
 * both, so that on one topic's partition a fact and the notice after it are applied in their order (an account's
 * contacts before its lock notice). Idempotent: the kit skips event ids already handled, facts are written as sets
 * or version-guarded upserts, and an outbox entry's id is derived from the event id.
 */
@Component
class NoticeEventsHandler implements IntegrationEventHandler {

    private final SealedAddressBook people;
    private final EventRouter router;
    private final RoutedNotices notices;
    private final ParkedNotices parked;
    private final MongoInbox inbox;
    private final NoticePreferences preferences;

    NoticeEventsHandler(SealedAddressBook people, EventRouter router, RoutedNotices notices, ParkedNotices parked,
                        MongoInbox inbox, NoticePreferences preferences) {
        this.people = people;
        this.router = router;
        this.notices = notices;
        this.parked = parked;
        this.inbox = inbox;
        this.preferences = preferences;
    }

    @Override
    public String consumerName() {
        return "notices";
    }

    @Override
    public Collection<String> topics() {
        return List.of(Topics.AUTH_EVENTS, Topics.REGISTRY_EVENTS, Topics.EMPLOYER_EVENTS, Topics.DOCUMENTS_EVENTS,
                Topics.AUDIT_ALERTS);
    }

    @Override
    public void handle(ReceivedEvent event) {
        switch (event.type()) {
            case EventTypes.ACCOUNT_PROVISIONED -> {
                AccountProvisioned e = event.payload(AccountProvisioned.class);
                people.accountProvisioned(e.accountId(), e.email(), e.mobile(), e.firstName(), e.middleName());
            }
            case EventTypes.ACCOUNT_CONTACTS_CHANGED -> {
                AccountContactsChanged e = event.payload(AccountContactsChanged.class);
                boolean warnBefore = people.contactsChanged(event.id(), e.accountId(), e.email(), e.mobile());
                List<Notice> routed = router.route(event);
                routed.forEach(notices::tell);
                if (warnBefore) {
                    routed.forEach(n -> notices.tellPreviousAddress(n, e.accountId()));
                }
            }
            case EventTypes.WORKER_ACCOUNT_LINKED -> {
                WorkerAccountLinked e = event.payload(WorkerAccountLinked.class);
                if (people.workerLinked(e.workerId(), e.accountId())) {
                    inbox.erase(e.accountId());
                    preferences.forget(e.accountId());
                } else {
                    notices.release(e.workerId(), e.accountId());
                }
            }
            case EventTypes.PERSONAL_DATA_ERASED -> {
                PersonalDataErased e = event.payload(PersonalDataErased.class);
                Optional<String> account = people.workerErased(e.workerId());
                parked.discard(e.workerId());
                account.ifPresent(accountId -> {
                    inbox.erase(accountId);
                    preferences.forget(accountId);
                });
            }
            case EventTypes.HR_RIGHT_GRANTED -> {
                HrRightGranted e = event.payload(HrRightGranted.class);
                people.hrRight(e.organizationId(), e.accountId(), true, e.version());
            }
            case EventTypes.HR_RIGHT_REVOKED -> {
                HrRightRevoked e = event.payload(HrRightRevoked.class);
                people.hrRight(e.organizationId(), e.accountId(), false, e.version());
            }
            case EventTypes.MEDICAL_ORGANIZATION_REGISTERED -> {
                MedicalOrganizationRegistered e = event.payload(MedicalOrganizationRegistered.class);
                people.organization(e.organizationId(), e.name(), e.regionCode(), e.version());
            }
            case EventTypes.MEDICAL_ORGANIZATION_CORRECTED -> {
                MedicalOrganizationCorrected e = event.payload(MedicalOrganizationCorrected.class);
                people.organization(e.organizationId(), e.name(), e.regionCode(), e.version());
            }
            default -> router.route(event).forEach(notices::tell);
        }
    }
}
