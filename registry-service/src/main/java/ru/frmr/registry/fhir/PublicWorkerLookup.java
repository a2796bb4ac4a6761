package ru.frmr.registry.fhir;

import java.util.Optional;

import ru.frmr.registry.search.PublicWorkerDocument;

/**
 * Finds one worker of the public register by id, for the FHIR read interactions
 * ({@code GET /fhir/Practitioner/{id}}, {@code GET /fhir/PractitionerRole?practitioner=}).
 *
 * <p>It must answer from the same public projection as the search (approved public data only). The
 * {@link ru.frmr.registry.search.PublicRegisterIndex} has no lookup by id yet; once it has one (a
 * {@code TermQuery} on the worker id field), register {@code index::find} as this bean. Until a bean exists,
 * the read interactions answer 501 with an {@code OperationOutcome} and the {@code CapabilityStatement}
 * does not list them.
 */
@FunctionalInterface
public interface PublicWorkerLookup {

    Optional<PublicWorkerDocument> find(String workerId);
}
