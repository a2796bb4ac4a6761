package ru.frmr.auth.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ru.frmr.auth.it.AuthIntegrationTest.assertProblem;
import static ru.frmr.auth.it.AuthIntegrationTest.login;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ru.frmr.auth.command.Accounts;
import ru.frmr.auth.identity.IdentifiedPerson;
import ru.frmr.auth.query.AuthQueries;
import ru.frmr.contracts.ContractJson;
import ru.frmr.contracts.ContractSchemas;
import ru.frmr.contracts.EventTypes;
import ru.frmr.contracts.auth.AccountContactsChanged;

/**
 * One-time codes go to the e-mail the account holds. The account of a person is provisioned with an older e-mail than
 * the one the ESIA emulator now reports; at their next ESIA login the code still goes to the old address, which is
 * also told of the change with a code that confirms it; once confirmed (by that code or by an administrator) codes
 * go to the new address. Also the administrators' activation queue, which is auth-service's own read model. A
 * database of its own: the accounts here start with contacts no other test expects.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class ContactChangeIT {

    private static final String LOGIN_CODE = "код для входа";
    private static final String STEP_UP_CODE = "код подтверждения действия";
    private static final String NOTICE = "новые контактные данные";

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        AuthIntegrationTest.properties("auth_contact_change_it").forEach((k, v) -> registry.add(k, () -> v));
        // Consumer groups are named after the application; this context lives beside the shared one.
        registry.add("spring.application.name", () -> "auth-service-contact-change-it");
    }

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    AuthQueries queries;

    @Autowired
    MongoTemplate mongo;

    @Test
    void theCodeGoesToTheHeldEMailWhichIsToldOfTheChangeAndConfirmsIt() {
        TestPeople person = TestPeople.ORLOVA_SUPERVISOR;
        String oldEmail = "elena.old@frmr.test";
        String accountId = provision(person, oldEmail, "+79990000005", true);
        int oldLoginCodes = Mailbox.count(oldEmail, LOGIN_CODE);
        int notices = Mailbox.count(oldEmail, NOTICE);
        int newMails = Mailbox.count(person.email());

        Browser browser = browser("Firefox (supervisor)");
        URI next = Browser.redirect(browser.get(browser.signInAtEmulator(browser.startLogin(), person.login)
                .toString()));
        assertThat(next.getPath()).isEqualTo("/api/auth/second-factor");
        String loginCode = Mailbox.awaitCode(oldEmail, oldLoginCodes, LOGIN_CODE);
        String confirmation = Mailbox.awaitCode(oldEmail, notices, NOTICE);
        assertThat(Mailbox.count(person.email())).as("nothing goes to the address ESIA reports now")
                .isEqualTo(newMails);
        assertThat(Browser.json(browser.get(browser.authBase() + "/api/auth/second-factor")).get("sentTo").asText())
                .isEqualTo("e***@frmr.test");
        String access = verified(browser, loginCode);

        // The events record the change sealed: neither the new address nor a code is in the event store.
        List<Document> stored = mongo.getCollection("domainevents")
                .find(new Document("aggregateIdentifier", accountId)).into(new ArrayList<>());
        assertThat(stored).extracting(d -> d.getString("payloadType"))
                .contains("ru.frmr.auth.api.ContactChangeRequestedEvent");
        assertThat(stored.toString()).doesNotContain(person.email()).doesNotContain(oldEmail)
                .doesNotContain(confirmation).doesNotContain(loginCode);

        String wrong = confirmation.equals("000000") ? "000001" : "000000";
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertProblem(browser.postJson(
                "/api/auth/contact-change/confirm", "{\"code\":\"" + wrong + "\"}", access), 400, "wrong-code"));
        assertThat(browser.postJson("/api/auth/contact-change/confirm", "{\"code\":\"" + confirmation + "\"}", access)
                .statusCode()).isEqualTo(204);
        // The confirmation reaches the account's read model asynchronously; once it has, nothing waits any more.
        await().atMost(Duration.ofSeconds(15)).until(() ->
                queries.account(accountId).orElseThrow().pendingContactChangeId() == null);
        assertProblem(browser.postJson("/api/auth/contact-change/confirm", "{\"code\":\"" + confirmation + "\"}",
                access), 409, "no-contact-change");
        // The platform hears of the new address (the mobile did not change).
        try (AuthEvents events = new AuthEvents()) {
            CloudEvent changed = events.await(accountId, EventTypes.ACCOUNT_CONTACTS_CHANGED);
            assertThat(ContractSchemas.violations(changed.getType(), changed.getData().toBytes())).isEmpty();
            AccountContactsChanged payload = ContractJson.fromBytes(changed.getData().toBytes(),
                    AccountContactsChanged.class);
            assertThat(payload.email()).isEqualTo(person.email());
            assertThat(payload.mobile()).isNull();
        }

        int newStepUpCodes = Mailbox.count(person.email(), STEP_UP_CODE);
        HttpResponse<String> stepUp = browser.post("/api/auth/step-up", access);
        assertThat(stepUp.statusCode()).as(stepUp.body()).isEqualTo(202);
        assertThat(Browser.json(stepUp).get("sentTo").asText()).isEqualTo("o***@frmr.test");
        Mailbox.awaitCode(person.email(), newStepUpCodes, STEP_UP_CODE);

        int oldMails = Mailbox.count(oldEmail);
        assertThat(login(browser("Firefox (supervisor, next day)"), person).accessToken()).isNotBlank();
        assertThat(Mailbox.count(oldEmail)).as("the previous address gets nothing more").isEqualTo(oldMails);
    }

    @Test
    void anAdministratorConfirmsTheNewContacts() {
        TestPeople person = TestPeople.SMIRNOV_AUDITOR;
        String oldEmail = "oleg.old@frmr.test";
        String accountId = provision(person, oldEmail, "+79990000006", true);
        int oldLoginCodes = Mailbox.count(oldEmail, LOGIN_CODE);
        int notices = Mailbox.count(oldEmail, NOTICE);
        Browser auditor = browser("Firefox (auditor)");
        Browser.redirect(auditor.get(auditor.signInAtEmulator(auditor.startLogin(), person.login).toString()));
        String auditorAccess = verified(auditor, Mailbox.awaitCode(oldEmail, oldLoginCodes, LOGIN_CODE));
        Mailbox.awaitCode(oldEmail, notices, NOTICE);

        String confirm = "/api/auth/accounts/" + accountId + "/contact-change/confirm";
        assertProblem(auditor.post(confirm, auditorAccess), 403, "forbidden");
        AuthIntegrationTest.LoggedIn admin = login(browser("Firefox (admin desk)"), TestPeople.KUZNETSOV_ADMIN);
        Browser adminBrowser = browser("Firefox (admin desk)");
        assertThat(adminBrowser.post(confirm, admin.accessToken()).statusCode()).isEqualTo(204);
        HttpResponse<String> again = adminBrowser.post(confirm, admin.accessToken());
        assertThat(again.statusCode()).as(again.body()).isEqualTo(422);

        int newLoginCodes = Mailbox.count(person.email(), LOGIN_CODE);
        int oldMails = Mailbox.count(oldEmail);
        assertThat(login(browser("Firefox (auditor, confirmed)"), person).accessToken()).isNotBlank();
        assertThat(Mailbox.count(person.email(), LOGIN_CODE)).isGreaterThan(newLoginCodes);
        assertThat(Mailbox.count(oldEmail)).isEqualTo(oldMails);
    }

    @Test
    void anActivationRequestWaitsInAuthsQueueUntilAnAdministratorActivatesTheAccount() {
        TestPeople person = TestPeople.PETROV;
        String accountId = provision(person, person.email(), "+79990000002", false);
        Browser browser = browser("Firefox (unconfirmed)");
        HttpResponse<String> refused = browser.get(browser.signInAtEmulator(browser.startLogin(), person.login)
                .toString());
        assertProblem(refused, 403, "account-needs-confirmation");
        assertThat(browser.post("/api/auth/activation-request", null).statusCode()).isEqualTo(202);

        AuthIntegrationTest.LoggedIn admin = login(browser("Firefox (admin queue)"), TestPeople.KUZNETSOV_ADMIN);
        Browser adminBrowser = browser("Firefox (admin queue)");
        String queue = "/api/auth/admin/activation-requests";
        JsonNode item = await().atMost(Duration.ofSeconds(15)).until(() -> itemFor(adminBrowser, queue,
                admin.accessToken(), accountId), found -> found != null);
        assertThat(item.hasNonNull("requestedAt")).isTrue();
        assertThat(item.at("/activate/method").asText()).isEqualTo("POST");
        assertThat(item.at("/activate/href").asText()).isEqualTo("/api/auth/accounts/" + accountId + "/activate");
        assertThat(item.at("/account/href").asText()).isEqualTo("/api/auth/accounts/" + accountId);
        assertThat(item.toString()).doesNotContain(person.snils).doesNotContain(person.email());
        assertProblem(adminBrowser.get(queue + "?size=1000", admin.accessToken()), 400, "validation");
        assertProblem(adminBrowser.get(queue + "?page=-1", admin.accessToken()), 400, "validation");
        AuthIntegrationTest.LoggedIn worker = login(browser("Firefox (not an admin)"), TestPeople.IVANOVA);
        assertProblem(browser.get(queue, worker.accessToken()), 403, "forbidden");

        assertThat(adminBrowser.post(item.at("/activate/href").asText(), admin.accessToken()).statusCode())
                .isEqualTo(204);
        await().atMost(Duration.ofSeconds(15)).until(() -> itemFor(adminBrowser, queue, admin.accessToken(),
                accountId) == null);
        assertThat(login(browser("Firefox (activated)"), person).accessToken()).isNotBlank();
    }

    private Browser browser(String userAgent) {
        return new Browser(port, userAgent);
    }

    private static JsonNode itemFor(Browser browser, String queue, String access, String accountId) {
        HttpResponse<String> page = browser.get(queue + "?size=100", access);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        for (JsonNode item : Browser.json(page).get("items")) {
            if (item.get("accountId").asText().equals(accountId)) {
                return item;
            }
        }
        return null;
    }

    private static String verified(Browser browser, String code) {
        HttpResponse<String> verified = browser.postJson("/api/auth/second-factor", "{\"code\":\"" + code + "\"}",
                null);
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        return Browser.json(verified).get("access_token").asText();
    }

    /** The person's account as an earlier login left it: with these contacts, confirmed by ESIA or not. */
    private String provision(TestPeople person, String email, String mobile, boolean trusted) {
        String accountId = Accounts.idFor("esia", person.oid);
        IdentifiedPerson identified = new IdentifiedPerson(person.oid, "Фамилия", "Имя", null,
                LocalDate.of(1980, 1, 1), "F", person.snils, email, mobile, trusted, List.of());
        assertThat(accounts.provisionIfAbsent(accountId, identified, false))
                .as("no other test here logs this person in first").isTrue();
        return accountId;
    }
}
