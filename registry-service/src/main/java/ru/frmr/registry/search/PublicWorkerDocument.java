package ru.frmr.registry.search;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What the public register may show about one medical worker. It is the only input of the
 * search index, so personal data (СНИЛС, passport, contacts, birth date) cannot leak through
 * search: there is simply no component to carry it.
 */
public record PublicWorkerDocument(
        String workerId,
        String lastName,
        String firstName,
        String middleName,
        List<Specialty> specialties,
        List<License> licenses,
        Employer currentEmployer,
        String regionCode,
        AccountStatus accountStatus) {

    public PublicWorkerDocument {
        Objects.requireNonNull(workerId, "workerId");
        Objects.requireNonNull(lastName, "lastName");
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(accountStatus, "accountStatus");
        specialties = specialties == null ? List.of() : List.copyOf(specialties);
        licenses = licenses == null ? List.of() : List.copyOf(licenses);
    }

    public record Specialty(String code, String name) {
        public Specialty {
            Objects.requireNonNull(code, "code");
        }
    }

    public record License(LicenseKind kind, String specialtyCode, LicenseStatus status, LocalDate endDate) {
        public License {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(specialtyCode, "specialtyCode");
            Objects.requireNonNull(status, "status");
        }
    }

    public record Employer(String organizationId, String name) {
        public Employer {
            Objects.requireNonNull(organizationId, "organizationId");
        }
    }

    public enum LicenseKind { CERTIFICATE, ACCREDITATION }

    public enum LicenseStatus { ACTIVE, EXPIRED }

    public enum AccountStatus { ACTIVE, BLOCKED, PENDING_VERIFICATION }
}
