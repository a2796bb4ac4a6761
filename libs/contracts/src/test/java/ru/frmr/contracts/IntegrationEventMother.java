package ru.frmr.contracts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import ru.frmr.contracts.auth.AccountLocked;
import ru.frmr.contracts.auth.AccountProvisioned;
import ru.frmr.contracts.auth.AccountStatusChanged;
import ru.frmr.contracts.auth.AccountUnlocked;
import ru.frmr.contracts.auth.AgencyKafkaCredentialsIssued;
import ru.frmr.contracts.auth.AgencyKind;
import ru.frmr.contracts.auth.AgencyOnboarded;
import ru.frmr.contracts.auth.AgencyRevoked;
import ru.frmr.contracts.auth.ActivationRequested;
import ru.frmr.contracts.auth.IdentityDocument;
import ru.frmr.contracts.auth.LoginFailed;
import ru.frmr.contracts.auth.MachineClientRegistered;
import ru.frmr.contracts.auth.MachineClientRevoked;
import ru.frmr.contracts.auth.LoginMethod;
import ru.frmr.contracts.auth.LoginSucceeded;
import ru.frmr.contracts.auth.SessionEnded;
import ru.frmr.contracts.documents.DocumentAttached;
import ru.frmr.contracts.documents.DocumentPurpose;
import ru.frmr.contracts.documents.DocumentUploaded;
import ru.frmr.contracts.employer.ContractKind;
import ru.frmr.contracts.employer.DiscrepancyAnswered;
import ru.frmr.contracts.employer.DiscrepancyRaised;
import ru.frmr.contracts.employer.EmployerLinkAnswered;
import ru.frmr.contracts.employer.EmployerLinkRequested;
import ru.frmr.contracts.employer.EmployerResponseOverdue;
import ru.frmr.contracts.employer.EmployingOrganization;
import ru.frmr.contracts.employer.EmploymentCorrected;
import ru.frmr.contracts.employer.EmploymentEnded;
import ru.frmr.contracts.employer.EmploymentRecorded;
import ru.frmr.contracts.employer.HrRightGranted;
import ru.frmr.contracts.employer.HrRightRevoked;
import ru.frmr.contracts.employer.MedicalOrganizationCorrected;
import ru.frmr.contracts.employer.MedicalOrganizationRegistered;
import ru.frmr.contracts.registry.LicenseExpired;
import ru.frmr.contracts.registry.LicenseExpiringSoon;
import ru.frmr.contracts.registry.LicenseKind;
import ru.frmr.contracts.registry.PersonalDataErased;
import ru.frmr.contracts.registry.ProfessionalEntry;
import ru.frmr.contracts.registry.ProfessionalRecordChanged;
import ru.frmr.contracts.registry.ProfileSection;
import ru.frmr.contracts.registry.ProfileChangeRejected;
import ru.frmr.contracts.registry.ProfileUpdated;
import ru.frmr.contracts.documents.CertificateDelivered;
import ru.frmr.contracts.documents.CertificateDelivery;
import ru.frmr.contracts.documents.CertificateIssued;
import ru.frmr.contracts.documents.CertificateRefused;
import ru.frmr.contracts.documents.CertificateRequested;
import ru.frmr.contracts.documents.CertificateType;
import ru.frmr.contracts.auth.AccountContactsChanged;
import ru.frmr.contracts.notification.NotificationChannel;
import ru.frmr.contracts.notification.NotificationFailed;
import ru.frmr.contracts.notification.NotificationSent;
import ru.frmr.contracts.notification.SupportRequestAnswered;
import ru.frmr.contracts.notification.SupportRequestFiled;
import ru.frmr.contracts.access.AccessActor;
import ru.frmr.contracts.access.AccessedData;
import ru.frmr.contracts.access.PersonalDataAccessed;
import ru.frmr.contracts.audit.AlertRule;
import ru.frmr.contracts.audit.AuditAlertRaised;
import ru.frmr.contracts.notification.SupportTopic;
import ru.frmr.contracts.registry.WorkerAccountLinked;
import ru.frmr.contracts.registry.WorkerRegistered;

/** One typical instance of every catalogued event. */
final class IntegrationEventMother {

    private static final Instant NOW = Instant.parse("2026-11-25T10:15:30.123Z");
    static final EmployingOrganization HOSPITAL = new EmployingOrganization("org-5", "ГБУЗ «Городская клиническая больница № 1»",
            "1027700132195", "77");

    private static final String CERTIFICATE_REQUEST = "2f6e4c1a-9b7d-4e3f-8a21-5c0d9e8f7a6b";

    static final Map<Class<? extends IntegrationEvent>, IntegrationEvent> SAMPLES = Map.ofEntries(
            Map.entry(AccountProvisioned.class, new AccountProvisioned("a-1", true, "1000299654", "Иванова", "Мария",
                    "Петровна", LocalDate.of(1985, 4, 12), "F", "11223344595", "m@example.ru", "+79991234567", NOW,
                    "770112345695", "RUS", new IdentityDocument("RF_PASSPORT", "4505", "612345",
                    LocalDate.of(2005, 4, 20), "ГУ МВД России по г. Москве", "770-001"))),
            Map.entry(LoginSucceeded.class, new LoginSucceeded("a-1", "s-1", LoginMethod.ESIA, NOW, "Chrome, Windows",
                    true)),
            Map.entry(LoginFailed.class, new LoginFailed("a-1", "SECOND_FACTOR", NOW,
                    "q3Jm0bX9-cT2vN5_hL8wAg")),
            Map.entry(AccountLocked.class, new AccountLocked("a-1", NOW.plusSeconds(900), NOW)),
            Map.entry(AccountUnlocked.class, new AccountUnlocked("a-1", NOW)),
            Map.entry(AgencyOnboarded.class, new AgencyOnboarded("ag-k3mbq2w7x4za",
                    "Министерство здравоохранения Московской области", AgencyKind.REGIONAL_HEALTH_AUTHORITY, "50", NOW)),
            Map.entry(AgencyKafkaCredentialsIssued.class, new AgencyKafkaCredentialsIssued("ag-k3mbq2w7x4za",
                    "agency-k3mbq2w7x4za", NOW)),
            Map.entry(AgencyRevoked.class, new AgencyRevoked("ag-k3mbq2w7x4za", NOW)),
            Map.entry(SessionEnded.class, new SessionEnded("a-1", "s-1", "LOGOUT", NOW)),
            Map.entry(MachineClientRegistered.class, new MachineClientRegistered("cl-abcdefghijklmnop",
                    "ag-abcdefghijkl", List.of("registry.read", "webhooks.manage"))),
            Map.entry(MachineClientRevoked.class, new MachineClientRevoked("cl-abcdefghijklmnop", "ag-abcdefghijkl")),
            Map.entry(AccountStatusChanged.class, new AccountStatusChanged("a-1", "BLOCKED", "ACTIVE", NOW)),
            Map.entry(ActivationRequested.class, new ActivationRequested("a-1", NOW)),
            Map.entry(
WorkerRegistered.class, new WorkerRegistered("w-1", "Иванова", "Мария", "Петровна", NOW)),
            Map.entry(ProfileUpdated.class, new ProfileUpdated("w-1", List.of(ProfileSection.CONTACTS), 2, NOW)),
            Map.entry(ProfileChangeRejected.class, new ProfileChangeRejected("w-1", "ch-3",
                    ProfileSection.ACCREDITATION, "Скан протокола нечитаем", NOW)),
            Map.entry(LicenseExpired.class, new LicenseExpired("w-1", "acc-7", LicenseKind.ACCREDITATION, "31.08.49",
                    LocalDate.of(2026, 11, 25))),
            Map.entry(EmployerLinkRequested.class, new EmployerLinkRequested("lr-1", "org-5", "w-1", NOW)),
            Map.entry(EmployerLinkAnswered.class, new EmployerLinkAnswered("lr-1", "org-5", "w-1", "EMPLOYER",
                    "ACCEPTED", NOW)),
            Map.entry(EmploymentRecorded.class, new EmploymentRecorded("emp-1", "w-1", HOSPITAL, "Терапевтическое отделение",
                    "THERAPIST", new BigDecimal("1.0"), ContractKind.MAIN, LocalDate.of(2026, 3, 1), 1, NOW)),
            Map.entry(EmploymentCorrected.class, new EmploymentCorrected("emp-1", "w-1", HOSPITAL, null,
                    "CARDIOLOGIST", new BigDecimal("0.75"), ContractKind.EXTERNAL_PART_TIME, LocalDate.of(2026, 3, 1),
                    2, NOW)),
            Map.entry(EmploymentEnded.class, new EmploymentEnded("emp-1", "w-1", "org-5", LocalDate.of(2026, 11, 24),
                    3, NOW)),
            Map.entry(LicenseExpiringSoon.class, new LicenseExpiringSoon("w-1", "cert-3", LicenseKind.CERTIFICATE,
                    "31.08.36", LocalDate.of(2026, 12, 25), 30)),
            Map.entry(PersonalDataErased.class, new PersonalDataErased("w-1", NOW)),
            Map.entry(WorkerAccountLinked.class, new WorkerAccountLinked("w-1", "a-1", NOW)),
            Map.entry(ProfessionalRecordChanged.class, new ProfessionalRecordChanged("w-1", "ADDED",
                    "ADDITIONAL_EDUCATION", "ae-2", new ProfessionalEntry("ADDITIONAL_EDUCATION",
                    "ADVANCED_TRAINING", "Неотложная кардиология", "ФГБОУ ДПО РМАНПО Минздрава России", "31.08.36",
                    null, null, "7727", "00123456", LocalDate.of(2025, 10, 30), LocalDate.of(2025, 10, 1),
                    LocalDate.of(2025, 10, 28), 144), 5, NOW)),
            Map.entry(EmployerResponseOverdue.class, new EmployerResponseOverdue("d-1", "org-5", "w-1", "emp-1",
                    LocalDate.of(2026, 2, 25), Instant.parse("2026-02-25T21:00:00Z"))),
            Map.entry(DiscrepancyRaised.class, new DiscrepancyRaised("d-1", "org-5", "w-1", "emp-1", "POSITION",
                    LocalDate.of(2026, 2, 25), false, NOW)),
            Map.entry(DiscrepancyAnswered.class, new DiscrepancyAnswered("d-1", "org-5", "w-1", "CORRECTED", true,
                    NOW)),
            Map.entry(MedicalOrganizationRegistered.class, new MedicalOrganizationRegistered("org-5",
                    "ГБУЗ «Городская клиническая больница № 1»", "1027700132195", "7707083893", "773601001",
                    "1.2.643.5.1.13.13.12.2.77.7830", "77", "г. Москва, Ленинский проспект, д. 8", 1, NOW)),
            Map.entry(MedicalOrganizationCorrected.class, new MedicalOrganizationCorrected("org-5",
                    "ГБУЗ «ГКБ № 1 им. Н.И. Пирогова ДЗМ»", "1027700132195", "7707083893", "773601001",
                    "1.2.643.5.1.13.13.12.2.77.7830", "77", "г. Москва, Ленинский проспект, д. 8", 2, NOW)),
            Map.entry(HrRightGranted.class, new HrRightGranted("org-5", "3f1c2a9e-0d4b-3c55-9a57-2d9c1e8b7a61", 1,
                    NOW)),
            Map.entry(HrRightRevoked.class, new HrRightRevoked("org-5", "3f1c2a9e-0d4b-3c55-9a57-2d9c1e8b7a61", 2,
                    NOW)),
            Map.entry(DocumentUploaded.class, new DocumentUploaded("0b7f3c1e-5d2a-4c8e-9f10-2a3b4c5d6e7f", "a-1",
                    "w-1", "image/jpeg", 734_512,
                    "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", NOW)),
            Map.entry(DocumentAttached.class, new DocumentAttached("0b7f3c1e-5d2a-4c8e-9f10-2a3b4c5d6e7f", "a-1",
                    "w-1", DocumentPurpose.LINK_REQUEST, "lr-1", "org-5", "application/pdf", 1_048_576,
                    "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", NOW)),
            Map.entry(CertificateRequested.class, new CertificateRequested(CERTIFICATE_REQUEST, "w-1",
                    CertificateType.EMPLOYMENT_HISTORY, CertificateDelivery.EMAIL, NOW)),
            Map.entry(CertificateIssued.class, new CertificateIssued(CERTIFICATE_REQUEST, "w-1",
                    CertificateType.EMPLOYMENT_HISTORY, "7KQ2M9TXB4HD1R8W",
                    "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", NOW,
                    LocalDate.of(2026, 12, 25))),
            Map.entry(CertificateDelivered.class, new CertificateDelivered(CERTIFICATE_REQUEST, "w-1",
                    "7KQ2M9TXB4HD1R8W", CertificateDelivery.POST, "RA123456789RU", NOW)),
            Map.entry(CertificateRefused.class, new CertificateRefused(CERTIFICATE_REQUEST, "w-1",
                    CertificateType.QUALIFICATION, "В регистре нет подтверждённых сведений о квалификации.", NOW)),
            Map.entry(AccountContactsChanged.class, new AccountContactsChanged("a-1", "m.ivanova@example.ru",
                    "+79161234567", NOW)),
            Map.entry(NotificationSent.class, new NotificationSent("5e1c7a2b-3d4f-4a5b-8c6d-7e8f9a0b1c2d",
                    "c0ffee00-1111-4222-8333-444455556666", "LICENSE_EXPIRING", NotificationChannel.SMS, "a-1", 1, 2,
                    1, NOW)),
            Map.entry(NotificationFailed.class, new NotificationFailed("5e1c7a2b-3d4f-4a5b-8c6d-7e8f9a0b1c2d",
                    "c0ffee00-1111-4222-8333-444455556666", "LICENSE_EXPIRING", NotificationChannel.EMAIL,
                    "supervision:77", "RETRIES_EXHAUSTED", 8, NOW)),
            Map.entry(SupportRequestFiled.class, new SupportRequestFiled("7a1b2c3d-4e5f-4061-8273-94a5b6c7d8e9",
                    "ФРМР-2026-000123", SupportTopic.LOGIN, null, NotificationChannel.EMAIL, NOW.plusSeconds(86_400),
                    NOW)),
            Map.entry(SupportRequestAnswered.class, new SupportRequestAnswered("7a1b2c3d-4e5f-4061-8273-94a5b6c7d8e9",
                    "ФРМР-2026-000123", "a-9", false, NOW)),
            Map.entry(PersonalDataAccessed.class, new PersonalDataAccessed("0b9e6a3c-2d1f-4e5a-9b8c-7d6e5f4a3b2c",
                    "w-1", new AccessActor("a-7", null, "SUPERVISOR", "ag-abcdefgh2345", null), AccessedData.RECORD,
                    "Проверка по обращению гражданина № 15", "registry-service", NOW)),
            Map.entry(AuditAlertRaised.class, new AuditAlertRaised("al-0123456789abcdef0123456789abcdef",
                    AlertRule.MASS_RECORD_READS, "a-7", 50, 50, NOW.minusSeconds(3_600), NOW, NOW)));

    private IntegrationEventMother() {
    }
}
