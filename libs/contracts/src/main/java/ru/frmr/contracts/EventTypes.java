package ru.frmr.contracts;

/** CloudEvents {@code type} names. Versioned: a breaking change gets a new {@code .vN}. */
public final class EventTypes {

    public static final String ACCOUNT_PROVISIONED = "ru.frmr.auth.AccountProvisioned.v1";
    public static final String LOGIN_SUCCEEDED = "ru.frmr.auth.LoginSucceeded.v1";
    public static final String LOGIN_FAILED = "ru.frmr.auth.LoginFailed.v1";
    public static final String ACCOUNT_LOCKED = "ru.frmr.auth.AccountLocked.v1";
    public static final String ACCOUNT_UNLOCKED = "ru.frmr.auth.AccountUnlocked.v1";
    public static final String SESSION_ENDED = "ru.frmr.auth.SessionEnded.v1";
    public static final String MACHINE_CLIENT_REGISTERED = "ru.frmr.auth.MachineClientRegistered.v1";
    public static final String MACHINE_CLIENT_REVOKED = "ru.frmr.auth.MachineClientRevoked.v1";
    public static final String ACCOUNT_STATUS_CHANGED = "ru.frmr.auth.AccountStatusChanged.v1";
    public static final String ACTIVATION_REQUESTED = "ru.frmr.auth.ActivationRequested.v1";

    public static final String WORKER_REGISTERED = "ru.frmr.registry.WorkerRegistered.v1";
    public static final String PROFILE_UPDATED = "ru.frmr.registry.ProfileUpdated.v1";
    public static final String PROFILE_CHANGE_REJECTED = "ru.frmr.registry.ProfileChangeRejected.v1";
    public static final String LICENSE_EXPIRED = "ru.frmr.registry.LicenseExpired.v1";
    public static final String LICENSE_EXPIRING_SOON = "ru.frmr.registry.LicenseExpiringSoon.v1";
    public static final String PERSONAL_DATA_ERASED = "ru.frmr.registry.PersonalDataErased.v1";
    public static final String WORKER_ACCOUNT_LINKED = "ru.frmr.registry.WorkerAccountLinked.v1";
    public static final String EMPLOYER_LINK_REQUESTED = "ru.frmr.employer.EmployerLinkRequested.v1";
    public static final String EMPLOYMENT_RECORDED = "ru.frmr.employer.EmploymentRecorded.v1";
    public static final String EMPLOYMENT_CORRECTED = "ru.frmr.employer.EmploymentCorrected.v1";
    public static final String EMPLOYMENT_ENDED = "ru.frmr.employer.EmploymentEnded.v1";
    public static final String EMPLOYER_LINK_ANSWERED = "ru.frmr.employer.EmployerLinkAnswered.v1";
    public static final String EMPLOYER_RESPONSE_OVERDUE = "ru.frmr.employer.EmployerResponseOverdue.v1";
    public static final String DISCREPANCY_RAISED = "ru.frmr.employer.DiscrepancyRaised.v1";
    public static final String DISCREPANCY_ANSWERED = "ru.frmr.employer.DiscrepancyAnswered.v1";
    public static final String MEDICAL_ORGANIZATION_REGISTERED = "ru.frmr.employer.MedicalOrganizationRegistered.v1";
    public static final String MEDICAL_ORGANIZATION_CORRECTED = "ru.frmr.employer.MedicalOrganizationCorrected.v1";
    public static final String HR_RIGHT_GRANTED = "ru.frmr.employer.HrRightGranted.v1";
    public static final String HR_RIGHT_REVOKED = "ru.frmr.employer.HrRightRevoked.v1";
    public static final String PROFESSIONAL_RECORD_CHANGED = "ru.frmr.registry.ProfessionalRecordChanged.v1";
    public static final String DOCUMENT_UPLOADED = "ru.frmr.documents.DocumentUploaded.v1";
    public static final String DOCUMENT_ATTACHED = "ru.frmr.documents.DocumentAttached.v1";
    public static final String CERTIFICATE_REQUESTED = "ru.frmr.documents.CertificateRequested.v1";
    public static final String CERTIFICATE_ISSUED = "ru.frmr.documents.CertificateIssued.v1";
    public static final String CERTIFICATE_DELIVERED = "ru.frmr.documents.CertificateDelivered.v1";
    public static final String CERTIFICATE_REFUSED = "ru.frmr.documents.CertificateRefused.v1";
    public static final String ACCOUNT_CONTACTS_CHANGED = "ru.frmr.auth.AccountContactsChanged.v1";
    public static final String NOTIFICATION_SENT = "ru.frmr.notification.NotificationSent.v1";
    public static final String NOTIFICATION_FAILED = "ru.frmr.notification.NotificationFailed.v1";
    public static final String SUPPORT_REQUEST_FILED = "ru.frmr.notification.SupportRequestFiled.v1";
    public static final String SUPPORT_REQUEST_ANSWERED = "ru.frmr.notification.SupportRequestAnswered.v1";
    public static final String AGENCY_ONBOARDED = "ru.frmr.auth.AgencyOnboarded.v1";
    public static final String AGENCY_KAFKA_CREDENTIALS_ISSUED = "ru.frmr.auth.AgencyKafkaCredentialsIssued.v1";
    public static final String AGENCY_REVOKED = "ru.frmr.auth.AgencyRevoked.v1";
    public static final String PERSONAL_DATA_ACCESSED = "ru.frmr.access.PersonalDataAccessed.v1";
    public static final String AUDIT_ALERT_RAISED = "ru.frmr.audit.AuditAlertRaised.v1";

    private EventTypes() {
    }
}
