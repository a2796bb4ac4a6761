package ru.frmr.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ru.frmr.infra.embedded.EmbeddedSmtp;

/**
 * Logs a test person in the way a browser does: gateway → auth-service → the ESIA emulator's login and
 * code pages → callback → (the platform's e-mailed one-time code where the role demands it) → access token.
 */
final class Login {

    static final String PASSWORD = "Passw0rd!";
    static final String ESIA_SMS_CODE = "123456";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SIX_DIGITS = Pattern.compile("\\b(\\d{6})\\b");
    /** What auth-service's mails of a one-time code say (CodeMailer). */
    private static final String CODE_MAIL = "одноразовый код";

    /** A logged-in person: their browser (with the refresh cookie), access token and its claims. */
    record Session(Browser browser, String accessToken, JsonNode claims) {

        String workerId() {
            return claims.path("worker_id").asText(null);
        }

        String sessionId() {
            return claims.path("sid").asText();
        }
    }

    private Login() {
    }

    static Session as(Platform platform, String login) {
        Browser browser = new Browser();
        String gateway = platform.url(Platform.GATEWAY);
        Browser.Page start = browser.get(URI.create(gateway + "/api/auth/esia/login"));
        assertThat(start.status()).as(start.body()).isEqualTo(302);
        assertThat(start.location()).startsWith(platform.url(Platform.EMULATOR) + "/aas/oauth2/v2/ac?");

        Browser.Page loginPage = browser.follow(start, null);
        Browser.Page codePage = browser.follow(
                browser.submit(loginPage.form(), Map.of("login", login, "password", PASSWORD)), null);
        Browser.Page backToUs = browser.submit(codePage.form(), Map.of("code", ESIA_SMS_CODE));
        assertThat(backToUs.location()).as(backToUs.body()).startsWith(gateway + "/api/auth/esia/callback?code=");

        int mailsBefore = mailsTo(platform, login).size();
        Browser.Page callback = browser.get(URI.create(backToUs.location()));
        assertThat(callback.status()).as(callback.body()).isEqualTo(302);
        Browser.Page tokenAnswer;
        if (callback.location().endsWith("/api/auth/second-factor")) {
            String code = awaitCode(platform, login, mailsBefore);
            tokenAnswer = browser.postJson(URI.create(gateway + "/api/auth/second-factor"),
                    "{\"code\":\"" + code + "\"}", null);
        } else {
            assertThat(callback.location()).isEqualTo(gateway + "/");
            tokenAnswer = browser.postJson(URI.create(gateway + "/api/auth/token"), "", null);
        }
        assertThat(tokenAnswer.status()).as(tokenAnswer.body()).isEqualTo(200);
        String accessToken = json(tokenAnswer.body()).get("access_token").asText();
        return withWorkerId(platform, new Session(browser, accessToken, claims(accessToken)));
    }

    /**
     * A medical worker's first login may end before the registry announced their registry number (auth waits only
     * a few seconds); the number then comes with a later token, as the portal's next refresh would get it.
     */
    private static Session withWorkerId(Platform platform, Session session) {
        boolean worker = false;
        for (JsonNode role : session.claims().path("roles")) {
            worker |= "WORKER".equals(role.asText());
        }
        if (!worker || session.workerId() != null) {
            return session;
        }
        Session[] current = {session};
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            current[0] = refresh(platform, current[0]);
            return current[0].workerId() != null;
        });
        return current[0];
    }

    /** A new access token for {@code session} (the refresh cookie rotates). */
    static Session refresh(Platform platform, Session session) {
        Browser.Page answer = session.browser().postJson(
                URI.create(platform.url(Platform.GATEWAY) + "/api/auth/token"), "", null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        String accessToken = json(answer.body()).get("access_token").asText();
        return new Session(session.browser(), accessToken, claims(accessToken));
    }

    /**
     * The platform's one-time code for {@code login}, from the newest of auth-service's code mails after
     * {@code mailsBefore}: notification-service writes to the same people meanwhile (a login from a new device, a
     * licence about to end), and those mails carry no code.
     */
    static String awaitCode(Platform platform, String login, int mailsBefore) {
        List<EmbeddedSmtp.Mail> codes = await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<EmbeddedSmtp.Mail> mails = mailsTo(platform, login);
            return mails.subList(Math.min(mailsBefore, mails.size()), mails.size()).stream()
                    .filter(mail -> mail.text().contains(CODE_MAIL)).toList();
        }, found -> !found.isEmpty());
        Matcher m = SIX_DIGITS.matcher(codes.get(codes.size() - 1).text());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    static List<EmbeddedSmtp.Mail> mailsTo(Platform platform, String login) {
        return platform.smtp().messagesTo(login + "@frmr.test");
    }

    static JsonNode claims(String jwt) {
        String[] parts = jwt.split("\\.");
        return json(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON: " + text, e);
        }
    }
}
