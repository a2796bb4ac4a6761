package ru.frmr.registry.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ru.frmr.registry.web.RegistryClient.ACCREDITATION;
import static ru.frmr.registry.web.RegistryClient.ADMIN;
import static ru.frmr.registry.web.RegistryClient.BIRTH_DATE;
import static ru.frmr.registry.web.RegistryClient.CERTIFICATE;
import static ru.frmr.registry.web.RegistryClient.EMAIL;
import static ru.frmr.registry.web.RegistryClient.bearer;
import static ru.frmr.registry.web.RegistryClient.randomSnils;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Practitioner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ru.frmr.registry.RegistryApplication;
import ru.frmr.registry.web.RegistryClient;

/**
 * The FHIR change feed end to end, anonymously as an outside system reads it: the first approved education or
 * licence creates a {@code Practitioner}, later approved changes make versions (their {@code versionId} is the
 * record's event sequence plus one, so it has gaps); a person without one never appears. Read since an instant,
 * paged by next links, one worker at a time or one version; public data only; absolute URLs on the configured public
 * base, not this service's address; rebuilt identically by a replay of its projection.
 */
@SpringBootTest(classes = RegistryApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PractitionerHistoryIT {

    private static final String DB = "registry_fhir_history_it";
    private static final IParser PARSER = FhirContext.forR4Cached().newJsonParser();
    /** Where outside systems reach the FHIR API: the gateway's public address. */
    private static final String PUBLIC_BASE = "https://frmr.gateway.test/fhir";

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        RegistryClient.useSharedInfraAndIssuer(registry, DB);
        registry.add("frmr.registry.fhir.public-base-url", () -> PUBLIC_BASE);
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    private RegistryClient registry;
    private String smirnova;
    private String snils;
    private String kuznetsova;
    private String unlicensed;

    /**
     * Smirnova: registered (event 0, not public), accreditation submitted (1) and approved (2: v3, created),
     * contacts changed (3, not public: no version), a certificate submitted and rejected (4, 5: no version), a
     * certificate submitted and approved (6, 7: v8). Kuznetsova: registered, a certificate approved (v3).
     * Безлицензионова: registered only, so never in the feed.
     */
    @BeforeAll
    void buildTheFeed() throws Exception {
        registry = new RegistryClient(port);
        snils = randomSnils();
        unlicensed = registry.registerWorker("Безлицензионова", randomSnils());
        smirnova = registry.registerWorker("Смирнова", snils);
        registry.approve(smirnova, registry.submit(smirnova, ACCREDITATION));
        awaitVersions(smirnova, 1);
        registry.updateContacts(smirnova, "new." + EMAIL);
        registry.reject(smirnova, registry.submit(smirnova, CERTIFICATE));
        registry.approve(smirnova, registry.submit(smirnova, CERTIFICATE));
        awaitVersions(smirnova, 2);
        kuznetsova = registry.registerWorker("Кузнецова", randomSnils());
        registry.approve(kuznetsova, registry.submit(kuznetsova, CERTIFICATE));
        awaitVersions(kuznetsova, 1);
    }

    @Test
    void aWorkersHistoryListsThePublicVersionsNewestFirst() throws Exception {
        Bundle history = bundle("/fhir/Practitioner/" + smirnova + "/_history", 200);

        assertThat(history.getType()).isEqualTo(Bundle.BundleType.HISTORY);
        assertThat(history.getEntry()).extracting(entry -> entry.getResource().getMeta().getVersionId())
                .containsExactly("8", "3");
        assertThat(history.getEntry()).extracting(entry -> entry.getRequest().getMethod().toCode())
                .containsExactly("PUT", "POST");
        assertThat(history.getEntry()).extracting(entry -> entry.getResponse().getStatus())
                .containsExactly("200 OK", "201 Created");
        assertThat(history.getEntry()).extracting(entry -> entry.getResponse().getLocation())
                .containsExactly("Practitioner/" + smirnova + "/_history/8", "Practitioner/" + smirnova
                        + "/_history/3");
        assertThat(history.getEntryFirstRep().getFullUrl()).isEqualTo(PUBLIC_BASE + "/Practitioner/" + smirnova);
        assertThat(history.getLink("self").getUrl()).startsWith(PUBLIC_BASE + "/Practitioner/" + smirnova
                + "/_history?");
        List<Instant> updated = history.getEntry().stream()
                .map(entry -> entry.getResource().getMeta().getLastUpdated().toInstant()).toList();
        assertThat(updated).isSortedAccordingTo((a, b) -> b.compareTo(a));

        assertThat(qualifications(history.getEntry().get(1))).containsExactly("31.08.49");
        assertThat(qualifications(history.getEntry().get(0))).containsExactly("31.08.49", "31.08.36");
        Practitioner newest = (Practitioner) history.getEntryFirstRep().getResource();
        assertThat(newest.getNameFirstRep().getFamily()).isEqualTo("Смирнова");
        assertThat(newest.getIdElement().getIdPart()).isEqualTo(smirnova);
    }

    @Test
    void theFeedSinceAnInstantHoldsOnlyLaterVersions() throws Exception {
        Bundle all = bundle("/fhir/Practitioner/_history?_count=100", 200);
        Instant firstVersion = lastUpdated(all, smirnova, "3");
        Instant since = firstVersion.plusMillis(1);

        Bundle later = bundle("/fhir/Practitioner/_history?_count=100&_since=" + since, 200);

        assertThat(later.getEntry()).allSatisfy(entry -> assertThat(
                entry.getResource().getMeta().getLastUpdated().toInstant()).isAfterOrEqualTo(since));
        assertThat(versions(later)).contains(smirnova + "/8", kuznetsova + "/3").doesNotContain(smirnova + "/3");
        assertThat(versions(all)).contains(smirnova + "/3", smirnova + "/8", kuznetsova + "/3")
                .doesNotContain(smirnova + "/1", smirnova + "/4", kuznetsova + "/1");
        assertThat(versions(all)).noneMatch(version -> version.startsWith(unlicensed + "/"));
        Bundle sameWithOffset = bundle("/fhir/Practitioner/_history?_count=100&_since="
                + URLEncoder.encode(since.atOffset(java.time.ZoneOffset.ofHours(3)).toString(),
                StandardCharsets.UTF_8), 200);
        assertThat(versions(sameWithOffset)).isEqualTo(versions(later));
    }

    @Test
    void pagesFollowTheNextLinkAndStayStableWhileNewVersionsArrive() throws Exception {
        List<String> expected = versions(bundle("/fhir/Practitioner/_history?_count=100", 200));
        Bundle page = bundle("/fhir/Practitioner/_history?_count=2", 200);
        assertThat(page.getEntry()).hasSize(2);
        String newcomer = registry.registerWorker("Орлова", randomSnils());
        registry.approve(newcomer, registry.submit(newcomer, ACCREDITATION));
        awaitVersions(newcomer, 1);

        List<String> paged = new ArrayList<>(versions(page));
        while (page.getLink("next") != null) {
            URI next = URI.create(page.getLink("next").getUrl());
            assertThat(next.toString()).startsWith(PUBLIC_BASE + "/Practitioner/_history?");
            assertThat(next.getQuery()).contains("_count=2", "_cursor=");
            page = bundle(next.getRawPath() + "?" + next.getRawQuery(), 200);
            paged.addAll(versions(page));
        }

        assertThat(paged).isEqualTo(expected).doesNotHaveDuplicates();
        assertThat(versions(bundle("/fhir/Practitioner/_history?_count=1", 200))).containsExactly(newcomer + "/3");
    }

    @Test
    void aVersionIsReadByItsId() throws Exception {
        Practitioner first = PARSER.parseResource(Practitioner.class,
                body("/fhir/Practitioner/" + smirnova + "/_history/3", 200));

        assertThat(first.getMeta().getVersionId()).isEqualTo("3");
        assertThat(first.getQualification()).hasSize(1);
        assertOutcome(body("/fhir/Practitioner/" + smirnova + "/_history/1", 404), IssueType.NOTFOUND, null);
        assertOutcome(body("/fhir/Practitioner/" + smirnova + "/_history/4", 404), IssueType.NOTFOUND, null);
        assertOutcome(body("/fhir/Practitioner/" + unlicensed + "/_history", 404), IssueType.NOTFOUND, null);
        assertOutcome(body("/fhir/Practitioner/" + unlicensed + "/_history/1", 404), IssueType.NOTFOUND, null);
        assertOutcome(body("/fhir/Practitioner/" + unlicensed, 404), IssueType.NOTFOUND, null);
        assertOutcome(body("/fhir/Practitioner/" + smirnova + "/_history/x", 400), IssueType.INVALID, "vid");
        assertOutcome(body("/fhir/Practitioner/no-such-worker/_history", 404), IssueType.NOTFOUND, null);
    }

    @Test
    void theFeedCarriesNoPersonalData() throws Exception {
        String raw = body("/fhir/Practitioner/_history?_count=100", 200);

        assertThat(raw).contains("Смирнова", "31.08.49")
                .doesNotContain("Безлицензионова", "127.0.0.1:" + port, BIRTH_DATE, "birthDate", snils, EMAIL, "example.ru",
                        "telecom", "gender", "address", "180012345", "П-17/2024", "Скан");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "_since=yesterday|_since",
            "_since=2025-03-01T09:00:00|_since",
            "_since=2025-02-30T09:00:00Z|_since",
            "_since=|_since",
            "_count=0|_count",
            "_count=101|_count",
            "_cursor=000001700000000000|_cursor",
            "_at=2025-03-01T09:00:00Z|_at",
            "_count=1&_count=2|_count",
    })
    void anInvalidParameterIsA400OutcomeNamingIt(String query, String parameter) throws Exception {
        assertOutcome(body("/fhir/Practitioner/_history?" + query, 400), IssueType.INVALID, parameter);
    }

    @Test
    void theCapabilityStatementDeclaresTheHistoryInteractions() throws Exception {
        CapabilityStatement capabilities = PARSER.parseResource(CapabilityStatement.class, body("/fhir/metadata", 200));

        assertThat(capabilities.getRestFirstRep().getResourceFirstRep().getInteraction())
                .extracting(interaction -> interaction.getCode().toCode())
                .contains("vread", "history-instance", "history-type");
    }

    @Test
    void aReplayRebuildsTheSameFeed() throws Exception {
        String before = body("/fhir/Practitioner/_history?_count=100", 200);
        mongo.getCollection("practitioner_history").drop();
        assertThat(bundle("/fhir/Practitioner/_history?_count=100", 200).getEntry()).isEmpty();

        HttpResponse<String> replay = registry.post(bearer(ADMIN),
                "/api/registry/ops/projections/practitioner-history/replay", "");
        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                body("/fhir/Practitioner/_history?_count=100", 200)).isEqualTo(before));
    }

    private void awaitVersions(String workerId, int count) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> history = registry.anonymousGet("/fhir/Practitioner/" + workerId + "/_history");
            assertThat(history.statusCode()).as(history.body()).isEqualTo(200);
            assertThat(PARSER.parseResource(Bundle.class, history.body()).getEntry()).hasSize(count);
        });
    }

    private String body(String path, int status) throws Exception {
        HttpResponse<String> response = registry.anonymousGet(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/fhir+json"));
        return response.body();
    }

    private Bundle bundle(String path, int status) throws Exception {
        return PARSER.parseResource(Bundle.class, body(path, status));
    }

    private static void assertOutcome(String body, IssueType type, String parameter) {
        OperationOutcome outcome = PARSER.parseResource(OperationOutcome.class, body);
        assertThat(outcome.getIssueFirstRep().getCode()).isEqualTo(type);
        if (parameter != null) {
            assertThat(outcome.getIssueFirstRep().getExpression()).extracting(Object::toString)
                    .containsExactly(parameter);
        }
    }

    /** "workerId/versionId" of each entry, in order. */
    private static List<String> versions(Bundle bundle) {
        return bundle.getEntry().stream().map(entry -> entry.getResource().getIdElement().getIdPart() + "/"
                + entry.getResource().getMeta().getVersionId()).toList();
    }

    private static Instant lastUpdated(Bundle bundle, String workerId, String versionId) {
        return bundle.getEntry().stream()
                .filter(entry -> entry.getResource().getIdElement().getIdPart().equals(workerId)
                        && entry.getResource().getMeta().getVersionId().equals(versionId))
                .findFirst().orElseThrow().getResource().getMeta().getLastUpdated().toInstant();
    }

    private static List<String> qualifications(BundleEntryComponent entry) {
        return ((Practitioner) entry.getResource()).getQualification().stream()
                .map(qualification -> qualification.getCode().getCodingFirstRep().getCode()).toList();
    }
}
