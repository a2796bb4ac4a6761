package ru.frmr.registry.relay;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import ru.frmr.contracts.IntegrationEvent;
import ru.frmr.contracts.registry.LicenseExpired;
import ru.frmr.contracts.registry.LicenseExpiringSoon;
import ru.frmr.contracts.registry.LicenseKind;
import ru.frmr.contracts.registry.PersonalDataErased;
import ru.frmr.contracts.registry.ProfileChangeRejected;
import ru.frmr.contracts.registry.ProfileSection;
import ru.frmr.contracts.registry.ProfileUpdated;
import ru.frmr.contracts.registry.WorkerAccountLinked;
import ru.frmr.contracts.registry.WorkerRegistered;
import ru.frmr.kit.relay.IntegrationEventMapper;
import ru.frmr.registry.api.ContactsUpdatedEvent;
import ru.frmr.registry.api.EmploymentCorrectedEvent;
import ru.frmr.registry.api.EmploymentEndedEvent;
import ru.frmr.registry.api.EmploymentRecordedEvent;
import ru.frmr.registry.api.LicenseExpiredEvent;
import ru.frmr.registry.api.LicenseExpiringSoonEvent;
import ru.frmr.registry.api.PersonalDataErasedEvent;
import ru.frmr.registry.api.ProfileChangeApprovedEvent;
import ru.frmr.registry.api.ProfileChangeRejectedEvent;
import ru.frmr.registry.api.RecordSection;
import ru.frmr.registry.api.WorkerAccountLinkedEvent;
import ru.frmr.registry.api.WorkerRegisteredEvent;

/**
 * What the registry tells the rest of the platform. Only names and which sections changed leave the
 * service: СНИЛС, birth date and contact values never do. A change of the record is news only once an
 * administrator decides it: an approval updates the profile, a rejection tells the worker why (submissions
 * stay inside).
 */
@Component
class RegistryEventMapper implements IntegrationEventMapper {

    /**
     * An approval is news twice: {@code ProfileUpdated} (public: which section changed) and
     * {@code ProfessionalRecordChanged} (internal: the entry itself, for the services that issue documents about
     * the record). The first keeps the approval's event id.
     */
    @Override
    public List<IntegrationEvent> mapAll(Object domainEvent, Instant occurredAt) {
        if (domainEvent instanceof ProfileChangeApprovedEvent e) {
            return List.of(map(e, occurredAt).orElseThrow(), ProfessionalEntries.changed(e, occurredAt));
        }
        return IntegrationEventMapper.super.mapAll(domainEvent, occurredAt);
    }

    @Override
    public Optional<IntegrationEvent> map(Object domainEvent, Instant occurredAt) {
        if (domainEvent instanceof WorkerRegisteredEvent e) {
            return Optional.of(new WorkerRegistered(e.workerId(), e.lastName(), e.firstName(), e.middleName(),
                    occurredAt));
        }
        if (domainEvent instanceof ContactsUpdatedEvent e) {
            return Optional.of(new ProfileUpdated(e.workerId(), List.of(ProfileSection.CONTACTS),
                    e.profileVersion(), occurredAt));
        }
        if (domainEvent instanceof ProfileChangeApprovedEvent e) {
            return Optional.of(new ProfileUpdated(e.workerId(), List.of(publicSection(e.section())),
                    e.profileVersion(), occurredAt));
        }
        if (domainEvent instanceof ProfileChangeRejectedEvent e) {
            return Optional.of(new ProfileChangeRejected(e.workerId(), e.changeId(), publicSection(e.section()),
                    e.reason(), occurredAt));
        }
        if (domainEvent instanceof EmploymentRecordedEvent e) {
            return Optional.of(employmentChanged(e.workerId(), e.profileVersion(), occurredAt));
        }
        if (domainEvent instanceof EmploymentCorrectedEvent e) {
            return Optional.of(employmentChanged(e.workerId(), e.profileVersion(), occurredAt));
        }
        if (domainEvent instanceof EmploymentEndedEvent e) {
            return Optional.of(employmentChanged(e.workerId(), e.profileVersion(), occurredAt));
        }
        if (domainEvent instanceof LicenseExpiringSoonEvent e) {
            return Optional.of(new LicenseExpiringSoon(e.workerId(), e.entryId(), licenseKind(e.section()),
                    e.specialtyCode(), e.endDate(), e.daysLeft()));
        }
        if (domainEvent instanceof LicenseExpiredEvent e) {
            return Optional.of(new LicenseExpired(e.workerId(), e.entryId(), licenseKind(e.section()),
                    e.specialtyCode(), e.endDate()));
        }
        if (domainEvent instanceof WorkerAccountLinkedEvent e) {
            return Optional.of(new WorkerAccountLinked(e.workerId(), e.accountId(), occurredAt));
        }
        if (domainEvent instanceof PersonalDataErasedEvent e) {
            // The id only: not even the reason leaves, it is free text.
            return Optional.of(new PersonalDataErased(e.workerId(), e.erasedAt()));
        }
        return Optional.empty();
    }

    /** Employment is public register data (the current employer) and not moderated: news as soon as it is recorded. */
    private static ProfileUpdated employmentChanged(String workerId, long profileVersion, Instant occurredAt) {
        return new ProfileUpdated(workerId, List.of(ProfileSection.EMPLOYMENT), profileVersion, occurredAt);
    }

    private static LicenseKind licenseKind(RecordSection section) {
        return switch (section) {
            case CERTIFICATES -> LicenseKind.CERTIFICATE;
            case ACCREDITATION -> LicenseKind.ACCREDITATION;
            default -> throw new IllegalArgumentException("Not a licence section: " + section);
        };
    }

    private static ProfileSection publicSection(RecordSection section) {
        return switch (section) {
            case EDUCATION -> ProfileSection.EDUCATION;
            case CERTIFICATES -> ProfileSection.CERTIFICATES;
            case ACCREDITATION -> ProfileSection.ACCREDITATION;
            case QUALIFICATION_CATEGORIES -> ProfileSection.QUALIFICATION_CATEGORIES;
            // The v1 contract has one education section; subscribers learn the rest from the record itself.
            case POSTGRADUATE_EDUCATION, ADDITIONAL_EDUCATION -> ProfileSection.EDUCATION;
            case EMPLOYMENT -> ProfileSection.EMPLOYMENT;
            case CONTACTS -> ProfileSection.CONTACTS;
        };
    }
}
