package ru.frmr.registry.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Practitioner.PractitionerQualificationComponent;
import org.junit.jupiter.api.Test;

import ru.frmr.registry.api.RecordSection;
import ru.frmr.registry.query.PractitionerVersionView;
import ru.frmr.registry.query.PractitionerVersionView.PublicEntry;
import ru.frmr.registry.reference.ReferenceDictionaries;

class PractitionerVersionsTest {

    private static final ReferenceDictionaries DICTIONARIES = new ReferenceDictionaries();
    private static final String BASE = "https://registry.example/fhir";
    private static final PublicEntry CERTIFICATE = new PublicEntry("e-1", RecordSection.CERTIFICATES, "31.08.36",
            LocalDate.of(2026, 5, 20));
    private static final PublicEntry ACCREDITATION = new PublicEntry("e-2", RecordSection.ACCREDITATION, "31.08.49",
            LocalDate.of(2029, 6, 1));
    private static final PublicEntry EDUCATION = new PublicEntry("e-3", RecordSection.EDUCATION, "31.05.01", null);

    private static PractitionerVersionView version(long versionId, String lastUpdated, boolean created,
                                                   List<PublicEntry> entries) {
        Instant at = Instant.parse(lastUpdated);
        return new PractitionerVersionView("ev-" + versionId, PractitionerVersionView.positionAt(at) + "-ev-" + versionId,
                "w-1", versionId, at, created, "Иванова", "Мария", "Петровна", entries, true, false, false, false);
    }

    private static PractitionerVersionView deletion(long versionId, String lastUpdated) {
        Instant at = Instant.parse(lastUpdated);
        return new PractitionerVersionView("ev-" + versionId, PractitionerVersionView.positionAt(at) + "-ev-" + versionId,
                "w-1", versionId, at, false, null, null, null, List.of(), true, true, false, true);
    }

    @Test
    void aVersionIsThePractitionerOfItsPublicDataWithItsVersionAndTime() {
        Practitioner practitioner = PractitionerVersions.toPractitioner(
                version(4, "2026-03-10T09:00:00.123Z", false, List.of(CERTIFICATE, ACCREDITATION, EDUCATION)),
                DICTIONARIES);

        assertThat(practitioner.getIdElement().getIdPart()).isEqualTo("w-1");
        assertThat(practitioner.getMeta().getVersionId()).isEqualTo("4");
        assertThat(practitioner.getMeta().getLastUpdated()).isEqualTo(Instant.parse("2026-03-10T09:00:00.123Z"));
        assertThat(practitioner.getNameFirstRep().getFamily()).isEqualTo("Иванова");
        assertThat(practitioner.getQualification()).extracting(q -> q.getCode().getCodingFirstRep().getCode())
                .containsExactly("31.08.36", "31.08.49", "31.05.01");
        assertThat(practitioner.getQualificationFirstRep().getCode().getCodingFirstRep().getDisplay())
                .isEqualTo(DICTIONARIES.specialtyName("31.08.36").orElseThrow());
        assertThat(status(practitioner.getQualification().get(0))).isEqualTo("active");
        assertThat(practitioner.getQualification().get(2).getExtension()).isEmpty();
    }

    @Test
    void aLicenseIsExpiredInAVersionMadeAfterItsEndDayOnly() {
        Practitioner before = PractitionerVersions.toPractitioner(
                version(2, "2026-05-20T20:59:59Z", false, List.of(CERTIFICATE)), DICTIONARIES);
        Practitioner after = PractitionerVersions.toPractitioner(
                version(3, "2026-05-20T21:00:00Z", false, List.of(CERTIFICATE)), DICTIONARIES);

        assertThat(status(before.getQualificationFirstRep())).as("20 May, 23:59:59 in Moscow").isEqualTo("active");
        assertThat(status(after.getQualificationFirstRep())).as("21 May, 00:00 in Moscow").isEqualTo("expired");
    }

    @Test
    void historyEntriesSayHowTheVersionCameToBe() {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.HISTORY);
        PractitionerVersions.addEntry(bundle, BASE, version(2, "2026-03-10T09:00:00Z", false, List.of(CERTIFICATE)),
                DICTIONARIES);
        PractitionerVersions.addEntry(bundle, BASE, version(1, "2026-03-01T09:00:00Z", true, List.of()),
                DICTIONARIES);

        Bundle.BundleEntryComponent updated = bundle.getEntry().get(0);
        assertThat(updated.getFullUrl()).isEqualTo(BASE + "/Practitioner/w-1");
        assertThat(updated.getRequest().getMethod()).isEqualTo(Bundle.HTTPVerb.PUT);
        assertThat(updated.getRequest().getUrl()).isEqualTo("Practitioner/w-1");
        assertThat(updated.getResponse().getStatus()).isEqualTo("200 OK");
        assertThat(updated.getResponse().getEtag()).isEqualTo("W/\"2\"");
        assertThat(updated.getResponse().getLocation()).isEqualTo("Practitioner/w-1/_history/2");
        Bundle.BundleEntryComponent created = bundle.getEntry().get(1);
        assertThat(created.getRequest().getMethod()).isEqualTo(Bundle.HTTPVerb.POST);
        assertThat(created.getRequest().getUrl()).isEqualTo("Practitioner");
        assertThat(created.getResponse().getStatus()).isEqualTo("201 Created");
        assertThat(created.getResource()).isInstanceOf(Practitioner.class);

        String json = FhirContext.forR4Cached().newJsonParser().encodeResourceToString(bundle);
        assertThat(json).contains("\"versionId\":\"2\"", "\"lastUpdated\":\"2026-03-10T09:00:00")
                .doesNotContain("birthDate", "telecom", "gender", "address");
    }

    @Test
    void aDeletionIsAnEntryWithoutResourceThatSaysDelete() {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.HISTORY);
        PractitionerVersions.addEntry(bundle, BASE, deletion(5, "2026-03-11T09:00:00Z"), DICTIONARIES);

        Bundle.BundleEntryComponent deleted = bundle.getEntryFirstRep();
        assertThat(deleted.hasResource()).isFalse();
        assertThat(deleted.getFullUrl()).isEqualTo(BASE + "/Practitioner/w-1");
        assertThat(deleted.getRequest().getMethod()).isEqualTo(Bundle.HTTPVerb.DELETE);
        assertThat(deleted.getRequest().getUrl()).isEqualTo("Practitioner/w-1");
        assertThat(deleted.getResponse().getEtag()).isEqualTo("W/\"5\"");
    }

    @Test
    void sinceTakesAnInstantWithATimeZoneOnly() {
        Instant expected = Instant.parse("2025-03-01T09:00:00Z");
        assertThat(PractitionerHistoryController.since("2025-03-01T09:00:00Z")).isEqualTo(expected);
        assertThat(PractitionerHistoryController.since("2025-03-01T12:00:00+03:00")).isEqualTo(expected);
        assertThat(PractitionerHistoryController.since("2025-03-01T12:00:00 03:00"))
                .as("a '+' sent unencoded arrives as a space").isEqualTo(expected);
        assertThat(PractitionerHistoryController.since("2025-03-01T09:00:00.250Z"))
                .isEqualTo(expected.plusMillis(250));
        assertThat(PractitionerHistoryController.since(null)).isNull();
        for (String invalid : List.of("", "2025-03-01", "2025-03-01T09:00:00", "yesterday", "1740819600",
                "2025-03-01T09:00:00Z".repeat(3))) {
            assertThatThrownBy(() -> PractitionerHistoryController.since(invalid)).as(invalid)
                    .isInstanceOf(FhirRequestException.class)
                    .satisfies(e -> assertThat(((FhirRequestException) e).parameter()).isEqualTo("_since"));
        }
    }

    private static String status(PractitionerQualificationComponent qualification) {
        return ((Coding) qualification.getExtensionByUrl(FhirSystems.LICENSE_STATUS_EXTENSION).getValue()).getCode();
    }
}
