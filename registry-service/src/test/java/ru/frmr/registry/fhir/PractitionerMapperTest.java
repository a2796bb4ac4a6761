package ru.frmr.registry.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Practitioner.PractitionerQualificationComponent;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.junit.jupiter.api.Test;

import ru.frmr.registry.search.PublicWorkerDocument;
import ru.frmr.registry.search.PublicWorkerDocument.Employer;

class PractitionerMapperTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Elements of Practitioner that hold personal data; none may appear. */
    private static final Set<String> PERSONAL = Set.of("birthDate", "gender", "telecom", "address", "photo",
            "communication", "contact");

    private final IParser parser = FHIR.newJsonParser();

    @Test
    void practitionerJsonHasOnlyPublicElements() throws Exception {
        for (var worker : FhirWorkers.ALL) {
            String json = parser.encodeResourceToString(PractitionerMapper.toPractitioner(worker));
            JsonNode tree = JSON.readTree(json);

            assertThat(fieldNames(tree)).containsOnly("resourceType", "id", "identifier", "active", "name",
                    "qualification");
            assertThat(allFieldNames(tree)).doesNotContainAnyElementsOf(PERSONAL);
            assertThat(json.toLowerCase()).doesNotContain("snils", "снилс", "passport", "phone", "email");
        }
    }

    @Test
    void practitionerParsesBackWithNamesAndQualifications() {
        String json = parser.encodeResourceToString(PractitionerMapper.toPractitioner(FhirWorkers.IVANOVA));
        Practitioner parsed = parser.parseResource(Practitioner.class, json);

        assertThat(parsed.getIdElement().getIdPart()).isEqualTo("w-ivanova");
        assertThat(parsed.getActive()).isTrue();
        assertThat(parsed.getIdentifierFirstRep().getSystem()).isEqualTo("https://frmr.ru/fhir/NamingSystem/worker-id");
        assertThat(parsed.getIdentifierFirstRep().getValue()).isEqualTo("w-ivanova");
        assertThat(parsed.getNameFirstRep().getFamily()).isEqualTo("Иванова");
        assertThat(parsed.getNameFirstRep().getGiven()).extracting(PrimitiveType::getValue)
                .containsExactly("Мария", "Петровна");
        assertThat(parsed.getNameFirstRep().getText()).isEqualTo("Иванова Мария Петровна");

        assertThat(parsed.getQualification()).hasSize(2);
        PractitionerQualificationComponent accreditation = parsed.getQualification().get(0);
        Coding specialty = accreditation.getCode().getCodingFirstRep();
        assertThat(specialty.getSystem()).isEqualTo("https://frmr.ru/fhir/CodeSystem/specialty");
        assertThat(specialty.getCode()).isEqualTo("31.08.49");
        assertThat(specialty.getDisplay()).isEqualTo("Терапия");
        assertThat(accreditation.getPeriod().getEndElement().getValueAsString()).isEqualTo("2029-06-30");
        assertThat(((Coding) accreditation.getExtensionByUrl(
                "https://frmr.ru/fhir/StructureDefinition/license-kind").getValue()).getCode())
                .isEqualTo("accreditation");
        assertThat(((Coding) accreditation.getExtensionByUrl(
                "https://frmr.ru/fhir/StructureDefinition/license-status").getValue()).getCode())
                .isEqualTo("active");

        PractitionerQualificationComponent unlicensed = parsed.getQualification().get(1);
        assertThat(unlicensed.getCode().getCodingFirstRep().getCode()).isEqualTo("31.08.36");
        assertThat(unlicensed.hasPeriod()).isFalse();
        assertThat(unlicensed.hasExtension()).isFalse();
    }

    @Test
    void noMiddleNameMeansOneGivenName() {
        Practitioner practitioner = PractitionerMapper.toPractitioner(FhirWorkers.IVANOV);

        assertThat(practitioner.getNameFirstRep().getGiven()).extracting(PrimitiveType::getValue).containsExactly("Пётр");
        assertThat(practitioner.getNameFirstRep().getText()).isEqualTo("Иванов Пётр");
    }

    @Test
    void activeSaysWhetherTheWorkerHoldsAValidLicenceToday() {
        assertThat(PractitionerMapper.toPractitioner(FhirWorkers.IVANOVA).getActive()).isTrue();
        assertThat(PractitionerMapper.toPractitioner(FhirWorkers.IVANOV).getActive()).as("only an expired one").isFalse();
        assertThat(PractitionerMapper.toPractitioner(FhirWorkers.IVANNIKOVA).getActive()).as("education only").isFalse();
        assertThat(PractitionerMapper.toPractitionerRole(FhirWorkers.IVANNIKOVA).getActive()).isFalse();
    }

    @Test
    void roleReferencesPractitionerAndEmployer() throws Exception {
        String json = parser.encodeResourceToString(PractitionerMapper.toPractitionerRole(FhirWorkers.IVANOVA));
        assertThat(fieldNames(JSON.readTree(json))).containsOnly("resourceType", "id", "active", "practitioner",
                "organization", "specialty");

        PractitionerRole role = parser.parseResource(PractitionerRole.class, json);
        assertThat(role.getIdElement().getIdPart()).isEqualTo("w-ivanova");
        assertThat(role.getActive()).isTrue();
        assertThat(role.getPractitioner().getReference()).isEqualTo("Practitioner/w-ivanova");
        assertThat(role.getPractitioner().getDisplay()).isEqualTo("Иванова Мария Петровна");
        assertThat(role.getOrganization().getIdentifier().getSystem())
                .isEqualTo("https://frmr.ru/fhir/NamingSystem/organization-id");
        assertThat(role.getOrganization().getIdentifier().getValue()).isEqualTo("org-1");
        assertThat(role.getOrganization().getDisplay()).isEqualTo("ГБУЗ ГКБ № 1");
        assertThat(role.getSpecialty()).extracting(concept -> concept.getCodingFirstRep().getCode())
                .containsExactly("31.08.49", "31.08.36");
    }

    @Test
    void roleShowsThePrincipalEmployersPositionAndSinceWhen() throws Exception {
        PublicWorkerDocument worker = new PublicWorkerDocument("w-sidorova", "Сидорова", "Ольга", null,
                List.of(FhirWorkers.THERAPY), List.of(), null, null, List.of(
                        new Employer("org-4", "ГБУЗ МО «Больница»", "THERAPIST", "Врач-терапевт", "50",
                                LocalDate.of(2020, 1, 15)),
                        new Employer("org-2", "ООО Клиника", "CARDIOLOGIST", "Врач-кардиолог", "78",
                                LocalDate.of(2025, 3, 1))));

        String json = parser.encodeResourceToString(PractitionerMapper.toPractitionerRole(worker));
        assertThat(fieldNames(JSON.readTree(json))).containsOnly("resourceType", "id", "active", "practitioner",
                "organization", "period", "code", "specialty");
        PractitionerRole role = parser.parseResource(PractitionerRole.class, json);
        assertThat(role.getOrganization().getIdentifier().getValue()).isEqualTo("org-4");
        assertThat(role.getOrganization().getDisplay()).isEqualTo("ГБУЗ МО «Больница»");
        assertThat(role.getPeriod().getStartElement().getValueAsString()).isEqualTo("2020-01-15");
        assertThat(role.getPeriod().hasEnd()).isFalse();
        Coding position = role.getCodeFirstRep().getCodingFirstRep();
        assertThat(position.getSystem()).isEqualTo("https://frmr.ru/fhir/CodeSystem/position");
        assertThat(position.getCode()).isEqualTo("THERAPIST");
        assertThat(position.getDisplay()).isEqualTo("Врач-терапевт");
    }

    @Test
    void roleIsInactiveWhenNoLicenseIsActive() {
        assertThat(PractitionerMapper.toPractitionerRole(FhirWorkers.IVANOV).getActive()).isFalse();
    }

    @Test
    void roleWithoutEmployerHasNoOrganization() {
        PractitionerRole role = PractitionerMapper.toPractitionerRole(FhirWorkers.PETROV);

        assertThat(role.hasOrganization()).isFalse();
        assertThat(role.getActive()).isTrue();
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> allFieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        if (node.isObject()) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                names.add(name);
                names.addAll(allFieldNames(node.get(name)));
            }
        } else if (node.isArray()) {
            node.forEach(child -> names.addAll(allFieldNames(child)));
        }
        return names;
    }
}
