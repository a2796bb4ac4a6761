package ru.frmr.registry.fhir;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Practitioner.PractitionerQualificationComponent;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;

import ru.frmr.registry.search.PublicWorkerDocument;
import ru.frmr.registry.search.PublicWorkerDocument.License;
import ru.frmr.registry.search.PublicWorkerDocument.PracticeStatus;
import ru.frmr.registry.search.PublicWorkerDocument.Specialty;

/**
 * The public register's view of a worker as FHIR R4 resources (IHE mCSD style). The only input is a
 * {@link PublicWorkerDocument}, which has no personal data to give: the resources carry names, specialties,
 * licenses and the current employer, never СНИЛС, birth date, gender, contacts or addresses.
 *
 * <p>A worker is one {@code Practitioner} and one {@code PractitionerRole} (at the current employer, if any);
 * both use the worker id as their resource id.
 */
final class PractitionerMapper {

    private PractitionerMapper() {
    }

    static Practitioner toPractitioner(PublicWorkerDocument worker) {
        Practitioner practitioner = new Practitioner();
        practitioner.setId(worker.workerId());
        practitioner.addIdentifier(new Identifier().setSystem(FhirSystems.WORKER_ID).setValue(worker.workerId()));
        // What a reader of the register needs: does this person hold a valid right to practise today.
        practitioner.setActive(worker.practiceStatus() == PracticeStatus.ACTIVE);
        practitioner.addName(name(worker));
        Map<String, String> specialtyNames = specialtyNames(worker);
        Set<String> licensed = new LinkedHashSet<>();
        for (License license : worker.licenses()) {
            licensed.add(license.specialtyCode());
            practitioner.addQualification(qualification(license, specialtyNames.get(license.specialtyCode())));
        }
        worker.specialties().stream()
                .filter(specialty -> !licensed.contains(specialty.code()))
                .forEach(specialty -> practitioner.addQualification(
                        new PractitionerQualificationComponent().setCode(specialty(specialty.code(), specialty.name()))));
        return practitioner;
    }

    static PractitionerRole toPractitionerRole(PublicWorkerDocument worker) {
        PractitionerRole role = new PractitionerRole();
        role.setId(worker.workerId());
        role.setActive(worker.practiceStatus() == PracticeStatus.ACTIVE);
        role.setPractitioner(new Reference("Practitioner/" + worker.workerId()).setDisplay(displayName(worker)));
        if (worker.currentEmployer() != null) {
            PublicWorkerDocument.Employer employer = worker.currentEmployer();
            role.setOrganization(new Reference()
                    .setIdentifier(new Identifier().setSystem(FhirSystems.ORGANIZATION_ID)
                            .setValue(employer.organizationId()))
                    .setDisplay(employer.name()));
            if (employer.since() != null) {
                role.setPeriod(new Period().setStartElement(new DateTimeType(employer.since().toString())));
            }
            if (employer.positionCode() != null) {
                role.addCode(new CodeableConcept(new Coding(FhirSystems.POSITION, employer.positionCode(),
                        employer.positionName())).setText(employer.positionName()));
            }
        }
        Map<String, String> specialtyNames = specialtyNames(worker);
        Stream.concat(worker.specialties().stream().map(Specialty::code),
                        worker.licenses().stream().map(License::specialtyCode))
                .distinct()
                .forEach(code -> role.addSpecialty(specialty(code, specialtyNames.get(code))));
        return role;
    }

    private static HumanName name(PublicWorkerDocument worker) {
        HumanName name = new HumanName()
                .setUse(HumanName.NameUse.OFFICIAL)
                .setFamily(worker.lastName())
                .setText(displayName(worker));
        name.addGiven(worker.firstName());
        if (worker.middleName() != null && !worker.middleName().isBlank()) {
            name.addGiven(worker.middleName());
        }
        return name;
    }

    private static String displayName(PublicWorkerDocument worker) {
        return Stream.of(worker.lastName(), worker.firstName(), worker.middleName())
                .filter(part -> part != null && !part.isBlank())
                .collect(Collectors.joining(" "));
    }

    private static PractitionerQualificationComponent qualification(License license, String specialtyName) {
        PractitionerQualificationComponent qualification = new PractitionerQualificationComponent()
                .setCode(specialty(license.specialtyCode(), specialtyName));
        qualification.addExtension(FhirSystems.LICENSE_KIND_EXTENSION,
                new Coding(FhirSystems.LICENSE_KIND, code(license.kind()), null));
        qualification.addExtension(FhirSystems.LICENSE_STATUS_EXTENSION,
                new Coding(FhirSystems.LICENSE_STATUS, code(license.status()), null));
        if (license.endDate() != null) {
            // Parsed from the ISO day, so it keeps day precision and no time zone can shift it.
            qualification.setPeriod(new Period().setEndElement(new DateTimeType(license.endDate().toString())));
        }
        return qualification;
    }

    private static CodeableConcept specialty(String code, String display) {
        return new CodeableConcept(new Coding(FhirSystems.SPECIALTY, code, display)).setText(display);
    }

    private static Map<String, String> specialtyNames(PublicWorkerDocument worker) {
        return worker.specialties().stream()
                .filter(specialty -> specialty.name() != null)
                .collect(Collectors.toMap(Specialty::code, Specialty::name, (first, second) -> first));
    }

    private static String code(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
