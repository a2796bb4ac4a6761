package ru.frmr.notification.notice.route;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import ru.frmr.contracts.EventTypes;
import ru.frmr.contracts.audit.AuditAlertRaised;
import ru.frmr.contracts.auth.AccountContactsChanged;
import ru.frmr.contracts.auth.AccountLocked;
import ru.frmr.contracts.auth.AccountStatusChanged;
import ru.frmr.contracts.auth.AccountUnlocked;
import ru.frmr.contracts.auth.LoginSucceeded;
import ru.frmr.contracts.documents.CertificateDelivered;
import ru.frmr.contracts.documents.CertificateDelivery;
import ru.frmr.contracts.documents.CertificateIssued;
import ru.frmr.contracts.documents.CertificateRefused;
import ru.frmr.contracts.employer.DiscrepancyAnswered;
import ru.frmr.contracts.employer.DiscrepancyRaised;
import ru.frmr.contracts.employer.EmployerLinkAnswered;
import ru.frmr.contracts.employer.EmployerLinkRequested;
import ru.frmr.contracts.employer.EmployerResponseOverdue;
import ru.frmr.contracts.reference.CodeList;
import ru.frmr.contracts.registry.LicenseExpired;
import ru.frmr.contracts.registry.LicenseExpiringSoon;
import ru.frmr.contracts.registry.ProfessionalRecordChanged;
import ru.frmr.contracts.registry.ProfileChangeRejected;
import ru.frmr.kit.consumer.ReceivedEvent;
import ru.frmr.notification.notice.Notice;
import ru.frmr.notification.notice.NoticeKind;
import ru.frmr.notification.notice.Recipient;
import ru.frmr.notification.people.PeopleDirectory;
import ru.frmr.notification.people.SealedAddressBook;
import ru.frmr.notification.people.SecurityAlertProperties;

/**
 * Which platform event tells whom what: the routing table of the design brief. An event may tell several people
 * (an overdue discrepancy: the worker, the organisation's HR and the supervisory authority of its region); an
 * event that tells nobody (a login from a known device, a справка downloaded) routes to nothing. Values are put in
 * their Russian display form here, from the event and the facts the service holds (organisation names, the
 * specialty code list).
 */
@Component
public class EventRouter {

    private static final CodeList SPECIALTIES = CodeList.load(CodeList.SPECIALTIES);
    private static final String UNKNOWN_ORGANIZATION = "(наименование организации уточняется)";

    private final PeopleDirectory people;
    private final SecurityAlertProperties securityAlerts;

    EventRouter(PeopleDirectory people, SecurityAlertProperties securityAlerts) {
        this.people = people;
        this.securityAlerts = securityAlerts;
    }

    public List<Notice> route(ReceivedEvent event) {
        String id = event.id();
        Instant at = event.time() == null ? null : event.time().toInstant();
        return switch (event.type()) {
            case EventTypes.LICENSE_EXPIRING_SOON -> {
                LicenseExpiringSoon e = event.payload(LicenseExpiringSoon.class);
                yield List.of(new Notice(id, NoticeKind.LICENSE_EXPIRING, new Recipient.Worker(e.workerId()),
                        Map.of("licenceKind", DisplayText.of(DisplayText.LICENCE_KINDS, e.kind().name()),
                                "specialty", specialty(e.specialtyCode()), "endDate", DisplayText.date(e.endDate()),
                                "daysLeft", Integer.toString(e.daysLeft())), at));
            }
            case EventTypes.LICENSE_EXPIRED -> {
                LicenseExpired e = event.payload(LicenseExpired.class);
                yield List.of(new Notice(id, NoticeKind.LICENSE_EXPIRED, new Recipient.Worker(e.workerId()),
                        Map.of("licenceKind", DisplayText.of(DisplayText.LICENCE_KINDS, e.kind().name()),
                                "specialty", specialty(e.specialtyCode()), "endDate", DisplayText.date(e.endDate())),
                        at));
            }
            case EventTypes.PROFESSIONAL_RECORD_CHANGED -> {
                ProfessionalRecordChanged e = event.payload(ProfessionalRecordChanged.class);
                yield List.of(new Notice(id, NoticeKind.CHANGE_APPROVED, new Recipient.Worker(e.workerId()),
                        Map.of("section", DisplayText.of(DisplayText.SECTIONS, e.section())), at));
            }
            case EventTypes.PROFILE_CHANGE_REJECTED -> {
                ProfileChangeRejected e = event.payload(ProfileChangeRejected.class);
                yield List.of(new Notice(id, NoticeKind.CHANGE_REJECTED, new Recipient.Worker(e.workerId()),
                        Map.of("section", DisplayText.of(DisplayText.SECTIONS, e.section().name()),
                                "reason", e.reason() == null ? "" : e.reason()), at));
            }
            case EventTypes.ACCOUNT_LOCKED -> {
                AccountLocked e = event.payload(AccountLocked.class);
                yield List.of(new Notice(id, NoticeKind.ACCOUNT_LOCKED, new Recipient.Account(e.accountId()),
                        Map.of("lockedUntil", DisplayText.moment(e.lockedUntil())), at));
            }
            case EventTypes.ACCOUNT_UNLOCKED -> {
                AccountUnlocked e = event.payload(AccountUnlocked.class);
                yield List.of(new Notice(id, NoticeKind.ACCOUNT_UNLOCKED, new Recipient.Account(e.accountId()),
                        Map.of("at", DisplayText.moment(e.at())), at));
            }
            case EventTypes.ACCOUNT_STATUS_CHANGED -> statusChanged(id, event.payload(AccountStatusChanged.class),
                    at);
            case EventTypes.LOGIN_SUCCEEDED -> {
                LoginSucceeded e = event.payload(LoginSucceeded.class);
                yield !e.newDevice() ? List.of() : List.of(new Notice(id, NoticeKind.NEW_DEVICE_LOGIN,
                        new Recipient.Account(e.accountId()), Map.of("device",
                        e.device() == null ? "неизвестное устройство" : e.device(), "at", DisplayText.moment(e.at())),
                        at));
            }
            case EventTypes.ACCOUNT_CONTACTS_CHANGED -> {
                AccountContactsChanged e = event.payload(AccountContactsChanged.class);
                yield List.of(new Notice(id, NoticeKind.CONTACTS_CHANGED, new Recipient.Account(e.accountId()),
                        Map.of("changed", changed(e), "at", DisplayText.moment(e.changedAt())), at));
            }
            case EventTypes.EMPLOYER_LINK_REQUESTED -> {
                // Published only for a request the organisation made (the employer-service keeps a worker's own
                // request between them and the organisation): the worker is the one to answer it.
                EmployerLinkRequested e = event.payload(EmployerLinkRequested.class);
                yield List.of(new Notice(id, NoticeKind.LINK_REQUESTED, new Recipient.Worker(e.workerId()),
                        Map.of("organization", organizationName(e.organizationId())), at));
            }
            case EventTypes.EMPLOYER_LINK_ANSWERED -> {
                EmployerLinkAnswered e = event.payload(EmployerLinkAnswered.class);
                Map<String, String> fields = Map.of("organization", organizationName(e.organizationId()),
                        "outcome", DisplayText.of(DisplayText.LINK_OUTCOMES, e.outcome()));
                yield "EMPLOYER".equals(e.initiatedBy())
                        ? toHr(id, NoticeKind.LINK_ANSWERED, e.organizationId(), fields, at)
                        : List.of(new Notice(id, NoticeKind.LINK_ANSWERED, new Recipient.Worker(e.workerId()),
                        fields, at));
            }
            case EventTypes.DISCREPANCY_RAISED -> {
                DiscrepancyRaised e = event.payload(DiscrepancyRaised.class);
                yield toHr(id, NoticeKind.DISCREPANCY_RAISED, e.organizationId(), Map.of(
                        "organization", organizationName(e.organizationId()),
                        "field", DisplayText.of(DisplayText.DISCREPANCY_FIELDS, e.field()),
                        "dueDate", DisplayText.date(e.dueDate())), at);
            }
            case EventTypes.DISCREPANCY_ANSWERED -> {
                DiscrepancyAnswered e = event.payload(DiscrepancyAnswered.class);
                yield List.of(new Notice(id, NoticeKind.DISCREPANCY_ANSWERED, new Recipient.Worker(e.workerId()),
                        Map.of("organization", organizationName(e.organizationId()),
                                "outcome", DisplayText.of(DisplayText.DISCREPANCY_OUTCOMES, e.outcome())), at));
            }
            case EventTypes.EMPLOYER_RESPONSE_OVERDUE -> {
                EmployerResponseOverdue e = event.payload(EmployerResponseOverdue.class);
                Map<String, String> fields = Map.of("organization", organizationName(e.organizationId()),
                        "dueDate", DisplayText.date(e.dueDate()));
                List<Notice> notices = new ArrayList<>();
                notices.add(new Notice(id, NoticeKind.DISCREPANCY_OVERDUE, new Recipient.Worker(e.workerId()),
                        fields, at));
                notices.addAll(toHr(id, NoticeKind.DISCREPANCY_OVERDUE, e.organizationId(), fields, at));
                String region = people.organization(e.organizationId()).map(SealedAddressBook.Organization::regionCode)
                        .orElse("default");
                notices.add(new Notice(id, NoticeKind.DISCREPANCY_OVERDUE, new Recipient.Supervision(region),
                        fields, at));
                yield List.copyOf(notices);
            }
            case EventTypes.CERTIFICATE_ISSUED -> {
                CertificateIssued e = event.payload(CertificateIssued.class);
                yield List.of(new Notice(id, NoticeKind.CERTIFICATE_READY, new Recipient.Worker(e.workerId()),
                        Map.of("certificateType", DisplayText.of(DisplayText.CERTIFICATE_TYPES,
                                        e.certificateType().name()),
                                "number", DisplayText.certificateNumber(e.number())), at));
            }
            case EventTypes.CERTIFICATE_DELIVERED -> {
                CertificateDelivered e = event.payload(CertificateDelivered.class);
                if (e.channel() == CertificateDelivery.DOWNLOAD) {
                    yield List.of();
                }
                Map<String, String> fields = new HashMap<>(Map.of(
                        "number", DisplayText.certificateNumber(e.number()),
                        "channel", e.channel() == CertificateDelivery.EMAIL ? "по электронной почте" : "почтой"));
                if (e.trackingNumber() != null) {
                    fields.put("trackingNumber", e.trackingNumber());
                }
                yield List.of(new Notice(id, NoticeKind.CERTIFICATE_SENT, new Recipient.Worker(e.workerId()), fields,
                        at));
            }
            case EventTypes.CERTIFICATE_REFUSED -> {
                CertificateRefused e = event.payload(CertificateRefused.class);
                yield List.of(new Notice(id, NoticeKind.CERTIFICATE_REFUSED, new Recipient.Worker(e.workerId()),
                        Map.of("certificateType", DisplayText.of(DisplayText.CERTIFICATE_TYPES,
                                e.certificateType().name()), "reason", e.reason() == null ? "" : e.reason()), at));
            }
            case EventTypes.AUDIT_ALERT_RAISED -> {
                AuditAlertRaised e = event.payload(AuditAlertRaised.class);
                Map<String, String> fields = Map.of("rule", DisplayText.of(DisplayText.ALERT_RULES, e.rule().name()),
                        "subject", e.subject(), "count", Long.toString(e.count()),
                        "threshold", Long.toString(e.threshold()), "windowStart", DisplayText.moment(e.windowStart()),
                        "windowEnd", DisplayText.moment(e.windowEnd()));
                yield securityAlerts.mailboxes().keySet().stream().sorted()
                        .map(mailbox -> new Notice(id, NoticeKind.SECURITY_ALERT, new Recipient.SecurityStaff(mailbox),
                                fields, at))
                        .toList();
            }
            default -> List.of();
        };
    }

    private static List<Notice> statusChanged(String id, AccountStatusChanged e, Instant at) {
        NoticeKind kind;
        if ("BLOCKED".equals(e.status())) {
            kind = NoticeKind.ACCOUNT_BLOCKED;
        } else if ("ACTIVE".equals(e.status()) && "BLOCKED".equals(e.previousStatus())) {
            kind = NoticeKind.ACCOUNT_UNBLOCKED;
        } else if ("ACTIVE".equals(e.status()) && "NEEDS_CONFIRMATION".equals(e.previousStatus())) {
            kind = NoticeKind.ACCOUNT_ACTIVATED;
        } else {
            return List.of();
        }
        return List.of(new Notice(id, kind, new Recipient.Account(e.accountId()),
                Map.of("at", DisplayText.moment(e.at())), at));
    }

    private List<Notice> toHr(String id, NoticeKind kind, String organizationId, Map<String, String> fields,
                              Instant at) {
        return people.hrAccountsOf(organizationId).stream()
                .map(account -> new Notice(id, kind, new Recipient.Account(account), fields, at)).toList();
    }

    private String organizationName(String organizationId) {
        return people.organization(organizationId).map(SealedAddressBook.Organization::name)
                .orElse(UNKNOWN_ORGANIZATION);
    }

    private static String specialty(String code) {
        return code == null ? "" : SPECIALTIES.nameOf(code).orElse(code);
    }

    private static String changed(AccountContactsChanged e) {
        boolean email = e.email() != null;
        boolean mobile = e.mobile() != null;
        if (email && mobile) {
            return "адрес электронной почты и номер мобильного телефона";
        }
        return mobile ? "номер мобильного телефона" : "адрес электронной почты";
    }
}
