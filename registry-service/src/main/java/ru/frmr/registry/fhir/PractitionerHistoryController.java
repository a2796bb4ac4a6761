package ru.frmr.registry.fhir;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import ru.frmr.registry.query.PractitionerHistoryQueries;
import ru.frmr.registry.query.PractitionerVersionView;
import ru.frmr.registry.reference.ReferenceDictionaries;
import ru.frmr.registry.search.PublicSearchQuery;

/**
 * The public register's change feed in FHIR R4: {@code GET /fhir/Practitioner/_history?_since=&_count=} (every
 * worker), {@code GET /fhir/Practitioner/{id}/_history} (one worker) and {@code GET /fhir/Practitioner/{id}/_history/{vid}}
 * (vread). Versions of approved public data only, from the persisted feed projection; newest first, as FHIR orders a
 * history. Only people the register listed appear: a person without an approved education or licence is unknown
 * here (404). When a listed person leaves the register (account blocked, no qualifying entry left, personal data
 * erased) the feed shows a deletion entry (no resource, request {@code DELETE}); an erasure also removes the earlier
 * versions, which carry the name, so the deletion is all the feed keeps of an erased person. Pages are cut by position, not offset: the {@code next} link carries the position of the page's last
 * version ({@code _cursor}), so versions added meanwhile neither shift nor repeat the following pages.
 *
 * <p>A client following the feed keeps the newest {@code meta.lastUpdated} it has seen and asks again with
 * {@code _since} a little before it (the event store's look-back window, {@code frmr.axon.look-back}, covers events
 * that commit late), dropping versions it already has by id and {@code versionId}.
 */
@RestController
class PractitionerHistoryController {

    private static final Logger log = LoggerFactory.getLogger(PractitionerHistoryController.class);
    private static final Set<String> HISTORY_PARAMETERS = Set.of("_since", "_count", "_cursor", "_format");
    private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");
    private static final Pattern VERSION_ID = Pattern.compile("[1-9][0-9]{0,17}");
    private static final Pattern CURSOR = Pattern.compile("[0-9]{15}-[A-Za-z0-9\\-]{1,64}");
    private static final int MAX_INSTANT_LENGTH = 40;

    private final PractitionerHistoryQueries history;
    private final ReferenceDictionaries dictionaries;
    private final String baseUrl;

    PractitionerHistoryController(PractitionerHistoryQueries history, ReferenceDictionaries dictionaries,
                                  FhirProperties properties) {
        this.history = history;
        this.dictionaries = dictionaries;
        this.baseUrl = properties.base();
    }

    /** The interactions this controller adds to the {@code CapabilityStatement}'s Practitioner. */
    static void declare(CapabilityStatementRestResourceComponent practitioner) {
        practitioner.addInteraction().setCode(TypeRestfulInteraction.VREAD);
        practitioner.addInteraction().setCode(TypeRestfulInteraction.HISTORYINSTANCE);
        practitioner.addInteraction().setCode(TypeRestfulInteraction.HISTORYTYPE)
                .setDocumentation("Change feed of approved public data: _since (instant with time zone), _count (1-"
                        + PublicSearchQuery.MAX_PAGE_SIZE + "); newest first; follow the next link for older versions.");
    }

    @GetMapping("/fhir/Practitioner/_history")
    ResponseEntity<String> typeHistory(@RequestParam MultiValueMap<String, String> params) {
        return page(null, params);
    }

    @GetMapping("/fhir/Practitioner/{id}/_history")
    ResponseEntity<String> instanceHistory(@PathVariable String id,
                                           @RequestParam MultiValueMap<String, String> params) {
        FhirController.checkParameters(params, HISTORY_PARAMETERS);
        requireId(id);
        if (!history.exists(id)) {
            throw FhirRequestException.notFound("Practitioner/" + id + " is not known");
        }
        return page(id, params);
    }

    @GetMapping("/fhir/Practitioner/{id}/_history/{versionId}")
    ResponseEntity<String> vread(@PathVariable String id, @PathVariable String versionId,
                                 @RequestParam MultiValueMap<String, String> params) {
        FhirController.checkParameters(params, Set.of("_format"));
        requireId(id);
        if (!VERSION_ID.matcher(versionId).matches()) {
            throw FhirRequestException.invalidParameter("vid", "the version id must be a positive integer");
        }
        PractitionerVersionView version = history.version(id, Long.parseLong(versionId)).orElseThrow(
                () -> FhirRequestException.notFound("Practitioner/" + id + "/_history/" + versionId + " is not known"));
        if (version.deleted()) {
            throw FhirRequestException.gone("Practitioner/" + id + "/_history/" + versionId
                    + " is a deletion: the practitioner left the public register");
        }
        return FhirController.ok(PractitionerVersions.toPractitioner(version, dictionaries));
    }

    @ExceptionHandler(FhirRequestException.class)
    ResponseEntity<String> refused(FhirRequestException e) {
        return FhirController.outcome(e.status(), e.issueType(), e.parameter(), e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<String> failed(Exception e) {
        log.error("FHIR history request failed", e);
        return FhirController.outcome(HttpStatus.INTERNAL_SERVER_ERROR, IssueType.EXCEPTION, null, "Internal error");
    }

    private ResponseEntity<String> page(String workerId, MultiValueMap<String, String> params) {
        FhirController.checkParameters(params, HISTORY_PARAMETERS);
        Instant since = since(params.getFirst("_since"));
        int count = FhirController.integer(params, "_count", FhirController.DEFAULT_COUNT, 1,
                PublicSearchQuery.MAX_PAGE_SIZE);
        String cursor = cursor(params.getFirst("_cursor"));

        List<PractitionerVersionView> found = history.page(workerId, since, cursor, count + 1);
        List<PractitionerVersionView> versions = found.subList(0, Math.min(count, found.size()));
        Bundle bundle = new Bundle().setType(BundleType.HISTORY);
        bundle.addLink().setRelation("self").setUrl(url(workerId, since, count, cursor));
        if (found.size() > count) {
            bundle.addLink().setRelation("next")
                    .setUrl(url(workerId, since, count, versions.get(versions.size() - 1).position()));
        }
        versions.forEach(version -> PractitionerVersions.addEntry(bundle, baseUrl, version, dictionaries));
        return FhirController.ok(bundle);
    }

    /** A FHIR instant: date, time and time zone. */
    static Instant since(String value) {
        if (value == null) {
            return null;
        }
        // An unencoded '+' of a time zone offset arrives as a space.
        String text = value.strip().replace(' ', '+');
        if (text.isEmpty() || text.length() > MAX_INSTANT_LENGTH) {
            throw invalidSince();
        }
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw invalidSince();
        }
    }

    private static FhirRequestException invalidSince() {
        return FhirRequestException.invalidParameter("_since",
                "_since must be an instant with a time zone, e.g. 2025-03-01T09:00:00Z or 2025-03-01T12:00:00+03:00");
    }

    private static String cursor(String value) {
        if (value == null) {
            return null;
        }
        if (!CURSOR.matcher(value).matches()) {
            throw FhirRequestException.invalidParameter("_cursor",
                    "_cursor must be taken unchanged from a next link of this server");
        }
        return value;
    }

    private static void requireId(String id) {
        if (!FHIR_ID.matcher(id).matches()) {
            throw FhirRequestException.invalidParameter("id", "id must be a FHIR id: 1-64 of A-Z a-z 0-9 - .");
        }
    }

    private String url(String workerId, Instant since, int count, String cursor) {
        UriComponentsBuilder url = UriComponentsBuilder.fromUriString(baseUrl)
                .path(workerId == null ? "/Practitioner/_history" : "/Practitioner/" + workerId + "/_history");
        if (since != null) {
            url.queryParam("_since", since.toString());
        }
        url.queryParam("_count", count);
        if (cursor != null) {
            url.queryParam("_cursor", cursor);
        }
        return url.encode().build().toUriString();
    }
}
