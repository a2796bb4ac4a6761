package ru.frmr.notification.notice.route;

import static ru.frmr.contracts.notification.NotificationChannel.EMAIL;
import static ru.frmr.contracts.notification.NotificationChannel.INBOX;
import static ru.frmr.contracts.notification.NotificationChannel.SMS;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import ru.frmr.contracts.ContractJson;
import ru.frmr.contracts.EventCatalog;
import ru.frmr.contracts.EventDescriptor;
import ru.frmr.contracts.IntegrationEvent;
import ru.frmr.contracts.auth.AccountContactsChanged;
import ru.frmr.contracts.auth.AccountLocked;
import ru.frmr.contracts.auth.AccountStatusChanged;
import ru.frmr.contracts.auth.AccountUnlocked;
import ru.frmr.contracts.auth.LoginMethod;
import ru.frmr.contracts.auth.LoginSucceeded;
import ru.frmr.contracts.documents.CertificateDelivered;
import ru.frmr.contracts.documents.CertificateDelivery;
import ru.frmr.contracts.documents.CertificateIssued;
import ru.frmr.contracts.documents.CertificateRefused;
import ru.frmr.contracts.documents.CertificateType;
import ru.frmr.contracts.employer.DiscrepancyAnswered;
import ru.frmr.contracts.employer.DiscrepancyRaised;
import ru.frmr.contracts.employer.EmployerLinkAnswered;
import ru.frmr.contracts.employer.EmployerLinkRequested;
import ru.frmr.contracts.employer.EmployerResponseOverdue;
import ru.frmr.contracts.notification.NotificationChannel;
import ru.frmr.contracts.registry.LicenseExpired;
import ru.frmr.contracts.registry.LicenseExpiringSoon;
import ru.frmr.contracts.registry.LicenseKind;
import ru.frmr.contracts.registry.ProfessionalEntry;
import ru.frmr.contracts.registry.ProfessionalRecordChanged;
import ru.frmr.contracts.registry.ProfileChangeRejected;
import ru.frmr.contracts.registry.ProfileSection;
import ru.frmr.kit.consumer.ReceivedEvent;
import ru.frmr.notification.notice.NoticeKind;
import ru.frmr.notification.notice.Recipient;
import ru.frmr.notification.people.SealedAddressBook;

/**
 * Every row of the design brief's routing table, as events over one cast of people: the worker (account with an
 * e-mail and a mobile), two HR officers of the organisation (region 77), and what each row must tell whom on which
 * channel with the default preferences. Shared by the router's unit test and the service's integration test.
 */
public final class RoutingTable {

    public static final String ORGANIZATION_NAME = "ГБУЗ «Городская клиническая больница № 1»";
    public static final String REGION = "77";
    static final Instant AT = Instant.parse("2026-12-06T12:00:00Z");

    /** Fresh ids per cast, so that integration tests sharing one database never see each other's rows. */
    public record Cast(String workerId, String accountId, String organizationId, String hr1, String hr2) {

        public static Cast fresh() {
            return new Cast(id(), id(), id(), id(), id());
        }

        public Recipient worker() {
            return new Recipient.Worker(workerId);
        }
    }

    /**
     * @param recipients what the router names (a worker by registry number)
     * @param queued     what is queued after the worker is resolved to the account: recipient key → channels
     * @param fields     some display values the notices must carry
     */
    public record Row(String name, IntegrationEvent event, String eventId, NoticeKind kind, Set<Recipient> recipients,
                      Map<String, Set<NotificationChannel>> queued, Map<String, String> fields) {

        public ReceivedEvent received() {
            EventDescriptor d = EventCatalog.of(event.getClass());
            return new ReceivedEvent(eventId, d.type(), URI.create("/frmr/test"), event.subject(),
                    AT.atOffset(ZoneOffset.UTC), "system", null, null, ContractJson.toBytes(event), d.topic(), 0, 0);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private RoutingTable() {
    }

    public static List<Row> rows(Cast c) {
        Set<NotificationChannel> normal = Set.of(EMAIL, INBOX);
        Set<NotificationChannel> security = Set.of(EMAIL, SMS, INBOX);
        Recipient account = new Recipient.Account(c.accountId());
        Recipient hr1 = new Recipient.Account(c.hr1());
        Recipient hr2 = new Recipient.Account(c.hr2());
        Map<String, Set<NotificationChannel>> toWorker = Map.of(c.accountId(), normal);
        Map<String, Set<NotificationChannel>> toHr = Map.of(c.hr1(), normal, c.hr2(), normal);
        List<Row> rows = new ArrayList<>();
        rows.add(row("licence expiring", new LicenseExpiringSoon(c.workerId(), id(), LicenseKind.ACCREDITATION,
                        "34.02.01", LocalDate.of(2027, 1, 5), 30), NoticeKind.LICENSE_EXPIRING, Set.of(c.worker()),
                toWorker, Map.of("specialty", "Сестринское дело", "endDate", "05.01.2027", "daysLeft", "30",
                        "licenceKind", "аккредитация специалиста")));
        rows.add(row("licence expired", new LicenseExpired(c.workerId(), id(), LicenseKind.CERTIFICATE, "31.02.02",
                        LocalDate.of(2026, 12, 1)), NoticeKind.LICENSE_EXPIRED, Set.of(c.worker()), toWorker,
                Map.of("specialty", "Акушерское дело", "endDate", "01.12.2026")));
        rows.add(row("change approved", new ProfessionalRecordChanged(c.workerId(), "ADDED", "EDUCATION", id(),
                        new ProfessionalEntry("EDUCATION", "DIPLOMA", null, "Медицинский колледж № 1", "34.02.01",
                                null, null, null, "123456", LocalDate.of(2010, 6, 30), null, null, null), 3, AT),
                NoticeKind.CHANGE_APPROVED, Set.of(c.worker()), toWorker, Map.of("section", "Образование")));
        rows.add(row("change rejected", new ProfileChangeRejected(c.workerId(), id(), ProfileSection.CERTIFICATES,
                        "Скан сертификата не читается", AT), NoticeKind.CHANGE_REJECTED, Set.of(c.worker()), toWorker,
                Map.of("section", "Сертификаты специалиста", "reason", "Скан сертификата не читается")));
        rows.add(row("account locked", new AccountLocked(c.accountId(), Instant.parse("2026-12-06T12:15:00Z"), AT),
                NoticeKind.ACCOUNT_LOCKED, Set.of(account), Map.of(c.accountId(), security),
                Map.of("lockedUntil", "06.12.2026 15:15 (МСК)")));
        rows.add(row("account unlocked", new AccountUnlocked(c.accountId(), AT), NoticeKind.ACCOUNT_UNLOCKED,
                Set.of(account), Map.of(c.accountId(), security), Map.of("at", "06.12.2026 15:00 (МСК)")));
        rows.add(row("account blocked", new AccountStatusChanged(c.accountId(), "BLOCKED", "ACTIVE", AT),
                NoticeKind.ACCOUNT_BLOCKED, Set.of(account), Map.of(c.accountId(), security), Map.of()));
        rows.add(row("account unblocked", new AccountStatusChanged(c.accountId(), "ACTIVE", "BLOCKED", AT),
                NoticeKind.ACCOUNT_UNBLOCKED, Set.of(account), Map.of(c.accountId(), security), Map.of()));
        rows.add(row("account activated", new AccountStatusChanged(c.accountId(), "ACTIVE", "NEEDS_CONFIRMATION",
                AT), NoticeKind.ACCOUNT_ACTIVATED, Set.of(account), Map.of(c.accountId(), normal), Map.of()));
        rows.add(row("account needs confirmation: nobody", new AccountStatusChanged(c.accountId(),
                "NEEDS_CONFIRMATION", "ACTIVE", AT), null, Set.of(), Map.of(), Map.of()));
        rows.add(row("login from a new device", new LoginSucceeded(c.accountId(), id(), LoginMethod.ESIA, AT,
                        "Chrome, Linux", true), NoticeKind.NEW_DEVICE_LOGIN, Set.of(account),
                Map.of(c.accountId(), security), Map.of("device", "Chrome, Linux", "at", "06.12.2026 15:00 (МСК)")));
        rows.add(row("login from a known device: nobody", new LoginSucceeded(c.accountId(), id(), LoginMethod.ESIA,
                AT, "Chrome, Linux", false), null, Set.of(), Map.of(), Map.of()));
        rows.add(row("employer's link request", new EmployerLinkRequested(id(), c.organizationId(), c.workerId(), AT),
                NoticeKind.LINK_REQUESTED, Set.of(c.worker()), toWorker,
                Map.of("organization", ORGANIZATION_NAME)));
        rows.add(row("link answered to the employer", new EmployerLinkAnswered(id(), c.organizationId(),
                        c.workerId(), "EMPLOYER", "ACCEPTED", AT), NoticeKind.LINK_ANSWERED, Set.of(hr1, hr2), toHr,
                Map.of("outcome", "принят", "organization", ORGANIZATION_NAME)));
        rows.add(row("link answered to the worker", new EmployerLinkAnswered(id(), c.organizationId(), c.workerId(),
                        "WORKER", "DECLINED", AT), NoticeKind.LINK_ANSWERED, Set.of(c.worker()), toWorker,
                Map.of("outcome", "отклонён")));
        rows.add(row("discrepancy raised", new DiscrepancyRaised(id(), c.organizationId(), c.workerId(), id(),
                        "POSITION", LocalDate.of(2026, 12, 9), false, AT), NoticeKind.DISCREPANCY_RAISED,
                Set.of(hr1, hr2), toHr, Map.of("field", "Должность", "dueDate", "09.12.2026")));
        rows.add(row("discrepancy answered", new DiscrepancyAnswered(id(), c.organizationId(), c.workerId(),
                        "CORRECTED", false, AT), NoticeKind.DISCREPANCY_ANSWERED, Set.of(c.worker()), toWorker,
                Map.of("outcome", "сведения исправлены")));
        Map<String, Set<NotificationChannel>> overdue = new LinkedHashMap<>(toHr);
        overdue.put(c.accountId(), normal);
        overdue.put("supervision:" + REGION, Set.of(EMAIL));
        rows.add(row("discrepancy overdue", new EmployerResponseOverdue(id(), c.organizationId(), c.workerId(), id(),
                        LocalDate.of(2026, 12, 3), AT), NoticeKind.DISCREPANCY_OVERDUE,
                Set.of(c.worker(), hr1, hr2, new Recipient.Supervision(REGION)), overdue,
                Map.of("dueDate", "03.12.2026")));
        rows.add(row("справка ready", new CertificateIssued(id(), c.workerId(), CertificateType.QUALIFICATION,
                        "7K3M9QXA2B4CD5EF", "ab".repeat(32), AT, LocalDate.of(2027, 1, 5)),
                NoticeKind.CERTIFICATE_READY, Set.of(c.worker()), toWorker,
                Map.of("number", "7K3M-9QXA-2B4C-D5EF", "certificateType", "о квалификации")));
        rows.add(row("справка posted", new CertificateDelivered(id(), c.workerId(), "7K3M9QXA2B4CD5EG",
                        CertificateDelivery.POST, "80081234567890", AT), NoticeKind.CERTIFICATE_SENT,
                Set.of(c.worker()), toWorker, Map.of("channel", "почтой", "trackingNumber", "80081234567890")));
        rows.add(row("справка downloaded: nobody", new CertificateDelivered(id(), c.workerId(), "7K3M9QXA2B4CD5EH",
                CertificateDelivery.DOWNLOAD, null, AT), null, Set.of(), Map.of(), Map.of()));
        rows.add(row("справка refused", new CertificateRefused(id(), c.workerId(), CertificateType.REGISTER_EXTRACT,
                        "Запись регистра не найдена", AT), NoticeKind.CERTIFICATE_REFUSED, Set.of(c.worker()),
                toWorker, Map.of("reason", "Запись регистра не найдена")));
        return List.copyOf(rows);
    }

    /** A contacts change: the account (security: every channel) and its previous e-mail address. */
    public static Row contactsChanged(Cast c, String newEmail) {
        String eventId = id();
        return new Row("contacts changed", new AccountContactsChanged(c.accountId(), newEmail, null, AT), eventId,
                NoticeKind.CONTACTS_CHANGED, Set.of(new Recipient.Account(c.accountId())),
                Map.of(c.accountId(), Set.of(EMAIL, SMS, INBOX),
                        SealedAddressBook.previousEmailKey(c.accountId(), eventId), Set.of(EMAIL)),
                Map.of("changed", "адрес электронной почты"));
    }

    private static Row row(String name, IntegrationEvent event, NoticeKind kind, Set<Recipient> recipients,
                           Map<String, Set<NotificationChannel>> queued, Map<String, String> fields) {
        return new Row(name, event, id(), kind, recipients, queued, fields);
    }

    static String id() {
        return UUID.randomUUID().toString();
    }
}
