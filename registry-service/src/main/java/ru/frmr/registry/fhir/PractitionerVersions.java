package ru.frmr.registry.fhir;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.Practitioner;

import ru.frmr.registry.api.RecordSection;
import ru.frmr.registry.query.PractitionerVersionView;
import ru.frmr.registry.query.PractitionerVersionView.PublicEntry;
import ru.frmr.registry.reference.ReferenceDictionaries;
import ru.frmr.registry.search.PublicWorkerDocument;
import ru.frmr.registry.search.PublicWorkerDocument.License;
import ru.frmr.registry.search.PublicWorkerDocument.LicenseKind;
import ru.frmr.registry.search.PublicWorkerDocument.LicenseStatus;
import ru.frmr.registry.search.PublicWorkerDocument.Specialty;

/**
 * Versions of the public change feed as FHIR: each one the {@code Practitioner} that {@link PractitionerMapper}
 * makes of the public data of that version, with {@code meta.versionId} and {@code meta.lastUpdated}, and as an entry
 * of a {@code history} bundle (with the request and response a history entry must carry). A version that took the
 * person out of the register is a deletion: an entry without a resource, {@code DELETE} as its request.
 */
final class PractitionerVersions {

    /** A license's status in a version is the one it had on that version's day, in the registry's time zone. */
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    private PractitionerVersions() {
    }

    static Practitioner toPractitioner(PractitionerVersionView version, ReferenceDictionaries dictionaries) {
        Practitioner practitioner = PractitionerMapper.toPractitioner(document(version, dictionaries));
        practitioner.getMeta()
                .setVersionId(String.valueOf(version.versionId()))
                .setLastUpdated(Date.from(version.lastUpdated()));
        return practitioner;
    }

    static void addEntry(Bundle bundle, String baseUrl, PractitionerVersionView version,
                         ReferenceDictionaries dictionaries) {
        String id = version.workerId();
        if (version.deleted()) {
            Bundle.BundleEntryComponent entry = bundle.addEntry().setFullUrl(baseUrl + "/Practitioner/" + id);
            entry.getRequest().setMethod(HTTPVerb.DELETE).setUrl("Practitioner/" + id);
            entry.getResponse()
                    .setStatus("204 No Content")
                    .setEtag("W/\"" + version.versionId() + "\"")
                    .setLastModified(Date.from(version.lastUpdated()));
            return;
        }
        Bundle.BundleEntryComponent entry = bundle.addEntry()
                .setFullUrl(baseUrl + "/Practitioner/" + id)
                .setResource(toPractitioner(version, dictionaries));
        entry.getRequest()
                .setMethod(version.created() ? HTTPVerb.POST : HTTPVerb.PUT)
                .setUrl(version.created() ? "Practitioner" : "Practitioner/" + id);
        entry.getResponse()
                .setStatus(version.created() ? "201 Created" : "200 OK")
                .setLocation("Practitioner/" + id + "/_history/" + version.versionId())
                .setEtag("W/\"" + version.versionId() + "\"")
                .setLastModified(Date.from(version.lastUpdated()));
    }

    /** The version as the public register's document, so that it maps exactly as the current entry does. */
    static PublicWorkerDocument document(PractitionerVersionView version, ReferenceDictionaries dictionaries) {
        LocalDate day = version.lastUpdated().atZone(MOSCOW).toLocalDate();
        Set<String> codes = new LinkedHashSet<>();
        version.entries().stream().map(PublicEntry::specialtyCode).filter(Objects::nonNull).forEach(codes::add);
        List<Specialty> specialties = codes.stream()
                .map(code -> new Specialty(code, dictionaries.specialtyName(code).orElse(null)))
                .toList();
        List<License> licenses = version.entries().stream()
                .filter(entry -> entry.specialtyCode() != null && licenseKind(entry.section()) != null)
                .map(entry -> new License(licenseKind(entry.section()), entry.specialtyCode(),
                        entry.endDate() != null && entry.endDate().isBefore(day)
                                ? LicenseStatus.EXPIRED : LicenseStatus.ACTIVE,
                        entry.endDate()))
                .toList();
        return new PublicWorkerDocument(version.workerId(), version.lastName(), version.firstName(),
                version.middleName(), specialties, licenses, null, null);
    }

    private static LicenseKind licenseKind(RecordSection section) {
        return switch (section) {
            case CERTIFICATES -> LicenseKind.CERTIFICATE;
            case ACCREDITATION -> LicenseKind.ACCREDITATION;
            default -> null;
        };
    }
}
