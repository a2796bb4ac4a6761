package ru.frmr.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import ru.frmr.infra.embedded.EmbeddedSmtp;

/**
 * Notices and support requests in a real browser against the platform's processes, notification-service among them.
 * The registry administrator approves an accreditation of Иванова whose protocol is five years old but for 20 days,
 * so it ends in 20 days: the registry's expiry sweep announces it (the 30-day notice), notification-service mails her
 * and puts the notice in her cabinet's inbox, where the header shows the unread count, and she marks it read. Then
 * she files a support request and gets its ticket number at once; the support officer (Сергеева, SUPPORT role) finds
 * it in the queue, takes and answers it; Иванова reads the answer on the request's page, in her inbox and in her
 * mail. Иванова browses at a phone's width, the support officer at a desktop's; every page visited is captured at 360
 * and 1280 px and must pass axe-core, fit a phone and have nothing blocked by its Content-Security-Policy.
 */
@ExtendWith(SharedPlatform.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotificationsBrowserIT {

    private static final String IVANOVA_MAIL = "ivanova@frmr.test";
    private static final String SUPPORT_OFFICER = "sergeeva.support";
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final DateTimeFormatter RUSSIAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final Duration EVENTUALLY = Duration.ofSeconds(60);
    /** This class's own specialty: the registry refuses an accreditation overlapping another in one specialty. */
    private static final String SPECIALTY = "31.08.54";
    /**
     * The registry looks for due expiry notices once a minute ({@code frmr.registry.expiry.sweep-interval}): the
     * notice is out within a minute of the approval, then passes Kafka and notification-service's outbox.
     */
    private static final Duration EXPIRY_NOTICE = Duration.ofSeconds(100);
    private static final String QUESTION = "Справка о квалификации не скачивается: после нажатия кнопки ничего "
            + "не происходит.";
    private static final String ANSWER = "Мы проверили: справка готова. Обновите страницу «Справки» и нажмите "
            + "«Скачать PDF» ещё раз.";

    private Platform platform;
    private String portal;
    private Chromium worker;
    private Chromium support;
    private LocalDate endDate;
    private String ticketNumber;
    private String requestPath;

    @BeforeAll
    void takePlatform() throws IOException {
        Chromium.cleanScreenshots(getClass());
        platform = SharedPlatform.get();
        portal = platform.url(Platform.GATEWAY);
        worker = Chromium.start(getClass(), Chromium.PHONE);
        support = Chromium.start(getClass(), Chromium.DESKTOP);
    }

    @AfterAll
    void closeBrowsers() {
        for (Chromium browser : new Chromium[] {worker, support}) {
            if (browser != null) {
                browser.close();
            }
        }
    }

    @Test
    @Order(1)
    void anAccreditationEndingIn20DaysReachesIvanovaByMailAndInHerInboxAndSheMarksItRead() {
        worker.onFailureScreenshot("worker", () -> {
            // Her account (and the address notices go to) and her record come into being at her first login, which
            // may be this one or another class's on the shared platform.
            worker.throughEsia(portal, "ivanova");
            new WebDriverWait(worker.driver(), EVENTUALLY)
                    .until(d -> d.getCurrentUrl().startsWith(portal + "/cabinet"));
            worker.await(By.cssSelector("[data-test=notifications-link]"));
            worker.checkPage("worker-cabinet-with-notifications-link");

            endDate = approvedAccreditationEndingIn20Days();

            String endDateText = RUSSIAN_DATE.format(endDate);
            List<EmbeddedSmtp.Mail> mails = await("the licence-expiring e-mail to " + IVANOVA_MAIL)
                    .atMost(EXPIRY_NOTICE).pollInterval(Duration.ofSeconds(1))
                    .until(() -> platform.smtp().messagesTo(IVANOVA_MAIL).stream()
                            .filter(mail -> mail.subject().contains("истекает " + endDateText)).toList(),
                            found -> !found.isEmpty());
            assertThat(mails).hasSize(1);
            assertThat(mails.get(0).text()).contains(endDateText);

            By notice = By.xpath("//*[@data-test='notice'][@data-kind='LICENSE_EXPIRING'][contains(., '" + endDateText
                    + "')]");
            worker.reloadUntil(portal + "/notifications", notice, "the licence notice in her inbox");
            WebElement licence = worker.driver().findElement(notice);
            assertThat(licence.getAttribute("data-read")).isEqualTo("false");
            assertThat(licence.getText()).contains(endDateText, "Новое");
            int unread = badge();
            assertThat(unread).as("the header's unread count").isPositive();
            assertThat(worker.driver().findElement(By.cssSelector("[data-test=unread-count]")).getText())
                    .isEqualTo("Непрочитанных: " + unread);
            worker.checkPage("worker-inbox-unread");

            // htmx swaps the list and the header's count in place.
            licence.findElement(By.cssSelector("[data-test=mark-read]")).click();
            new WebDriverWait(worker.driver(), Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                    .withMessage(() -> "the notice read and the header's count one less; the page shows:\n"
                            + worker.bodyText())
                    .until(d -> "true".equals(d.findElement(notice).getAttribute("data-read"))
                            && badge() == unread - 1);
            assertThat(worker.driver().findElement(By.cssSelector("[data-test=unread-count]")).getText())
                    .isEqualTo(unread == 1 ? "Непрочитанных нет" : "Непрочитанных: " + (unread - 1));
            worker.checkPage("worker-inbox-read");

            worker.driver().findElement(By.cssSelector("[data-test=settings-link]")).click();
            worker.await(By.cssSelector("[data-test=preferences-form]"));
            assertThat(worker.driver().findElement(By.cssSelector("[data-test=pref-NEW_DEVICE_LOGIN-EMAIL]"))
                    .isEnabled()).as("a security notice cannot be switched off").isFalse();
            assertThat(worker.driver().findElement(By.cssSelector("[data-test=pref-LICENSE_EXPIRING-EMAIL]"))
                    .isSelected()).isTrue();
            worker.checkPage("worker-notification-settings");
        });
    }

    @Test
    @Order(2)
    void ivanovaFilesASupportRequestAndGetsItsTicketNumberAtOnce() {
        worker.onFailureScreenshot("worker", () -> {
            worker.open(portal + "/cabinet");
            worker.await(By.cssSelector("[data-test=support-link]")).click();
            worker.await(By.cssSelector("[data-test=new-request]")).click();
            worker.await(By.cssSelector("[data-test=support-form]"));
            worker.checkPage("worker-support-form");

            new Select(worker.driver().findElement(By.id("topic"))).selectByValue("CERTIFICATES");
            worker.driver().findElement(By.id("text")).sendKeys(QUESTION);
            worker.driver().findElement(By.id("answerChannel-EMAIL")).click();
            worker.driver().findElement(By.cssSelector("[data-test=support-submit]")).click();

            ticketNumber = worker.await(By.cssSelector("[data-test=ticket-number]")).getText();
            assertThat(ticketNumber).matches("ФРМР-" + LocalDate.now(MOSCOW).getYear() + "-\\d{6,}");
            requestPath = worker.driver().findElement(By.cssSelector("[data-test=open-request]"))
                    .getAttribute("href").replace(portal, "");
            assertThat(requestPath).matches("/support/[0-9a-f-]{36}");
            worker.checkPage("worker-support-filed");

            worker.reloadUntil(portal + "/support",
                    By.xpath("//*[@data-test='request'][.//a[text()='" + ticketNumber + "']]"),
                    "her request in the list");
            worker.checkPage("worker-support-list");
        });
    }

    @Test
    @Order(3)
    void theSupportOfficerFindsItInTheQueueTakesItAndAnswers() {
        support.onFailureScreenshot("support", () -> {
            assertThat(ticketNumber).as("the request of the previous step").isNotNull();
            // Not logged in yet: the form for people who cannot log in is reachable and accessible too.
            support.open(portal + "/");
            support.await(By.cssSelector("[data-test=public-support]")).click();
            support.await(By.cssSelector("[data-test=support-form]"));
            assertThat(support.driver().findElements(By.id("email"))).hasSize(1);
            support.checkPage("public-support-form");

            int mailsBefore = Login.mailsTo(platform, SUPPORT_OFFICER).size();
            support.throughEsia(portal, SUPPORT_OFFICER);
            support.await(By.cssSelector("[data-test=code-sent-to]"));
            support.driver().findElement(By.id("code")).sendKeys(Login.awaitCode(platform, SUPPORT_OFFICER,
                    mailsBefore));
            support.driver().findElement(By.cssSelector("[data-test=code-submit]")).click();
            new WebDriverWait(support.driver(), EVENTUALLY)
                    .until(d -> d.getCurrentUrl().startsWith(portal + "/cabinet"));
            support.await(By.cssSelector("[data-test=support-queue-link]")).click();

            By item = By.cssSelector("[data-test=queue-item][data-ticket='" + ticketNumber + "']");
            support.reloadUntil(portal + "/support/queue", item, "her request in the queue");
            WebElement row = support.driver().findElement(item);
            assertThat(row.findElement(By.cssSelector("[data-test=time-left]")).getText())
                    .matches("осталось (2[0-3]|1?\\d) ч( \\d{1,2} мин)?|осталось \\d{1,2} мин");
            support.checkPage("support-queue");

            row.findElement(By.cssSelector("[data-test=queue-link]")).click();
            assertThat(support.await(By.cssSelector("[data-test=request-status]")).getText()).isEqualTo("Новое");
            assertThat(support.bodyText()).contains(QUESTION);
            support.checkPage("support-request-new");
            String requestPage = support.currentUrl();
            support.driver().findElement(By.cssSelector("[data-test=take]")).click();

            // The request's view follows the command a moment later: the page is opened again until it is in work.
            support.reloadUntil(requestPage, By.cssSelector("[data-test=answer-form]"), "the request in work");
            assertThat(support.driver().findElement(By.cssSelector("[data-test=request-status]")).getText())
                    .isEqualTo("В работе");
            support.driver().findElement(By.id("answer")).sendKeys(ANSWER);
            support.driver().findElement(By.cssSelector("[data-test=send-answer]")).click();
            assertThat(support.await(By.cssSelector("[data-test=flash]")).getText()).isEqualTo("Ответ отправлен.");
            support.reloadUntil(requestPage, By.xpath("//*[@data-test='message'][@data-author='SUPPORT']"),
                    "the answer on the request's page");
            support.checkPage("support-request-answered");
        });
    }

    @Test
    @Order(4)
    void ivanovaReadsTheAnswerOnHerRequestInHerInboxAndByMail() {
        worker.onFailureScreenshot("worker", () -> {
            assertThat(requestPath).as("the request of step 2").isNotNull();
            By answer = By.xpath("//*[@data-test='message'][@data-author='SUPPORT']");
            worker.reloadUntil(portal + requestPath, answer, "support's answer on her request");
            assertThat(worker.driver().findElement(answer).getText()).contains(ANSWER);
            assertThat(worker.driver().findElement(By.cssSelector("[data-test=request-status]")).getText())
                    .isEqualTo("Есть ответ");
            assertThat(worker.driver().findElements(By.cssSelector("[data-test=close]"))).hasSize(1);
            worker.checkPage("worker-support-answered");

            By notice = By.xpath("//*[@data-test='notice'][@data-kind='SUPPORT_ANSWERED'][contains(., '" + ticketNumber
                    + "')]");
            worker.reloadUntil(portal + "/notifications", notice, "the answer in her inbox");
            assertThat(worker.driver().findElement(notice).getText()).contains(ticketNumber);
            assertThat(badge()).isPositive();
            worker.checkPage("worker-inbox-answer");

            // She chose the answer by e-mail: it goes there too (and the cabinet's inbox always has it).
            List<EmbeddedSmtp.Mail> mails = await("the answer by e-mail").atMost(EVENTUALLY)
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> platform.smtp().messagesTo(IVANOVA_MAIL).stream()
                            .filter(mail -> mail.subject().contains(ticketNumber)
                                    && mail.text().contains(ANSWER)).toList(), found -> !found.isEmpty());
            assertThat(mails).hasSize(1);
        });
    }

    // --- steps -------------------------------------------------------------------------------------------------

    /**
     * Her accreditation with a protocol of five years ago less 20 days (an accreditation lasts five years from its
     * protocol, so it ends in 20 days), confirmed by her step-up code and approved by the registry administrator,
     * through the API: the register's own path is PortalBrowserIT's.
     *
     * @return the accreditation's end date as the registry computes it
     */
    private LocalDate approvedAccreditationEndingIn20Days() {
        LocalDate protocolDate = LocalDate.now(MOSCOW).minusYears(5).plusDays(20);
        String protocolNumber = "П-77/" + protocolDate.getYear();
        Api gateway = new Api(portal);
        Login.Session ivanova = Login.as(platform, "ivanova");
        String workerId = ivanova.workerId();
        Api asWorker = gateway.as(ivanova.accessToken());
        await().atMost(EVENTUALLY).until(() -> asWorker.get("/api/registry/workers/" + workerId).status() == 200);
        int mailsBefore = Login.mailsTo(platform, "ivanova").size();
        assertThat(asWorker.post("/api/auth/step-up", "").status()).isEqualTo(202);
        Api.Response confirmed = asWorker.post("/api/auth/step-up/verify",
                "{\"code\":\"" + Login.awaitCode(platform, "ivanova", mailsBefore) + "\"}");
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        Api.Response submitted = gateway.as(confirmed.json().get("access_token").asText())
                .post("/api/registry/workers/" + workerId + "/changes", """
                        {"kind":"ADD","entry":{"section":"ACCREDITATION","kind":"PERIODIC","protocolNumber":"%s",
                         "protocolDate":"%s","specialtyCode":"%s"}}"""
                        .formatted(protocolNumber, protocolDate, SPECIALTY));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
        String changeId = submitted.json().get("changeId").asText();

        Api asAdmin = gateway.as(Login.as(platform, "kuznetsov.admin").accessToken());
        await().atMost(EVENTUALLY).until(() -> asAdmin.get("/api/registry/moderation/queue?size=100").body()
                .contains(changeId));
        JsonNode queued = StreamSupport.stream(asAdmin.get("/api/registry/moderation/queue?size=100").json()
                        .get("items").spliterator(), false)
                .filter(item -> item.get("changeId").asText().equals(changeId)).findFirst().orElseThrow();
        Api.Response approved = asAdmin.post("/api/registry/workers/" + queued.get("workerId").asText()
                + "/changes/" + changeId + "/approve", "");
        assertThat(approved.status()).as(approved.body()).isEqualTo(204);

        JsonNode accreditation = await().atMost(EVENTUALLY).until(() -> StreamSupport.stream(
                        asWorker.get("/api/registry/workers/" + workerId).json().path("sections")
                                .path("ACCREDITATION").spliterator(), false)
                .filter(item -> "APPROVED".equals(item.path("status").asText())
                        && protocolNumber.equals(item.path("entry").path("protocolNumber").asText()))
                .findFirst().orElse(null),
                item -> item != null);
        LocalDate end = LocalDate.parse(accreditation.path("endDate").asText());
        assertThat(end).as("five years after the protocol").isEqualTo(protocolDate.plusYears(5));
        return end;
    }

    /** The header's unread count on the current page; 0 without a badge. */
    private int badge() {
        List<WebElement> badge = worker.driver().findElements(By.cssSelector("[data-test=unread-badge]"));
        return badge.isEmpty() ? 0 : Integer.parseInt(badge.get(0).getText().strip());
    }
}
