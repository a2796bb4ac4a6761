package ru.frmr.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The employer's side of the portal in a real browser against the platform's processes, the employer service
 * among them: the HR officer of ГБУЗ «Городская поликлиника № 1» (sidorova.hr, its chief in ESIA) finds Иванова by
 * СНИЛС and birth date and asks to link her; Иванова accepts in her cabinet; the HR officer records her hire; her
 * profile and the public register show the employer. Then Иванова raises a discrepancy against the record and the
 * HR officer answers it, which she sees. The HR officer works at a desktop's width, Иванова at a phone's; every
 * page visited is captured at 360 and 1280 px and must pass axe-core, fit a phone and have nothing blocked by its
 * Content-Security-Policy.
 */
@ExtendWith(SharedPlatform.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmployerBrowserIT {

    private static final String IVANOVA = "Иванова Мария Петровна";
    private static final String IVANOVA_SNILS = "112-233-445 95";
    private static final String IVANOVA_BIRTH_DATE = "1985-04-12";
    private static final String SIDOROVA = "sidorova.hr";
    private static final String CLINIC = "ГБУЗ «Городская поликлиника № 1»";
    private static final Duration EVENTUALLY = Duration.ofSeconds(60);

    private Platform platform;
    private String portal;
    private Chromium hr;
    private Chromium worker;

    @BeforeAll
    void takePlatform() throws IOException {
        Chromium.cleanScreenshots(getClass());
        platform = SharedPlatform.get();
        portal = platform.url(Platform.GATEWAY);
        // She enters the public register only with an approved professional entry: one, through the API.
        approvedAccreditationForIvanova();
        hr = Chromium.start(getClass(), Chromium.DESKTOP);
        worker = Chromium.start(getClass(), Chromium.PHONE);
    }

    @AfterAll
    void closeBrowsers() {
        for (Chromium browser : new Chromium[] {hr, worker}) {
            if (browser != null) {
                browser.close();
            }
        }
    }

    @Test
    @Order(1)
    void theHrOfficerFindsIvanovaBySnilsAndBirthDateAndAsksToLinkHer() {
        hr.onFailureScreenshot("hr", () -> {
            signInWithSecondFactor(hr, SIDOROVA, "hr");
            assertThat(hr.bodyText()).contains("Кадровая служба", "Сотрудники организации", "Права кадровиков");
            hr.checkPage("hr-cabinet");

            hr.driver().findElement(By.cssSelector("[data-test=hr-link-link]")).click();
            hr.await(By.cssSelector("[data-test=lookup-form]"));
            hr.checkPage("hr-link");
            // Her record appears in the registry a moment after her first login: the lookup is repeated until then.
            new WebDriverWait(hr.driver(), EVENTUALLY).pollingEvery(Duration.ofSeconds(2))
                    .withMessage(() -> "Иванова found by the lookup; it shows:\n" + hr.bodyText()).until(d -> {
                        d.get(portal + "/hr/link");
                        d.findElement(By.id("snils")).sendKeys(IVANOVA_SNILS);
                        setDate(hr, "birthDate", IVANOVA_BIRTH_DATE);
                        d.findElement(By.cssSelector("[data-test=lookup-submit]")).click();
                        hr.await(By.cssSelector("h1"));
                        return !d.findElements(By.cssSelector("[data-test=found-name]")).isEmpty();
                    });
            assertThat(hr.driver().findElement(By.cssSelector("[data-test=found-name]")).getText()).isEqualTo(IVANOVA);
            // After the lookup the СНИЛС is nowhere: not on the page, not in the address.
            assertThat(hr.driver().getPageSource()).doesNotContain("445 95", "11223344595");
            assertThat(hr.currentUrl()).doesNotContain("445").doesNotContain("snils");
            hr.checkPage("hr-link-found");

            hr.driver().findElement(By.cssSelector("[data-test=send-link-request]")).click();
            hr.await(By.cssSelector("[data-test=flash]"));
            assertThat(hr.currentUrl()).endsWith("/hr/link-requests?tab=sent");
            assertThat(requestRow(hr, IVANOVA).getText()).contains("Организация", "Ожидает ответа");
            hr.checkPage("hr-link-requests-sent");
        });
    }

    @Test
    @Order(2)
    void ivanovaAcceptsTheRequestInHerCabinet() {
        worker.onFailureScreenshot("worker", () -> {
            worker.throughEsia(portal, "ivanova");
            new WebDriverWait(worker.driver(), EVENTUALLY)
                    .until(d -> d.getCurrentUrl().startsWith(portal + "/cabinet"));
            worker.await(By.cssSelector("[data-test=employment-link]")).click();
            By incoming = By.xpath("//*[@data-test='incoming-request'][contains(., '" + CLINIC + "')]");
            worker.reloadUntil(portal + "/employment", incoming, "the clinic's request in her cabinet");
            worker.checkPage("worker-employment-request");

            worker.driver().findElement(incoming).findElement(By.cssSelector("[data-test=accept-request]")).click();
            assertThat(worker.await(By.cssSelector("[data-test=flash]")).getText()).startsWith("Запрос принят");
            assertThat(worker.driver().findElements(incoming)).isEmpty();
            worker.checkPage("worker-employment-accepted");
        });
    }

    @Test
    @Order(3)
    void theHrOfficerRecordsTheHire() {
        hr.onFailureScreenshot("hr", () -> {
            By accepted = By.xpath("//*[@data-test='link-request'][.//*[@data-test='request-worker'][normalize-space()='"
                    + IVANOVA + "']]");
            hr.reloadUntil(portal + "/hr/link-requests?tab=accepted", accepted, "her accepted request");
            hr.checkPage("hr-link-requests-accepted");
            hr.driver().findElement(accepted).findElement(By.cssSelector("[data-test=record-employment]")).click();

            hr.await(By.cssSelector("[data-test=hire-form]"));
            hr.checkPage("hr-worker-before-hire");
            new Select(hr.driver().findElement(By.id("hire-positionCode"))).selectByValue("THERAPIST");
            hr.driver().findElement(By.id("hire-department")).sendKeys("Терапевтическое отделение");
            new Select(hr.driver().findElement(By.id("hire-rate"))).selectByValue("1");
            new Select(hr.driver().findElement(By.id("hire-contractKind"))).selectByValue("MAIN");
            hr.driver().findElement(By.id("hire-contractNumber")).sendKeys("ТД-15/2026");
            setDate(hr, "hire-contractDate", "2026-02-01");
            setDate(hr, "hire-startDate", "2026-02-02");
            hr.driver().findElement(By.cssSelector("[data-test=hire-submit]")).click();

            assertThat(hr.await(By.cssSelector("[data-test=flash]")).getText())
                    .startsWith("Сотрудник принят на работу");
            By employment = By.cssSelector("[data-test=employment][data-status=ACTIVE]");
            hr.reloadUntil(hr.currentUrl(), employment, "the hire on her page");
            assertThat(hr.driver().findElement(employment).getText()).contains("Врач-терапевт",
                    "Терапевтическое отделение", "№ ТД-15/2026 от 01.02.2026", "02.02.2026", "Работает");
            hr.checkPage("hr-worker-hired");

            By staffRow = By.xpath("//*[@data-test='staff-row'][.//*[normalize-space()='" + IVANOVA + "']]");
            hr.reloadUntil(portal + "/hr?status=ACTIVE", staffRow, "her in the staff list");
            assertThat(hr.driver().findElement(By.cssSelector("[data-test=staff-csv]")).getAttribute("href"))
                    .contains("/hr/staff.csv");
            hr.checkPage("hr-staff");
        });
    }

    @Test
    @Order(4)
    void herProfileAndThePublicRegisterShowTheEmployer() {
        worker.onFailureScreenshot("worker", () -> {
            By job = By.xpath("//*[@data-test='employment-item'][contains(., '" + CLINIC + "')]");
            worker.reloadUntil(portal + "/profile", job, "the employer on her profile");
            assertThat(worker.driver().findElement(job).getText()).contains("Врач-терапевт");
            worker.checkPage("worker-profile-employer");

            By found = By.xpath("//*[@data-test='register-item'][.//*[normalize-space()='" + IVANOVA + "']]"
                    + "[contains(., '" + CLINIC + "')]");
            worker.reloadUntil(portal + "/search?q=" + URLEncoder.encode("Иванова", StandardCharsets.UTF_8), found,
                    "the employer beside her in the public register");
            assertThat(worker.driver().findElement(found).getText()).doesNotContain("112-233-445");
            worker.checkPage("worker-search-employer");
        });
    }

    @Test
    @Order(5)
    void ivanovaRaisesADiscrepancyAndTheHrOfficerAnswersIt() {
        worker.onFailureScreenshot("worker", () -> {
            By employment = By.cssSelector("[data-test=employment][data-status=ACTIVE]");
            worker.reloadUntil(portal + "/employment", employment, "her employment on the employment page");
            worker.driver().findElement(employment).findElement(By.cssSelector("[data-test=raise-discrepancy]"))
                    .click();
            worker.await(By.cssSelector("[data-test=discrepancy-form]"));
            assertThat(worker.bodyText()).contains("в течение 3 рабочих дней");
            worker.checkPage("worker-discrepancy-form");
            new Select(worker.driver().findElement(By.id("field"))).selectByValue("RATE");
            worker.driver().findElement(By.id("recordedValue")).sendKeys("1");
            worker.driver().findElement(By.id("correctValue")).sendKeys("0,75");
            worker.driver().findElement(By.id("comment")).sendKeys("Работаю на 0,75 ставки по дополнительному соглашению");
            worker.driver().findElement(By.cssSelector("[data-test=discrepancy-submit]")).click();

            assertThat(worker.await(By.cssSelector("[data-test=flash]")).getText())
                    .startsWith("Расхождение отправлено работодателю. Ответ — не позднее ");
            By open = By.cssSelector("[data-test=discrepancy][data-status=OPEN]");
            worker.reloadUntil(portal + "/employment", open, "her discrepancy awaiting the answer");
            assertThat(worker.driver().findElement(open).getText()).contains("Ставка", "1 → 0,75", "Ожидает ответа");
            worker.checkPage("worker-discrepancy-open");
        });
        hr.onFailureScreenshot("hr", () -> {
            By raised = By.xpath("//*[@data-test='discrepancy'][contains(., '" + IVANOVA + "')]");
            hr.reloadUntil(portal + "/hr/discrepancies", raised, "her discrepancy in the HR officer's list");
            WebElement item = hr.driver().findElement(raised);
            assertThat(item.findElement(By.cssSelector("[data-test=due-date]")).getText()).matches(
                    "\\d{2}\\.\\d{2}\\.\\d{4}.*");
            assertThat(item.getAttribute("data-overdue")).isEqualTo("false");
            hr.checkPage("hr-discrepancies");
            item.findElement(By.cssSelector("input[value=EXPLAINED]")).click();
            item.findElement(By.cssSelector("textarea[name=explanation]"))
                    .sendKeys("Дополнительное соглашение о 0,75 ставки не подписано");
            item.findElement(By.cssSelector("[data-test=answer-submit]")).click();
            assertThat(hr.await(By.cssSelector("[data-test=flash]")).getText()).isEqualTo("Ответ отправлен работнику");
            hr.checkPage("hr-discrepancies-answered");
        });
        worker.onFailureScreenshot("worker", () -> {
            By answered = By.cssSelector("[data-test=discrepancy][data-status=ANSWERED]");
            worker.reloadUntil(portal + "/employment", answered, "the answer to her discrepancy");
            assertThat(worker.driver().findElement(answered).getText()).contains("Ответ дан",
                    "Дано разъяснение: Дополнительное соглашение о 0,75 ставки не подписано");
            worker.checkPage("worker-discrepancy-answered");
        });
    }

    @Test
    @Order(6)
    void noLogOfTheRunHoldsHerSnils() throws IOException {
        List<Path> logs = platform.logFiles();
        assertThat(logs).isNotEmpty();
        for (Path log : logs) {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            // Her СНИЛС went from the HR officer's form to the registry's lookup: in no form in any log.
            for (String form : List.of(IVANOVA_SNILS, "11223344595", "112-233-445-95", "112233445", "000-000-600 06")) {
                assertThat(text).as("СНИЛС in %s", log).doesNotContain(form);
            }
        }
    }

    // --- steps -------------------------------------------------------------------------------------------------

    /** "Войти через Госуслуги" on the start page, then the emulator's login and SMS code pages. */

    /** An HR officer's account asks for the second factor: the code mailed to them, on the portal's code page. */
    private void signInWithSecondFactor(Chromium browser, String login, String device) {
        int mailsBefore = Login.mailsTo(platform, login).size();
        browser.throughEsia(portal, login);
        browser.await(By.cssSelector("[data-test=code-sent-to]"));
        browser.checkPage(device + "-code");
        browser.driver().findElement(By.id("code")).sendKeys(Login.awaitCode(platform, login, mailsBefore));
        browser.driver().findElement(By.cssSelector("[data-test=code-submit]")).click();
        new WebDriverWait(browser.driver(), EVENTUALLY).until(d -> d.getCurrentUrl().startsWith(portal + "/cabinet"));
    }

    /** The browser's own date picker is not what is tested: the field gets its value as a picker sets it. */
    private static void setDate(Chromium browser, String id, String isoDate) {
        browser.driver().executeScript("arguments[0].value = arguments[1];",
                browser.driver().findElement(By.id(id)), isoDate);
    }

    private static WebElement requestRow(Chromium browser, String name) {
        return browser.await(By.xpath("//*[@data-test='link-request'][contains(., '" + name + "')]"));
    }

    /** Opens {@code url} until {@code what} is on it: what the page shows follows the platform's read models. */

    /** What the browser showed when a step went wrong, beside the pages before it. */

    /**
     * Иванова's record (made at her first login, this or another class's), an accreditation confirmed by her step-up
     * code and approved by the administrator, so the public register lists her: the register's own path, covered by
     * PortalBrowserIT. Its specialty is this class's own: the registry refuses overlapping periods in one specialty,
     * and the platform is shared.
     */
    private void approvedAccreditationForIvanova() {
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
                        {"kind":"ADD","entry":{"section":"ACCREDITATION","kind":"PERIODIC","protocolNumber":"П-21/2024",
                         "protocolDate":"2024-06-01","specialtyCode":"31.08.42"}}""");
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
        String changeId = submitted.json().get("changeId").asText();

        Api asAdmin = gateway.as(Login.as(platform, "kuznetsov.admin").accessToken());
        await().atMost(EVENTUALLY).until(() -> asAdmin.get("/api/registry/moderation/queue?size=100").body()
                .contains(changeId));
        JsonNode queued = StreamSupport.stream(asAdmin.get("/api/registry/moderation/queue?size=100").json()
                        .get("items").spliterator(), false)
                .filter(item -> item.get("changeId").asText().equals(changeId)).findFirst().orElseThrow();
        Api.Response approved = asAdmin.post("/api/registry/workers/" + queued.get("workerId").asText() + "/changes/"
                + changeId + "/approve", "");
        assertThat(approved.status()).as(approved.body()).isEqualTo(204);
    }
}
