package ru.frmr.registry.search;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * The JSON body of a public register search. It copies fields one by one from
 * {@link PublicWorkerDocument} rather than exposing it, so the wire contract only grows when
 * someone deliberately adds a field here.
 */
public record PublicSearchResponse(List<Worker> items, long total, int page, int size) {

    public static PublicSearchResponse from(PublicSearchPage page) {
        return new PublicSearchResponse(
                page.items().stream().map(Worker::from).toList(), page.total(), page.page(), page.size());
    }

    /**
     * @param status the right to practise today: {@code ACTIVE} (a valid certificate or accreditation),
     *               {@code EXPIRED} (only lapsed ones) or {@code NONE} (an education only), as the {@code status}
     *               filter means it
     */
    public record Worker(
            String workerId,
            String lastName,
            String firstName,
            String middleName,
            List<Specialty> specialties,
            List<License> licenses,
            Employer currentEmployer,
            String regionCode,
            List<Employer> currentEmployers,
            String status) {

        static Worker from(PublicWorkerDocument worker) {
            return new Worker(
                    worker.workerId(),
                    worker.lastName(),
                    worker.firstName(),
                    worker.middleName(),
                    worker.specialties().stream().map(s -> new Specialty(s.code(), s.name())).toList(),
                    worker.licenses().stream()
                            .map(l -> new License(l.kind().name(), l.specialtyCode(), l.status().name(), l.endDate()))
                            .toList(),
                    worker.currentEmployer() == null ? null : Employer.from(worker.currentEmployer()),
                    worker.regionCode(),
                    worker.currentEmployers().stream().map(Employer::from).toList(),
                    worker.practiceStatus().name());
        }
    }

    public record Specialty(String code, String name) {
    }

    /** The end date is written as ISO-8601 whatever the mapper's defaults, as it is part of the contract. */
    public record License(
            String kind, String specialtyCode, String status, @JsonFormat(shape = JsonFormat.Shape.STRING) LocalDate endDate) {
    }

    /** An organisation the worker works for now: the position held there and since when. */
    public record Employer(String organizationId, String name, String positionCode, String positionName,
                           String regionCode, @JsonFormat(shape = JsonFormat.Shape.STRING) LocalDate since) {

        static Employer from(PublicWorkerDocument.Employer employer) {
            return new Employer(employer.organizationId(), employer.name(), employer.positionCode(),
                    employer.positionName(), employer.regionCode(), employer.since());
        }
    }
}
