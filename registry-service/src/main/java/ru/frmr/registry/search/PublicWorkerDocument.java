package ru.frmr.registry.search;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What the public register may show about one medical worker. It is the only input of the
 * search index, so personal data (СНИЛС, passport, contacts, birth date) cannot leak through
 * search: there is simply no component to carry it.
 *
 * @param currentEmployer  the principal current employer (the main job, else the longest held), or null
 * @param regionCode       the principal employer's region
 * @param currentEmployers every current employment, the principal one first
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
        AccountStatus accountStatus,
        List<Employer> currentEmployers) {

    public PublicWorkerDocument {
        Objects.requireNonNull(workerId, "workerId");
        Objects.requireNonNull(lastName, "lastName");
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(accountStatus, "accountStatus");
        specialties = specialties == null ? List.of() : List.copyOf(specialties);
        licenses = licenses == null ? List.of() : List.copyOf(licenses);
        if (currentEmployers == null || currentEmployers.isEmpty()) {
            currentEmployers = currentEmployer == null ? List.of() : List.of(currentEmployer);
        } else {
            currentEmployers = List.copyOf(currentEmployers);
        }
        if (currentEmployer == null && !currentEmployers.isEmpty()) {
            currentEmployer = currentEmployers.get(0);
        }
        if (regionCode == null && currentEmployer != null) {
            regionCode = currentEmployer.regionCode();
        }
    }

    /** A worker with at most one current employer. */
    public PublicWorkerDocument(String workerId, String lastName, String firstName, String middleName,
                                List<Specialty> specialties, List<License> licenses, Employer currentEmployer,
                                String regionCode, AccountStatus accountStatus) {
        this(workerId, lastName, firstName, middleName, specialties, licenses, currentEmployer, regionCode,
                accountStatus, null);
    }

    /** This worker with each license's status as it stands on {@code today}: a license ends with its end date. */
    public PublicWorkerDocument asOf(LocalDate today) {
        List<License> current = licenses.stream().map(license -> license.asOf(today)).toList();
        return current.equals(licenses) ? this : new PublicWorkerDocument(workerId, lastName, firstName, middleName,
                specialties, current, currentEmployer, regionCode, accountStatus, currentEmployers);
    }

    public record Specialty(String code, String name) {
        public Specialty {
            Objects.requireNonNull(code, "code");
        }
    }

    /** @param endDate the last day the license is valid; null for one without an end */
    public record License(LicenseKind kind, String specialtyCode, LicenseStatus status, LocalDate endDate) {
        public License {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(specialtyCode, "specialtyCode");
            Objects.requireNonNull(status, "status");
        }

        License asOf(LocalDate today) {
            if (endDate == null) {
                return this;
            }
            LicenseStatus onThatDay = endDate.isBefore(today) ? LicenseStatus.EXPIRED : LicenseStatus.ACTIVE;
            return onThatDay == status ? this : new License(kind, specialtyCode, onThatDay, endDate);
        }
    }

    /**
     * An organisation the worker works for now, and in which position.
     *
     * @param regionCode subject of the Russian Federation the organisation is registered in
     * @param since      the day the employment began
     */
    public record Employer(String organizationId, String name, String positionCode, String positionName,
                           String regionCode, LocalDate since) {
        public Employer {
            Objects.requireNonNull(organizationId, "organizationId");
        }

        /** An employer known by id and name only. */
        public Employer(String organizationId, String name) {
            this(organizationId, name, null, null, null, null);
        }
    }

    public enum LicenseKind { CERTIFICATE, ACCREDITATION }

    public enum LicenseStatus { ACTIVE, EXPIRED }

    public enum AccountStatus { ACTIVE, BLOCKED, PENDING_VERIFICATION }
}
