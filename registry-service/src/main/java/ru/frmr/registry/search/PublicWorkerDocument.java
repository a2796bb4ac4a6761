package ru.frmr.registry.search;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What the public register may show about one medical worker. It is the only input of the
 * search index, so personal data (СНИЛС, passport, contacts, birth date) cannot leak through
 * search: there is simply no component to carry it.
 *
 * <p>Only people the register lists have one (see {@code PublicRegisterProjection}): a blocked login or an erased
 * record is not in the register at all, so what a document says of the person is their right to practise
 * ({@link #practiceStatus()}), not the state of a login.
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
        List<Employer> currentEmployers) {

    public PublicWorkerDocument {
        Objects.requireNonNull(workerId, "workerId");
        Objects.requireNonNull(lastName, "lastName");
        Objects.requireNonNull(firstName, "firstName");
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
                                String regionCode) {
        this(workerId, lastName, firstName, middleName, specialties, licenses, currentEmployer, regionCode, null);
    }

    /** This worker with each license's status as it stands on {@code today}: a license ends with its end date. */
    public PublicWorkerDocument asOf(LocalDate today) {
        List<License> current = licenses.stream().map(license -> license.asOf(today)).toList();
        return current.equals(licenses) ? this : new PublicWorkerDocument(workerId, lastName, firstName, middleName,
                specialties, current, currentEmployer, regionCode, currentEmployers);
    }

    /**
     * Whether the person holds a valid right to practise on the day the license statuses are of (see {@link #asOf}):
     * {@code ACTIVE} with at least one valid certificate or accreditation, {@code EXPIRED} with only lapsed ones,
     * {@code NONE} with none (an education alone). The register's {@code status} filter means the same.
     */
    public PracticeStatus practiceStatus() {
        if (licenses.isEmpty()) {
            return PracticeStatus.NONE;
        }
        return licenses.stream().anyMatch(license -> license.status() == LicenseStatus.ACTIVE)
                ? PracticeStatus.ACTIVE : PracticeStatus.EXPIRED;
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

    public enum PracticeStatus { ACTIVE, EXPIRED, NONE }
}
