package ru.frmr.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import ru.frmr.contracts.ContractSchemas;
import ru.frmr.contracts.EventTypes;
import ru.frmr.contracts.Topics;

/**
 * The employer's path end to end, as real processes behind the gateway with real ESIA (emulator) logins: the chief
 * of ГБУЗ «Городская поликлиника № 1» (sidorova.hr) finds petrov by СНИЛС and birth date through the registry and
 * asks to link him; outside subscribers read {@code EmployerLinkRequested} on {@code frmr.public.events}, as its JSON
 * Schema says and without his СНИЛС, name or birth date; petrov accepts; the HR officer records the hire; his
 * record and the public register then show the employer. No log of the run holds his СНИЛС or birth date.
 * Petrov, not Иванова: the shared platform's EmployerBrowserIT links her to the same clinic, and a worker is linked
 * to an organisation once.
 */
@ExtendWith(SharedPlatform.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmployerE2EIT {

    private static final String CLINIC = "ГБУЗ «Городская поликлиника № 1»";
    private static final String PETROV = "Петров Пётр Сергеевич";
    private static final String PETROV_SNILS = "123-456-789 64";
    private static final String PETROV_BIRTH_DATE = "1979-02-03";
    /** What the records that leave the employer service must never carry: his СНИЛС, name and birth date. */
    private static final List<String> PETROV_PII = List.of(PETROV_SNILS, "12345678964", "123-456-789-64",
            "123456789", "Петров", "Пётр", "Сергеевич", PETROV_BIRTH_DATE, "03.02.1979", "19790203");
    private static final Duration EVENTUALLY = Duration.ofSeconds(60);
    /** The trace the link request is sent under (W3C traceparent), unique to the run. */
    private static final String TRACE_ID = UUID.randomUUID().toString().replace("-", "");
    private static final String CALLER_SPAN_ID = TRACE_ID.substring(8, 24);

    private Platform platform;
    private Api gateway;
    private Login.Session petrov;
    private Login.Session hr;
    private String workerId;
    private String organizationId;
    private String requestId;
    private String employmentId;
    private String positionCode;

    @BeforeAll
    void takePlatform() {
        platform = SharedPlatform.get();
        gateway = new Api(platform.url(Platform.GATEWAY));
    }

    @Test
    @Order(1)
    void theClinicsChiefIsItsHrOfficerAndFindsItInTheEmployersDirectory() {
        petrov = Login.as(platform, "petrov");
        workerId = petrov.workerId();
        assertThat(workerId).isNotBlank();

        // auth-service learns the medical organisations from employer-service's events, which follow its start:
        // until then the chief's ESIA role names an organisation auth does not know, and she is no HR officer.
        Login.Session[] chief = new Login.Session[1];
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(3)).until(() -> {
            chief[0] = Login.as(platform, "sidorova.hr");
            return roles(chief[0]).contains("EMPLOYER_HR");
        });
        hr = chief[0];
        assertThat(hr.claims().path("org_basis").asText()).isEqualTo("CHIEF");

        JsonNode page = asHr().get("/api/employer/organizations?q=" + encode("Городская поликлиника № 1")).json();
        JsonNode clinic = stream(page.get("items")).filter(item -> CLINIC.equals(item.path("name").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("not in the directory: " + page));
        organizationId = clinic.get("id").asText();
        assertThat(organizationId).matches("[A-Za-z0-9_-]{1,64}");
        assertThat(hr.claims().path("org_id").asText()).isEqualTo(organizationId);
        JsonNode card = asHr().get("/api/employer/organizations/" + organizationId).json();
        assertThat(card.get("name").asText()).isEqualTo(CLINIC);
        assertThat(card.get("ogrn").asText()).matches("\\d{13}");
    }

    @Test
    @Order(2)
    void theHrOfficerFindsPetrovBySnilsAndBirthDateThroughTheRegistryAndNothingElseFindsHim() {
        Api.Response found = await().atMost(EVENTUALLY).until(
                () -> asHr().post("/api/registry/workers/lookup", lookup(PETROV_SNILS, PETROV_BIRTH_DATE)),
                r -> r.status() == 200);
        assertThat(found.json().get("workerId").asText()).isEqualTo(workerId);
        assertThat(found.json().get("fullName").asText()).isEqualTo(PETROV);
        assertThat(found.body()).doesNotContain("123-456").doesNotContain(PETROV_BIRTH_DATE);

        Api.Response wrongDate = asHr().post("/api/registry/workers/lookup", lookup(PETROV_SNILS, "1979-02-04"));
        assertProblem(wrongDate, 404);
        assertThat(wrongDate.body()).doesNotContain("123-456").doesNotContain("1979-02-0");
        assertProblem(asHr().post("/api/registry/workers/lookup", lookup("123-456-789 65", PETROV_BIRTH_DATE)), 400)
                .contains("snils").doesNotContain("123-456");
        assertProblem(asPetrov().post("/api/registry/workers/lookup", lookup(PETROV_SNILS, PETROV_BIRTH_DATE)),
                403);
    }

    @Test
    @Order(3)
    void theLinkRequestIsPublishedOnThePublicTopicAsItsSchemaSaysWithoutHerPersonalData() {
        // Under a trace of the caller's own, which the last step follows through the logs.
        Api.Response sent = asHr().post("/api/employer/organizations/" + organizationId + "/link-requests",
                "{\"workerId\":\"" + workerId + "\"}", "traceparent", "00-" + TRACE_ID + "-" + CALLER_SPAN_ID + "-01");
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        JsonNode request = sent.json();
        requestId = request.get("requestId").asText();
        assertThat(request.get("organizationId").asText()).isEqualTo(organizationId);
        assertThat(request.get("workerId").asText()).isEqualTo(workerId);
        assertThat(request.get("initiatedBy").asText()).isEqualTo("EMPLOYER");
        assertThat(request.get("status").asText()).isEqualTo("PENDING");
        assertThat(asHr().post("/api/employer/organizations/" + organizationId + "/link-requests",
                "{\"workerId\":\"" + workerId + "\"}").status()).as("one pending request at a time").isEqualTo(409);

        // What a supervisory agency's consumer of the public topic gets.
        ConsumerRecord<String, byte[]> published = awaitRecord(Topics.PUBLIC_EVENTS, EventTypes.EMPLOYER_LINK_REQUESTED);
        assertThat(ContractSchemas.violations(EventTypes.EMPLOYER_LINK_REQUESTED, published.value())).isEmpty();
        JsonNode data = Login.json(new String(published.value(), StandardCharsets.UTF_8));
        assertThat(data.get("organizationId").asText()).isEqualTo(organizationId);
        assertThat(data.get("workerId").asText()).isEqualTo(workerId);
        assertThat(header(published, "ce_subject")).isEqualTo(requestId);
        assertThat(header(published, "ce_source")).isEqualTo("/frmr/employer-service");
        assertNoPersonalData(published);

        ConsumerRecord<String, byte[]> internal = awaitRecord(Topics.EMPLOYER_EVENTS,
                EventTypes.EMPLOYER_LINK_REQUESTED);
        assertThat(header(internal, "ce_id")).isEqualTo(header(published, "ce_id"));
        assertNoPersonalData(internal);
    }

    @Test
    @Order(4)
    void petrovAcceptsTheRequestAndTheHrOfficerRecordsTheHire() {
        JsonNode incoming = await().atMost(EVENTUALLY).until(
                () -> asPetrov().get("/api/employer/me/link-requests?status=PENDING").json(),
                page -> stream(page.get("items")).anyMatch(i -> requestId.equals(i.path("requestId").asText())));
        JsonNode mine = stream(incoming.get("items")).filter(i -> requestId.equals(i.path("requestId").asText()))
                .findFirst().orElseThrow();
        assertThat(mine.path("organization").path("id").asText()).isEqualTo(organizationId);
        assertThat(mine.path("organization").path("name").asText()).isEqualTo(CLINIC);

        String answer = "/api/employer/organizations/" + organizationId + "/workers/" + workerId + "/link-requests/"
                + requestId;
        assertProblem(asHr().post(answer + "/accept", ""), 403);
        Api.Response accepted = asPetrov().post(answer + "/accept", "");
        assertThat(accepted.status()).as(accepted.body()).isIn(200, 204);
        await().atMost(EVENTUALLY).until(() -> stream(asHr()
                .get("/api/employer/organizations/" + organizationId + "/link-requests?status=ACCEPTED")
                .json().get("items")).anyMatch(i -> requestId.equals(i.path("requestId").asText())
                && PETROV.equals(i.path("workerName").asText())));

        positionCode = code(new Api(platform.url(Platform.GATEWAY)).get("/api/registry/dictionaries/positions"),
                "THERAPIST");
        String contractKind = code(new Api(platform.url(Platform.GATEWAY))
                .get("/api/registry/dictionaries/employment-contract-kinds"), "MAIN");
        // Begun already: the registry hears of an employment once it has started.
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Moscow"));
        String hire = """
                {"positionCode":"%s","department":"Терапевтическое отделение № 2","rate":1.0,"contractKind":"%s",
                 "contractNumber":"ТД-17/2026","contractDate":"%s","startDate":"%s"}"""
                .formatted(positionCode, contractKind, today.minusDays(14), today.minusDays(7));
        String employments = "/api/employer/organizations/" + organizationId + "/workers/" + workerId
                + "/employments";
        Api.Response hired = asHr().post(employments, hire);
        assertThat(hired.status()).as(hired.body()).isEqualTo(201);
        employmentId = hired.json().get("employmentId").asText();
        assertThat(hired.json().get("version").asLong()).isEqualTo(1);

        JsonNode staff = await().atMost(EVENTUALLY).until(() -> asHr()
                        .get("/api/employer/organizations/" + organizationId + "/staff?status=ACTIVE").json(),
                page -> stream(page.get("items")).anyMatch(i -> workerId.equals(i.path("workerId").asText())));
        JsonNode member = stream(staff.get("items")).filter(i -> workerId.equals(i.path("workerId").asText()))
                .findFirst().orElseThrow();
        assertThat(member.get("employmentId").asText()).isEqualTo(employmentId);
        assertThat(member.get("positionCode").asText()).isEqualTo(positionCode);
        assertThat(member.toString()).doesNotContain("123-456").doesNotContain(PETROV_BIRTH_DATE);
    }

    @Test
    @Order(5)
    void herRecordAndThePublicRegisterShowTheEmployer() {
        JsonNode employment = await().atMost(EVENTUALLY).until(
                () -> asPetrov().get("/api/registry/workers/" + workerId).json().path("employments")
                        .path(employmentId),
                node -> !node.isMissingNode());
        assertThat(employment.get("organizationId").asText()).isEqualTo(organizationId);
        assertThat(employment.get("organizationName").asText()).isEqualTo(CLINIC);
        assertThat(employment.get("positionCode").asText()).isEqualTo(positionCode);
        assertThat(employment.get("endDate").isNull()).isTrue();

        // The public register lists medical workers with an approved education or licence: an accreditation first.
        approveAnAccreditation();
        Api anonymous = new Api(platform.url(Platform.GATEWAY));
        String search = "/api/registry/public/workers?q=" + encode("петров") + "&organization="
                + encode(organizationId);
        JsonNode listed = await().atMost(EVENTUALLY).until(() -> anonymous.get(search).json(),
                page -> stream(page.get("items")).anyMatch(i -> workerId.equals(i.path("workerId").asText())));
        JsonNode item = stream(listed.get("items")).filter(i -> workerId.equals(i.path("workerId").asText()))
                .findFirst().orElseThrow();
        assertThat(stream(item.get("currentEmployers")).map(e -> e.path("organizationId").asText()))
                .contains(organizationId);
        assertThat(item.path("currentEmployer").path("name").asText()).isEqualTo(CLINIC);
        assertThat(item.toString()).doesNotContain("123-456").doesNotContain(PETROV_BIRTH_DATE);
    }

    @Test
    @Order(6)
    void noLogOfTheRunHoldsHisSnilsOrBirthDate() throws IOException {
        List<Path> logs = platform.logFiles();
        assertThat(logs).extracting(p -> p.getFileName().toString()).anyMatch(n -> n.startsWith(Platform.EMPLOYER));
        for (Path log : logs) {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            for (String form : List.of(PETROV_SNILS, "11223344595", "112-233-445-95", "112233445",
                    PETROV_BIRTH_DATE, "03.02.1979")) {
                assertThat(text).as("%s in %s", form, log).doesNotContain(form);
            }
        }
    }

    @Test
    @Order(7)
    void theLinkRequestsTraceRunsThroughTheGatewayTheEmployerServiceAndTheConsumersOfItsEvent() {
        // The gateway's request line, employer-service's line about the request and its Kafka relay's (an Axon
        // handler, later, on a thread of its own), then the consumers' lines as they apply the event.
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            assertThat(linesWithTheTrace(Platform.GATEWAY)).anyMatch(line -> line.contains("POST to route employer"));
            assertThat(linesWithTheTrace(Platform.EMPLOYER))
                    .anyMatch(line -> line.contains("Link request " + requestId))
                    .anyMatch(line -> line.contains("Relayed " + EventTypes.EMPLOYER_LINK_REQUESTED));
            assertThat(linesWithTheTrace(Platform.NOTIFICATION))
                    .anyMatch(line -> line.contains("Applied " + EventTypes.EMPLOYER_LINK_REQUESTED));
            assertThat(linesWithTheTrace(Platform.REGISTRY))
                    .anyMatch(line -> line.contains("Applied " + EventTypes.EMPLOYER_LINK_REQUESTED));
        });
    }

    // --- steps and checks ---

    /** The lines of {@code service}'s logs that carry this class's trace id in their trace field. */
    private List<String> linesWithTheTrace(String service) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Path log : platform.logFiles()) {
            if (log.getFileName().toString().matches(java.util.regex.Pattern.quote(service) + "-\\d+\\.log")) {
                Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                        .filter(line -> line.contains("[" + TRACE_ID + "-")).forEach(lines::add);
            }
        }
        return lines;
    }

    /** Petrov submits an accreditation confirmed by a step-up code; the administrator approves it from the queue. */
    private void approveAnAccreditation() {
        String accreditation = """
                {"kind":"ADD","entry":{"section":"ACCREDITATION","kind":"PERIODIC","protocolNumber":"П-21/2025",
                 "protocolDate":"2025-06-01","specialtyCode":"31.08.49"}}""";
        Api.Response submitted = gateway.as(stepUpPetrov())
                .post("/api/registry/workers/" + workerId + "/changes", accreditation);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
        String changeId = submitted.json().get("changeId").asText();
        Login.Session admin = Login.as(platform, "kuznetsov.admin");
        Api asAdmin = gateway.as(admin.accessToken());
        await().atMost(EVENTUALLY).until(() -> asAdmin.get("/api/registry/moderation/queue?size=100").body()
                .contains(changeId));
        Api.Response approved = asAdmin.post("/api/registry/workers/" + workerId + "/changes/" + changeId
                + "/approve", "");
        assertThat(approved.status()).as(approved.body()).isEqualTo(204);
    }

    /** Petrov's step-up: the code mailed to him, confirmed; the answer's access token carries {@code step_up}. */
    private String stepUpPetrov() {
        Api asWorker = asPetrov();
        int mailsBefore = Login.mailsTo(platform, "petrov").size();
        assertThat(asWorker.post("/api/auth/step-up", "").status()).isEqualTo(202);
        String code = Login.awaitCode(platform, "petrov", mailsBefore);
        Api.Response confirmed = asWorker.post("/api/auth/step-up/verify", "{\"code\":\"" + code + "\"}");
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        return confirmed.json().get("access_token").asText();
    }

    /** The newest record of {@code type} about this test's link request on {@code topic}. */
    private ConsumerRecord<String, byte[]> awaitRecord(String topic, String type) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        await().atMost(EVENTUALLY).until(() -> {
            found.clear();
            platform.records(topic).stream()
                    .filter(r -> type.equals(header(r, "ce_type")))
                    .filter(r -> new String(r.value(), StandardCharsets.UTF_8).contains(requestId))
                    .forEach(found::add);
            return !found.isEmpty();
        });
        assertThat(found).as("published once").hasSize(1);
        return found.get(0);
    }

    /** Key, every header and the payload of {@code record}: no СНИЛС, name or birth date of hers. */
    private static void assertNoPersonalData(ConsumerRecord<String, byte[]> record) {
        List<String> parts = new ArrayList<>();
        parts.add(String.valueOf(record.key()));
        for (Header header : record.headers()) {
            parts.add(header.key() + "=" + new String(header.value(), StandardCharsets.UTF_8));
        }
        parts.add(new String(record.value(), StandardCharsets.UTF_8));
        for (String part : parts) {
            for (String pii : PETROV_PII) {
                assertThat(part).as("personal data on %s", record.topic()).doesNotContain(pii);
            }
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** {@code wanted} when the code list has it: the forms offer only codes from the list. */
    private static String code(Api.Response dictionary, String wanted) {
        assertThat(dictionary.status()).as(dictionary.body()).isEqualTo(200);
        Optional<String> code = stream(dictionary.json().get("items")).map(i -> i.get("code").asText())
                .filter(wanted::equals).findFirst();
        return code.orElseThrow(() -> new AssertionError(wanted + " is not in " + dictionary.body()));
    }

    private Api asHr() {
        hr = Login.refresh(platform, hr);
        return gateway.as(hr.accessToken());
    }

    private Api asPetrov() {
        petrov = Login.refresh(platform, petrov);
        return gateway.as(petrov.accessToken());
    }

    private static List<String> roles(Login.Session session) {
        return stream(session.claims().path("roles")).map(JsonNode::asText).toList();
    }

    private static String lookup(String snils, String birthDate) {
        return "{\"snils\":\"" + snils + "\",\"birthDate\":\"" + birthDate + "\"}";
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return array == null ? java.util.stream.Stream.empty()
                : StreamSupport.stream(array.spliterator(), false);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static org.assertj.core.api.AbstractStringAssert<?> assertProblem(Api.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        return assertThat(response.body());
    }
}
