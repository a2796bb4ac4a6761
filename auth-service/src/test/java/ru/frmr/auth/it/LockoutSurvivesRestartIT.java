package ru.frmr.auth.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import ru.frmr.auth.AuthApplication;
import ru.frmr.auth.command.Accounts;
import ru.frmr.contracts.ContractSchemas;
import ru.frmr.contracts.EventTypes;

/**
 * Five wrong one-time codes lock the account; the sixth attempt is refused as locked even with the right
 * code; and the lock holds in a freshly started auth-service on the same database, because it lives in the
 * event-sourced account, not in memory. Contexts are started and stopped by hand to restart for real.
 */
class LockoutSurvivesRestartIT {

    private static final String DATABASE = "auth_lockout_it";
    private static final TestPeople SUPERVISOR = TestPeople.ORLOVA_SUPERVISOR;

    @Test
    void theSixthAttemptIsRefusedAsLockedAndTheLockSurvivesARestart() {
        String accountId = Accounts.idFor("esia", SUPERVISOR.oid);
        try (ConfigurableApplicationContext first = start(); AuthEvents events = new AuthEvents()) {
            Browser browser = new Browser(port(first), "Firefox (supervisor)");
            URI callback = browser.signInAtEmulator(browser.startLogin(), SUPERVISOR.login);
            int before = Mailbox.count(SUPERVISOR.email());
            assertThat(Browser.redirect(browser.get(callback.toString())).getPath())
                    .isEqualTo("/api/auth/second-factor");
            String code = Mailbox.awaitCode(SUPERVISOR.email(), before);
            String wrong = code.equals("000000") ? "000001" : "000000";

            List<Integer> statuses = new ArrayList<>();
            for (int attempt = 1; attempt <= 5; attempt++) {
                statuses.add(browser.postJson("/api/auth/second-factor", "{\"code\":\"" + wrong + "\"}", null)
                        .statusCode());
            }
            assertThat(statuses).containsExactly(400, 400, 400, 400, 423);
            HttpResponse<String> sixth = browser.postJson("/api/auth/second-factor", "{\"code\":\"" + code + "\"}",
                    null);
            AuthIntegrationTest.assertProblem(sixth, 423, "account-locked");
            assertThat(Browser.json(sixth).get("lockedUntil").asText()).isNotBlank();
            assertThat(browser.cookie("frmr_refresh")).isEmpty();

            CloudEvent locked = events.await(accountId, EventTypes.ACCOUNT_LOCKED);
            assertThat(ContractSchemas.violations(locked.getType(), locked.getData().toBytes())).isEmpty();
            assertThat(first.getBean(MeterRegistry.class)
                    .counter("frmr.auth.lockouts").count()).isEqualTo(1.0);
        }

        try (ConfigurableApplicationContext restarted = start()) {
            Browser browser = new Browser(port(restarted), "Firefox (supervisor, after restart)");
            URI callback = browser.signInAtEmulator(browser.startLogin(), SUPERVISOR.login);
            int before = Mailbox.count(SUPERVISOR.email());
            AuthIntegrationTest.assertProblem(browser.get(callback.toString()), 423, "account-locked");
            assertThat(Mailbox.count(SUPERVISOR.email())).as("a locked account gets no code").isEqualTo(before);
        }
    }

    private static ConfigurableApplicationContext start() {
        // As command-line arguments: they outrank application.yml, as they would in a deployment.
        List<String> arguments = new ArrayList<>(List.of("--server.port=0"));
        AuthIntegrationTest.properties(DATABASE).forEach((k, v) -> arguments.add("--" + k + "=" + v));
        return new SpringApplicationBuilder(AuthApplication.class).profiles("local")
                .run(arguments.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((ServletWebServerApplicationContext) context).getWebServer().getPort();
    }
}
