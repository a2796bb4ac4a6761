package ru.frmr.contracts;

import java.util.List;
import java.util.Optional;

import ru.frmr.contracts.access.PersonalDataAccessed;
import ru.frmr.contracts.audit.AuditAlertRaised;
import ru.frmr.contracts.auth.AccountContactsChanged;
import ru.frmr.contracts.auth.AccountLocked;
import ru.frmr.contracts.auth.AccountProvisioned;
import ru.frmr.contracts.auth.AccountStatusChanged;
import ru.frmr.contracts.auth.AccountUnlocked;
import ru.frmr.contracts.auth.AgencyKafkaCredentialsIssued;
import ru.frmr.contracts.auth.AgencyOnboarded;
import ru.frmr.contracts.auth.AgencyRevoked;
import ru.frmr.contracts.auth.ActivationRequested;
import ru.frmr.contracts.auth.LoginFailed;
import ru.frmr.contracts.auth.MachineClientRegistered;
import ru.frmr.contracts.auth.MachineClientRevoked;
import ru.frmr.contracts.auth.LoginSucceeded;
import ru.frmr.contracts.auth.SessionEnded;
import ru.frmr.contracts.documents.CertificateDelivered;
import ru.frmr.contracts.documents.CertificateIssued;
import ru.frmr.contracts.documents.CertificateRefused;
import ru.frmr.contracts.documents.CertificateRequested;
import ru.frmr.contracts.documents.DocumentAttached;
import ru.frmr.contracts.documents.DocumentUploaded;
import ru.frmr.contracts.employer.DiscrepancyAnswered;
import ru.frmr.contracts.employer.DiscrepancyRaised;
import ru.frmr.contracts.employer.EmployerLinkAnswered;
import ru.frmr.contracts.employer.EmployerLinkRequested;
import ru.frmr.contracts.employer.EmployerResponseOverdue;
import ru.frmr.contracts.employer.EmploymentCorrected;
import ru.frmr.contracts.employer.EmploymentEnded;
import ru.frmr.contracts.employer.EmploymentRecorded;
import ru.frmr.contracts.employer.HrRightGranted;
import ru.frmr.contracts.employer.HrRightRevoked;
import ru.frmr.contracts.employer.MedicalOrganizationCorrected;
import ru.frmr.contracts.employer.MedicalOrganizationRegistered;
import ru.frmr.contracts.notification.NotificationFailed;
import ru.frmr.contracts.notification.NotificationSent;
import ru.frmr.contracts.notification.SupportRequestAnswered;
import ru.frmr.contracts.notification.SupportRequestFiled;
import ru.frmr.contracts.registry.LicenseExpired;
import ru.frmr.contracts.registry.LicenseExpiringSoon;
import ru.frmr.contracts.registry.PersonalDataErased;
import ru.frmr.contracts.registry.ProfessionalRecordChanged;
import ru.frmr.contracts.registry.ProfileChangeRejected;
import ru.frmr.contracts.registry.ProfileUpdated;
import ru.frmr.contracts.registry.WorkerAccountLinked;
import ru.frmr.contracts.registry.WorkerRegistered;

/** Every integration event type the platform publishes. */
public final class EventCatalog {

    private static final List<EventDescriptor> ALL = List.of(
            new EventDescriptor(EventTypes.ACCOUNT_PROVISIONED, Topics.AUTH_EVENTS, AccountProvisioned.class, false),
            new EventDescriptor(EventTypes.LOGIN_SUCCEEDED, Topics.AUTH_EVENTS, LoginSucceeded.class, false),
            new EventDescriptor(EventTypes.LOGIN_FAILED, Topics.AUTH_EVENTS, LoginFailed.class, false),
            new EventDescriptor(EventTypes.ACCOUNT_LOCKED, Topics.AUTH_EVENTS, AccountLocked.class, false),
            new EventDescriptor(EventTypes.ACCOUNT_UNLOCKED, Topics.AUTH_EVENTS, AccountUnlocked.class, false),
            new EventDescriptor(EventTypes.SESSION_ENDED, Topics.AUTH_EVENTS, SessionEnded.class, false),
            new EventDescriptor(EventTypes.MACHINE_CLIENT_REGISTERED, Topics.AUTH_EVENTS,
                    MachineClientRegistered.class, false),
            new EventDescriptor(EventTypes.MACHINE_CLIENT_REVOKED, Topics.AUTH_EVENTS, MachineClientRevoked.class,
                    false),
            new EventDescriptor(EventTypes.ACCOUNT_STATUS_CHANGED, Topics.AUTH_EVENTS, AccountStatusChanged.class,
                    false),
            new EventDescriptor(EventTypes.ACTIVATION_REQUESTED, Topics.AUTH_EVENTS, ActivationRequested.class, false),
            new EventDescriptor(EventTypes.WORKER_REGISTERED, Topics.REGISTRY_EVENTS, WorkerRegistered.class, false),
            new EventDescriptor(EventTypes.PROFILE_UPDATED, Topics.REGISTRY_EVENTS, ProfileUpdated.class, true),
            new EventDescriptor(EventTypes.PROFILE_CHANGE_REJECTED, Topics.REGISTRY_EVENTS,
                    ProfileChangeRejected.class, false),
            new EventDescriptor(EventTypes.LICENSE_EXPIRED, Topics.REGISTRY_EVENTS, LicenseExpired.class, true),
            new EventDescriptor(EventTypes.LICENSE_EXPIRING_SOON, Topics.REGISTRY_EVENTS, LicenseExpiringSoon.class,
                    false),
            new EventDescriptor(EventTypes.PERSONAL_DATA_ERASED, Topics.REGISTRY_EVENTS, PersonalDataErased.class,
                    false),
            new EventDescriptor(EventTypes.WORKER_ACCOUNT_LINKED, Topics.REGISTRY_EVENTS, WorkerAccountLinked.class,
                    false),
            new EventDescriptor(EventTypes.EMPLOYER_LINK_REQUESTED, Topics.EMPLOYER_EVENTS,
                    EmployerLinkRequested.class, true),
            // Internal: they carry rate, contract kind and past employments, more than the public register shows.
            new EventDescriptor(EventTypes.EMPLOYMENT_RECORDED, Topics.EMPLOYER_EVENTS, EmploymentRecorded.class,
                    false),
            new EventDescriptor(EventTypes.EMPLOYMENT_CORRECTED, Topics.EMPLOYER_EVENTS, EmploymentCorrected.class,
                    false),
            new EventDescriptor(EventTypes.EMPLOYMENT_ENDED, Topics.EMPLOYER_EVENTS, EmploymentEnded.class, false),
            new EventDescriptor(EventTypes.EMPLOYER_LINK_ANSWERED, Topics.EMPLOYER_EVENTS,
                    EmployerLinkAnswered.class, false),
            // Internal: ids and statuses only; what the worker wrote and HR answered stays in the employer-service.
            new EventDescriptor(EventTypes.EMPLOYER_RESPONSE_OVERDUE, Topics.EMPLOYER_EVENTS,
                    EmployerResponseOverdue.class, false),
            new EventDescriptor(EventTypes.DISCREPANCY_RAISED, Topics.EMPLOYER_EVENTS, DiscrepancyRaised.class, false),
            new EventDescriptor(EventTypes.DISCREPANCY_ANSWERED, Topics.EMPLOYER_EVENTS, DiscrepancyAnswered.class,
                    false),
            // Internal: who may act as HR of which organisation is auth-service's business, not the outside world's.
            new EventDescriptor(EventTypes.MEDICAL_ORGANIZATION_REGISTERED, Topics.EMPLOYER_EVENTS,
                    MedicalOrganizationRegistered.class, false),
            new EventDescriptor(EventTypes.MEDICAL_ORGANIZATION_CORRECTED, Topics.EMPLOYER_EVENTS,
                    MedicalOrganizationCorrected.class, false),
            new EventDescriptor(EventTypes.HR_RIGHT_GRANTED, Topics.EMPLOYER_EVENTS, HrRightGranted.class, false),
            new EventDescriptor(EventTypes.HR_RIGHT_REVOKED, Topics.EMPLOYER_EVENTS, HrRightRevoked.class, false),
            // Internal: the approved entries themselves, document numbers included, for the справки.
            new EventDescriptor(EventTypes.PROFESSIONAL_RECORD_CHANGED, Topics.REGISTRY_EVENTS,
                    ProfessionalRecordChanged.class, false),
            // Internal: ids, types, sizes and digests; never a file name or content.
            new EventDescriptor(EventTypes.DOCUMENT_UPLOADED, Topics.DOCUMENTS_EVENTS, DocumentUploaded.class, false),
            new EventDescriptor(EventTypes.DOCUMENT_ATTACHED, Topics.DOCUMENTS_EVENTS, DocumentAttached.class, false),
            new EventDescriptor(EventTypes.CERTIFICATE_REQUESTED, Topics.DOCUMENTS_EVENTS,
                    CertificateRequested.class, false),
            new EventDescriptor(EventTypes.CERTIFICATE_ISSUED, Topics.DOCUMENTS_EVENTS, CertificateIssued.class,
                    false),
            new EventDescriptor(EventTypes.CERTIFICATE_DELIVERED, Topics.DOCUMENTS_EVENTS,
                    CertificateDelivered.class, false),
            new EventDescriptor(EventTypes.CERTIFICATE_REFUSED, Topics.DOCUMENTS_EVENTS, CertificateRefused.class,
                    false),
            // Internal: personal data (the new addresses), for the notification service only.
            new EventDescriptor(EventTypes.ACCOUNT_CONTACTS_CHANGED, Topics.AUTH_EVENTS,
                    AccountContactsChanged.class, false),
            // Internal: ids, kinds, channels and counts; never an address or a text.
            new EventDescriptor(EventTypes.NOTIFICATION_SENT, Topics.NOTIFICATION_EVENTS, NotificationSent.class,
                    false),
            new EventDescriptor(EventTypes.NOTIFICATION_FAILED, Topics.NOTIFICATION_EVENTS,
                    NotificationFailed.class, false),
            new EventDescriptor(EventTypes.SUPPORT_REQUEST_FILED, Topics.NOTIFICATION_EVENTS,
                    SupportRequestFiled.class, false),
            new EventDescriptor(EventTypes.SUPPORT_REQUEST_ANSWERED, Topics.NOTIFICATION_EVENTS,
                    SupportRequestAnswered.class, false),
            // Internal: the agencies the platform serves, for notification-service (webhooks) and the audit ledger;
            // never a password.
            new EventDescriptor(EventTypes.AGENCY_ONBOARDED, Topics.AUTH_EVENTS, AgencyOnboarded.class, false),
            new EventDescriptor(EventTypes.AGENCY_KAFKA_CREDENTIALS_ISSUED, Topics.AUTH_EVENTS,
                    AgencyKafkaCredentialsIssued.class, false),
            new EventDescriptor(EventTypes.AGENCY_REVOKED, Topics.AUTH_EVENTS, AgencyRevoked.class, false),
            // Internal: who read whose data and why, for the ledger and the person; never the data.
            new EventDescriptor(EventTypes.PERSONAL_DATA_ACCESSED, Topics.ACCESS_EVENTS, PersonalDataAccessed.class,
                    false),
            // Internal: for the security staff; subjects are ids or salted hashes, never an address or a СНИЛС.
            new EventDescriptor(EventTypes.AUDIT_ALERT_RAISED, Topics.AUDIT_ALERTS, AuditAlertRaised.class, false));

    private EventCatalog() {
    }

    public static List<EventDescriptor> all() {
        return ALL;
    }

    public static Optional<EventDescriptor> byType(String type) {
        return ALL.stream().filter(d -> d.type().equals(type)).findFirst();
    }

    public static EventDescriptor of(Class<? extends IntegrationEvent> payloadClass) {
        return ALL.stream()
                .filter(d -> d.payloadClass().equals(payloadClass))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "Not in the event catalogue: " + payloadClass.getName()));
    }
}
