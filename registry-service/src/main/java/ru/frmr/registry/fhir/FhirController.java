package ru.frmr.registry.fhir;

import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import ca.uhn.fhir.context.FhirContext;
import jakarta.servlet.http.HttpServletRequest;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.SearchEntryMode;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementKind;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.RestfulCapabilityMode;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Enumerations.FHIRVersion;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import ru.frmr.registry.query.PractitionerHistoryQueries;
import ru.frmr.registry.search.PublicRegisterIndex;
import ru.frmr.registry.search.PublicSearchPage;
import ru.frmr.registry.search.PublicSearchQuery;
import ru.frmr.registry.search.PublicWorkerDocument;

/**
 * FHIR R4 read API of the public register (IHE mCSD style): {@code Practitioner} and {@code PractitionerRole}
 * built from {@link PublicWorkerDocument}s, so public fields only. Reached without a token (the path is in
 * {@code frmr.security.public-paths}); every answer, errors included, is {@code application/fhir+json}
 * written by HAPI's parser, errors as an {@code OperationOutcome}.
 *
 * <p>The versions of the public data ({@code _history}, vread) are served by {@link PractitionerHistoryController}.
 * Not offered: XML, {@code _include}, and any search parameter the {@code CapabilityStatement} does not list; unknown
 * parameters are refused (400) rather than silently ignored, so a client never mistakes an unfiltered
 * result for a filtered one.
 */
@RestController
class FhirController {

    static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json;charset=UTF-8");
    static final int DEFAULT_COUNT = PublicSearchQuery.DEFAULT_PAGE_SIZE;

    private static final Logger log = LoggerFactory.getLogger(FhirController.class);
    private static final FhirContext FHIR = FhirContext.forR4Cached();
    /** FHIR's id datatype. */
    private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");
    private static final Set<String> JSON_FORMATS = Set.of("json", "application/json", "application/fhir+json");
    private static final Set<String> PRACTITIONER_SEARCH = Set.of("name", "_count", "_offset", "_format");
    private static final Set<String> ROLE_SEARCH = Set.of("practitioner", "_format");

    private final PublicRegisterIndex index;
    private final PractitionerHistoryQueries history;
    private final String baseUrl;
    // The capability statement's date: when this instance started serving it.
    private final Date started;

    FhirController(PublicRegisterIndex index, PractitionerHistoryQueries history, FhirProperties properties,
                   Clock clock) {
        this.index = index;
        this.history = history;
        this.baseUrl = properties.base();
        this.started = Date.from(clock.instant());
    }

    @GetMapping("/fhir/metadata")
    ResponseEntity<String> metadata(@RequestParam MultiValueMap<String, String> params) {
        checkParameters(params, Set.of("_format"));
        CapabilityStatement capabilities = new CapabilityStatement()
                .setStatus(PublicationStatus.ACTIVE)
                .setDate(started)
                .setKind(CapabilityStatementKind.INSTANCE)
                .setFhirVersion(FHIRVersion._4_0_1)
                .setPublisher("ФРМР")
                .setDescription("Public register of medical workers: approved public data only.");
        capabilities.getSoftware().setName("FRMR registry-service");
        capabilities.getImplementation().setDescription("FRMR public register FHIR read API").setUrl(baseUrl);
        capabilities.setFormat(List.of(new CodeType("json"), new CodeType("application/fhir+json")));
        CapabilityStatementRestComponent rest = capabilities.addRest().setMode(RestfulCapabilityMode.SERVER);
        CapabilityStatementRestResourceComponent practitioner = rest.addResource().setType("Practitioner");
        practitioner.addInteraction().setCode(TypeRestfulInteraction.READ);
        practitioner.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
        PractitionerHistoryController.declare(practitioner);
        practitioner.addSearchParam().setName("name").setType(SearchParamType.STRING)
                .setDocumentation("Any part of the name; case, inflection and one typo are tolerated.");
        CapabilityStatementRestResourceComponent role = rest.addResource().setType("PractitionerRole");
        role.addInteraction().setCode(TypeRestfulInteraction.READ);
        role.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
        role.addSearchParam().setName("practitioner").setType(SearchParamType.REFERENCE)
                .setDocumentation("Practitioner/{id}; required.");
        return ok(capabilities);
    }

    @GetMapping("/fhir/Practitioner/{id}")
    ResponseEntity<String> readPractitioner(@PathVariable String id,
                                            @RequestParam MultiValueMap<String, String> params) {
        checkParameters(params, Set.of("_format"));
        return ok(PractitionerMapper.toPractitioner(find(id).orElseThrow(() -> absent("Practitioner/" + id, id))));
    }

    @GetMapping("/fhir/PractitionerRole/{id}")
    ResponseEntity<String> readPractitionerRole(@PathVariable String id,
                                                @RequestParam MultiValueMap<String, String> params) {
        checkParameters(params, Set.of("_format"));
        return ok(PractitionerMapper.toPractitionerRole(find(id)
                .orElseThrow(() -> absent("PractitionerRole/" + id, id))));
    }

    @GetMapping("/fhir/Practitioner")
    ResponseEntity<String> searchPractitioners(@RequestParam MultiValueMap<String, String> params) {
        checkParameters(params, PRACTITIONER_SEARCH);
        String name = single(params, "name");
        if (name != null && name.strip().length() > PublicSearchQuery.MAX_QUERY_LENGTH) {
            throw FhirRequestException.invalidParameter("name",
                    "name must be at most " + PublicSearchQuery.MAX_QUERY_LENGTH + " characters");
        }
        int count = integer(params, "_count", DEFAULT_COUNT, 0, PublicSearchQuery.MAX_PAGE_SIZE);
        int offset = integer(params, "_offset", 0, 0, PublicSearchQuery.MAX_WINDOW);
        if (count > 0 && offset % count != 0) {
            throw FhirRequestException.invalidParameter("_offset", "_offset must be a multiple of _count");
        }
        // _count=0 asks for the total only; the index still needs a page size of at least one.
        int size = Math.max(count, 1);
        PublicSearchPage page = index.search(new PublicSearchQuery(name, null, null, null, null, offset / size, size));

        Bundle bundle = new Bundle().setType(BundleType.SEARCHSET);
        bundle.setTotal((int) Math.min(page.total(), Integer.MAX_VALUE));
        bundle.addLink().setRelation("self").setUrl(searchUrl(name, count, offset));
        if (count > 0 && offset > 0) {
            bundle.addLink().setRelation("previous").setUrl(searchUrl(name, count, Math.max(0, offset - count)));
        }
        int next = offset + count;
        if (count > 0 && next < page.total() && next <= PublicSearchQuery.MAX_WINDOW) {
            bundle.addLink().setRelation("next").setUrl(searchUrl(name, count, next));
        }
        if (count > 0) {
            for (PublicWorkerDocument worker : page.items()) {
                addMatch(bundle, PractitionerMapper.toPractitioner(worker));
            }
        }
        return ok(bundle);
    }

    @GetMapping("/fhir/PractitionerRole")
    ResponseEntity<String> searchPractitionerRoles(@RequestParam MultiValueMap<String, String> params) {
        checkParameters(params, ROLE_SEARCH);
        String practitioner = single(params, "practitioner");
        if (practitioner == null || practitioner.isBlank()) {
            throw FhirRequestException.invalidParameter("practitioner",
                    "practitioner is required, as Practitioner/{id}");
        }
        String id = practitioner.startsWith("Practitioner/")
                ? practitioner.substring("Practitioner/".length()) : practitioner;
        if (!FHIR_ID.matcher(id).matches()) {
            throw FhirRequestException.invalidParameter("practitioner",
                    "practitioner must be Practitioner/{id} with a valid FHIR id");
        }
        Optional<PublicWorkerDocument> worker = find(id);
        Bundle bundle = new Bundle().setType(BundleType.SEARCHSET);
        bundle.setTotal(worker.isPresent() ? 1 : 0);
        bundle.addLink().setRelation("self").setUrl(UriComponentsBuilder.fromUriString(baseUrl)
                .path("/PractitionerRole").queryParam("practitioner", "Practitioner/" + id)
                .encode().build().toUriString());
        worker.ifPresent(found -> addMatch(bundle, PractitionerMapper.toPractitionerRole(found)));
        return ok(bundle);
    }

    /** Everything else under /fhir: an unknown resource type or interaction, or a method other than GET. */
    @RequestMapping("/fhir/**")
    ResponseEntity<String> unsupported(HttpServletRequest request) {
        if (!HttpMethod.GET.matches(request.getMethod())) {
            throw FhirRequestException.notSupported(HttpStatus.METHOD_NOT_ALLOWED,
                    "This server is read-only: " + request.getMethod() + " is not supported");
        }
        throw FhirRequestException.notSupported(HttpStatus.NOT_FOUND,
                "Not supported here: " + request.getRequestURI() + " (see /fhir/metadata)");
    }

    @ExceptionHandler(FhirRequestException.class)
    ResponseEntity<String> refused(FhirRequestException e) {
        return outcome(e.status(), e.issueType(), e.parameter(), e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<String> failed(Exception e) {
        log.error("FHIR request failed", e);
        return outcome(HttpStatus.INTERNAL_SERVER_ERROR, IssueType.EXCEPTION, null, "Internal error");
    }

    /**
     * 410 for a person the register listed and no longer does (blocked, erased, no qualifying entry left: the change
     * feed ends with their deletion), 404 for an id the register never listed, whether or not a record has it.
     */
    private FhirRequestException absent(String reference, String workerId) {
        return history.gone(workerId)
                ? FhirRequestException.gone(reference + " is no longer in the public register")
                : FhirRequestException.notFound(reference + " is not known");
    }

    private Optional<PublicWorkerDocument> find(String id) {
        if (!FHIR_ID.matcher(id).matches()) {
            throw FhirRequestException.invalidParameter("id", "id must be a FHIR id: 1-64 of A-Z a-z 0-9 - .");
        }
        return index.find(id);
    }

    private void addMatch(Bundle bundle, Resource resource) {
        bundle.addEntry()
                .setFullUrl(baseUrl + "/" + resource.fhirType() + "/" + resource.getIdElement().getIdPart())
                .setResource(resource)
                .getSearch().setMode(SearchEntryMode.MATCH);
    }

    static void checkParameters(MultiValueMap<String, String> params, Set<String> allowed) {
        for (Map.Entry<String, List<String>> param : params.entrySet()) {
            String name = param.getKey();
            if (!allowed.contains(name)) {
                throw FhirRequestException.invalidParameter(name, "Unknown or unsupported parameter: " + name);
            }
            if (param.getValue().size() > 1) {
                throw FhirRequestException.invalidParameter(name, name + " must be given at most once");
            }
        }
        String format = single(params, "_format");
        if (format != null && !JSON_FORMATS.contains(format.strip())) {
            throw FhirRequestException.invalidParameter("_format", "_format: only JSON is supported");
        }
    }

    private static String single(MultiValueMap<String, String> params, String name) {
        return params.getFirst(name);
    }

    static int integer(MultiValueMap<String, String> params, String name, int fallback, int min, int max) {
        String value = single(params, name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        int parsed;
        try {
            parsed = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw FhirRequestException.invalidParameter(name, name + " must be an integer");
        }
        if (parsed < min || parsed > max) {
            throw FhirRequestException.invalidParameter(name, name + " must be between " + min + " and " + max);
        }
        return parsed;
    }

    private String searchUrl(String name, int count, int offset) {
        UriComponentsBuilder url = UriComponentsBuilder.fromUriString(baseUrl).path("/Practitioner");
        if (name != null && !name.isBlank()) {
            url.queryParam("name", name.strip());
        }
        return url.queryParam("_count", count).queryParam("_offset", offset).encode().build().toUriString();
    }

    static ResponseEntity<String> ok(IBaseResource resource) {
        return ResponseEntity.ok().contentType(FHIR_JSON).body(encode(resource));
    }

    static ResponseEntity<String> outcome(HttpStatus status, IssueType type, String parameter, String text) {
        OperationOutcome outcome = new OperationOutcome();
        var issue = outcome.addIssue().setSeverity(IssueSeverity.ERROR).setCode(type).setDiagnostics(text);
        if (parameter != null) {
            issue.addExpression(parameter);
        }
        return ResponseEntity.status(status).contentType(FHIR_JSON).body(encode(outcome));
    }

    private static String encode(IBaseResource resource) {
        return FHIR.newJsonParser().encodeResourceToString(resource);
    }
}
