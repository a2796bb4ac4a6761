package ru.frmr.registry.fhir;

/**
 * The URIs under which the register publishes its codes and identifiers in FHIR resources. They name the
 * register's own code lists (specialty codes of the Ministry's nomenclature as the register stores them, license
 * kinds and statuses) and its public identifiers; none of them carries personal data.
 */
final class FhirSystems {

    static final String BASE = "https://frmr.ru/fhir";

    /** Public worker id of the register (the resource id), not a personal identifier such as СНИЛС. */
    static final String WORKER_ID = BASE + "/NamingSystem/worker-id";
    static final String ORGANIZATION_ID = BASE + "/NamingSystem/organization-id";

    static final String SPECIALTY = BASE + "/CodeSystem/specialty";
    static final String LICENSE_KIND = BASE + "/CodeSystem/license-kind";
    static final String LICENSE_STATUS = BASE + "/CodeSystem/license-status";
    /** Positions of the register's positions dictionary ({@code reference/positions-v1.json}). */
    static final String POSITION = BASE + "/CodeSystem/position";

    static final String LICENSE_KIND_EXTENSION = BASE + "/StructureDefinition/license-kind";
    static final String LICENSE_STATUS_EXTENSION = BASE + "/StructureDefinition/license-status";

    private FhirSystems() {
    }
}
