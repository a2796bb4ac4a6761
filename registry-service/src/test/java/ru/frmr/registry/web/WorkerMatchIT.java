package ru.frmr.registry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ru.frmr.registry.web.RegistryClient.ADMIN;
import static ru.frmr.registry.web.RegistryClient.EMAIL;
import static ru.frmr.registry.web.RegistryClient.JSON;
import static ru.frmr.registry.web.RegistryClient.assertForbidden;
import static ru.frmr.registry.web.RegistryClient.assertProblem;
import static ru.frmr.registry.web.RegistryClient.bearer;
import static ru.frmr.registry.web.RegistryClient.randomSnils;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ru.frmr.infra.embedded.jwt.TestToken;

/**
 * The employer HR officer's lookup by СНИЛС and birth date ({@code POST /api/registry/workers/lookup}): an exact
 * match of both finds the person; every miss looks the same; neither value comes back in an answer or reaches a log.
 */
class WorkerMatchIT extends RegistryRestSupport {

    private static final String LOOKUP = "/api/registry/workers/lookup";
    private static final TestToken HR = TestToken.withRoles("EMPLOYER_HR").withOrgId("org-gp1")
            .validFor(Duration.ofHours(1));

    @Test
    void theSnilsInEitherFormAndTheExactBirthDateFindThePersonsNumberAndName() throws Exception {
        Person anna = register("Анна", "Сергеевна");

        JsonNode found = awaitMatch(anna.formatted(), anna.birthDate());
        assertThat(found.get("workerId").asText()).isEqualTo(anna.id());
        assertThat(found.get("fullName").asText()).isEqualTo(anna.lastName() + " Анна Сергеевна");
        assertThat(found.size()).as("nothing else of the record: " + found).isEqualTo(2);

        HttpResponse<String> byDigits = lookup(HR, anna.snils(), anna.birthDate());
        assertThat(byDigits.statusCode()).as(byDigits.body()).isEqualTo(200);
        assertThat(JSON.readTree(byDigits.body()).get("workerId").asText()).isEqualTo(anna.id());
        assertThat(byDigits.body()).doesNotContain(anna.snils().substring(0, 9)).doesNotContain(anna.birthDate());

        Person noPatronymic = register("Ольга", null);
        assertThat(awaitMatch(noPatronymic.snils(), noPatronymic.birthDate()).get("fullName").asText())
                .isEqualTo(noPatronymic.lastName() + " Ольга");
    }

    @Test
    void aWrongBirthDateAndAnUnknownSnilsGetTheSame404ThatRepeatsNeither() throws Exception {
        Person person = register("Мария", null);
        awaitMatch(person.snils(), person.birthDate());
        String dayLater = LocalDate.parse(person.birthDate()).plusDays(1).toString();
        String unknown = randomSnils();

        HttpResponse<String> wrongDate = lookup(HR, person.formatted(), dayLater);
        HttpResponse<String> unknownSnils = lookup(HR, unknown, person.birthDate());

        JsonNode first = assertProblem(wrongDate, 404, null);
        JsonNode second = assertProblem(unknownSnils, 404, null);
        for (String field : List.of("type", "title", "detail")) {
            assertThat(first.get(field)).as(field).isEqualTo(second.get(field));
        }
        assertThat(first.has("errors") && !first.get("errors").isEmpty()).as("names no field").isFalse();
        assertThat(wrongDate.body()).doesNotContain(person.snils().substring(0, 3) + "-")
                .doesNotContain(person.snils().substring(0, 9)).doesNotContain(dayLater);
        assertThat(unknownSnils.body()).doesNotContain(unknown.substring(0, 9)).doesNotContain(person.birthDate());
    }

    @Test
    void aPersonWhosePersonalDataWereErasedIsNotFound() throws Exception {
        Person person = register("Вера", null);
        awaitMatch(person.snils(), person.birthDate());
        HttpResponse<String> erased = registry.delete(bearer(ADMIN), "/api/registry/workers/" + person.id()
                + "/personal-data", "{\"reason\":\"Заявление работника\"}");
        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(204);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertProblem(lookup(HR, person.snils(), person.birthDate()), 404, null));
    }

    @Test
    void malformedInputIsA400NamingTheFieldWithoutRepeatingIt() throws Exception {
        String wrongChecksum = "112-233-445 96";
        HttpResponse<String> badChecksum = lookup(HR, wrongChecksum, "1987-09-03");
        assertProblem(badChecksum, 400, "snils");
        assertThat(badChecksum.body()).doesNotContain("112-233").doesNotContain("11223344596")
                .doesNotContain("1987-09-03");
        assertProblem(lookup(HR, "1122334459", "1987-09-03"), 400, "snils");
        assertProblem(lookup(HR, "112 233 445 95", "1987-09-03"), 400, "snils");
        assertProblem(registry.post(bearer(HR), LOOKUP, "{\"birthDate\":\"1987-09-03\"}"), 400, "snils");

        for (String badDate : List.of("1987-13-45", "03.09.1987", "1987-02-29", "87-09-03")) {
            HttpResponse<String> refused = lookup(HR, "112-233-445 95", badDate);
            assertProblem(refused, 400, "birthDate");
            assertThat(refused.body()).doesNotContain(badDate).doesNotContain("112-233");
        }
        assertProblem(lookup(HR, "112-233-445 95", "2999-01-01"), 400, "birthDate");
        assertProblem(registry.post(bearer(HR), LOOKUP, "{\"snils\":\"112-233-445 95\"}"), 400, "birthDate");
        assertProblem(registry.post(bearer(HR), LOOKUP, "{\"snils\":"), 400, null);
    }

    @Test
    void onlyAnEmployersHrOfficerMayLookUp() throws Exception {
        Person person = register("Нина", null);
        awaitMatch(person.snils(), person.birthDate());

        assertForbidden(lookup(TestToken.worker(person.id()), person.snils(), person.birthDate()));
        assertForbidden(lookup(TestToken.worker(UUID.randomUUID().toString()), person.snils(), person.birthDate()));
        assertForbidden(lookup(TestToken.withRoles("REGISTRY_ADMIN"), person.snils(), person.birthDate()));
        assertForbidden(lookup(TestToken.withRoles("SUPERVISOR"), person.snils(), person.birthDate()));
        assertForbidden(lookup(TestToken.withRoles("AUDITOR"), person.snils(), person.birthDate()));
        assertProblem(registry.post(null, LOOKUP, body(person.snils(), person.birthDate())), 401, null);
        // A person who is both an HR officer and a worker keeps both sides.
        TestToken hrAndWorker = TestToken.worker(UUID.randomUUID().toString())
                .withRoleList(List.of("WORKER", "EMPLOYER_HR")).withOrgId("org-gp1");
        assertThat(lookup(hrAndWorker, person.snils(), person.birthDate()).statusCode()).isEqualTo(200);
    }

    @Test
    void neitherTheSnilsInAnyFormNorTheBirthDateReachesTheLogEvenAtDebug() throws Exception {
        Person person = register("Зоя", "Ивановна");
        awaitMatch(person.snils(), person.birthDate());
        String dayLater = LocalDate.parse(person.birthDate()).plusDays(1).toString();
        String unknown = randomSnils();
        String badChecksum = person.snils().substring(0, 9) + String.format("%02d",
                (Integer.parseInt(person.snils().substring(9)) + 1) % 100);

        List<String> logged = captureLogs(() -> {
            assertThat(lookup(HR, person.formatted(), person.birthDate()).statusCode()).isEqualTo(200);
            assertThat(lookup(HR, person.snils(), person.birthDate()).statusCode()).isEqualTo(200);
            assertThat(lookup(HR, person.formatted(), dayLater).statusCode()).isEqualTo(404);
            assertThat(lookup(HR, unknown, person.birthDate()).statusCode()).isEqualTo(404);
            assertThat(lookup(HR, badChecksum, person.birthDate()).statusCode()).isEqualTo(400);
            assertThat(lookup(HR, person.snils(), person.birthDate().replace('-', '.')).statusCode())
                    .isEqualTo(400);
            assertThat(lookup(TestToken.withRoles("WORKER"), person.snils(), person.birthDate()).statusCode())
                    .isEqualTo(403);
        });

        assertThat(logged).as("the capture works: the requests were logged at DEBUG")
                .anyMatch(line -> line.contains(LOOKUP));
        LocalDate born = LocalDate.parse(person.birthDate());
        List<String> forbidden = new ArrayList<>();
        for (String snils : List.of(person.snils(), unknown, badChecksum)) {
            forbidden.addAll(snilsForms(snils));
        }
        forbidden.addAll(List.of(person.birthDate(), dayLater, born.format(DateTimeFormatter.ofPattern("dd.MM.yyyy")),
                born.format(DateTimeFormatter.BASIC_ISO_DATE), person.birthDate().replace('-', '.')));
        for (String line : logged) {
            for (String value : forbidden) {
                assertThat(line).as("a log line carries personal data").doesNotContain(value);
            }
        }
    }

    // --- helpers ---

    record Person(String id, String lastName, String snils, String birthDate) {

        String formatted() {
            return snils.substring(0, 3) + "-" + snils.substring(3, 6) + "-" + snils.substring(6, 9) + " "
                    + snils.substring(9);
        }
    }

    /** Registers a person with a surname and a birth date no other test uses. */
    private Person register(String firstName, String middleName) throws Exception {
        String lastName = "Подбельская" + WorkerLookupIT.randomLetters();
        String snils = randomSnils();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String birthDate = LocalDate.of(random.nextInt(1950, 2000), 1, 1).plusDays(random.nextInt(365)).toString();
        Map<String, String> registration = middleName == null
                ? Map.of("lastName", lastName, "firstName", firstName, "birthDate", birthDate, "snils", snils,
                        "email", EMAIL)
                : Map.of("lastName", lastName, "firstName", firstName, "middleName", middleName,
                        "birthDate", birthDate, "snils", snils, "email", EMAIL);
        String id = registry.registerWorker(registration);
        return new Person(id, lastName, snils, birthDate);
    }

    /** The lookup's answer once the worker's view holds the registration (read models follow the events). */
    private JsonNode awaitMatch(String snils, String birthDate) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> answer = lookup(HR, snils, birthDate);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            found[0] = JSON.readTree(answer.body());
        });
        return found[0];
    }

    private HttpResponse<String> lookup(TestToken caller, String snils, String birthDate) throws Exception {
        return registry.post(bearer(caller), LOOKUP, body(snils, birthDate));
    }

    private static String body(String snils, String birthDate) throws Exception {
        return JSON.writeValueAsString(Map.of("snils", snils, "birthDate", birthDate));
    }

    private static List<String> snilsForms(String digits) {
        return List.of(digits, digits.substring(0, 9),
                digits.substring(0, 3) + "-" + digits.substring(3, 6) + "-" + digits.substring(6, 9),
                digits.substring(0, 3) + " " + digits.substring(3, 6) + " " + digits.substring(6, 9));
    }

    interface Calls {
        void run() throws Exception;
    }

    /**
     * Every line logged while {@code calls} run, with its MDC and exceptions, with the service's own loggers and
     * Spring MVC's (which log request bodies and resolved exceptions) at DEBUG, as a local run has them.
     */
    private static List<String> captureLogs(Calls calls) throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        List<Logger> raised = List.of((Logger) LoggerFactory.getLogger("ru.frmr"),
                (Logger) LoggerFactory.getLogger("org.springframework.web"),
                (Logger) LoggerFactory.getLogger("org.springframework.security"));
        List<Level> before = raised.stream().map(Logger::getLevel).toList();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        raised.forEach(logger -> logger.setLevel(Level.DEBUG));
        try {
            calls.run();
        } finally {
            root.detachAppender(appender);
            for (int i = 0; i < raised.size(); i++) {
                raised.get(i).setLevel(before.get(i));
            }
        }
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : List.copyOf(appender.list)) {
            StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ')
                    .append(event.getFormattedMessage()).append(' ').append(event.getMDCPropertyMap())
                    .append(' ').append(event.getKeyValuePairs());
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                line.append(' ').append(t.getClassName()).append(": ").append(t.getMessage());
            }
            lines.add(line.toString());
        }
        return lines;
    }
}
