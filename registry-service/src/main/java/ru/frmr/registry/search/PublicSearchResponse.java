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

    public record Worker(
            String workerId,
            String lastName,
            String firstName,
            String middleName,
            List<Specialty> specialties,
            List<License> licenses,
            Employer currentEmployer,
            String regionCode) {

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
                    worker.currentEmployer() == null ? null
                            : new Employer(worker.currentEmployer().organizationId(), worker.currentEmployer().name()),
                    worker.regionCode());
        }
    }

    public record Specialty(String code, String name) {
    }

    /** The end date is written as ISO-8601 whatever the mapper's defaults, as it is part of the contract. */
    public record License(
            String kind, String specialtyCode, String status, @JsonFormat(shape = JsonFormat.Shape.STRING) LocalDate endDate) {
    }

    public record Employer(String organizationId, String name) {
    }
}
