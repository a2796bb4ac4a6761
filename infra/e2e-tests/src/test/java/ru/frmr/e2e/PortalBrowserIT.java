package ru.frmr.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

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
 * The portal in a real browser against the platform's processes, as people use it: the start page and the public
 * register without login; a worker signs in through Госуслуги (the ESIA emulator) into her cabinet and profile;
 * her accreditation awaits moderation; an administrator signs in with the second factor and approves it from the
 * queue; her profile shows it approved and the public register finds her; she ends her session on another
 * device; the portal's own 404 page. The same path
 * at a phone's width. Every page visited is captured at 360 and 1280 px and must pass axe-core, fit a phone and
 * have nothing blocked by its Content-Security-Policy.
 */
@ExtendWith(SharedPlatform.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalBrowserIT {

    private static final String IVANOVA = "Иванова Мария Петровна";
    private static final Duration EVENTUALLY = Duration.ofSeconds(60);

    private Platform platform;
    private String portal;

    @BeforeAll
    void takePlatform() throws IOException {
        Chromium.cleanScreenshots(getClass());
        platform = SharedPlatform.get();
        // The portal is reached through the gateway only: "/" and every path that is not an API's.
        portal = platform.url(Platform.GATEWAY);
    }

    @Test
    @Order(1)
    void theMainPathOnADesktop() {
        mainPath(Chromium.DESKTOP, "desktop", "П-17/2024", "31.08.49");
    }

    @Test
    @Order(2)
    void theMainPathOnAPhone() {
        // Another specialty: the registry refuses a second accreditation period overlapping the first in one.
        mainPath(Chromium.PHONE, "phone", "П-18/2024", "31.08.12");
    }

    /**
     * The worker's and the administrator's way through the portal, each in a fresh browser (no cookies) of
     * {@code width}: start page, login, cabinet, profile, an accreditation awaiting moderation, the administrator's
     * approval from the queue, the approved entry in her profile and in the public register.
     */
    private void mainPath(int width, String device, String protocolNumber, String specialtyCode) {
        try (Chromium worker = Chromium.start(getClass(), width)) {
            worker.onFailureScreenshot(device, () -> {
                startPageAndPublicSearch(worker, device);
                signInAsIvanova(worker, device);
                profileAndJournal(worker, device);
            });
            worker.onFailureScreenshot(device, () -> {
                submitAccreditation(worker, device, protocolNumber, specialtyCode);
                accreditationAwaitsModeration(worker, device, protocolNumber);
            });
            try (Chromium admin = Chromium.start(getClass(), width)) {
                admin.onFailureScreenshot(device + "-admin", () -> approveFromTheQueue(admin, device, protocolNumber));
            }
            worker.onFailureScreenshot(device, () -> {
                accreditationApproved(worker, device, protocolNumber);
                publicRegisterFindsHer(worker, device);
                endHerOtherSession(worker, device);
                anUnknownAddressShowsThePortalsNotFoundPage(worker, device);
            });
        }
    }

    /** What the browser showed when a step went wrong, beside the pages before it. */

    private void startPageAndPublicSearch(Chromium browser, String device) {
        browser.open(portal + "/");
        browser.await(By.cssSelector("[data-test=esia-login]"));
        assertThat(browser.driver().getTitle()).isEqualTo("Реестр медицинских работников — ФРМР");
        assertThat(browser.bodyText()).contains("Личный кабинет медицинского работника", "Войти через Госуслуги",
                "Поиск в открытом реестре");
        browser.checkPage(device + "-start");

        // The search form is a GET form that htmx improves: the results are swapped in and the address follows.
        browser.driver().findElement(By.id("q")).sendKeys("Никтоневнесённый");
        browser.driver().findElement(By.cssSelector("[data-test=search-submit]")).click();
        browser.await(By.cssSelector("[data-test=result-count]"));
        assertThat(browser.driver().findElement(By.cssSelector("[data-test=result-count]")).getText())
                .isEqualTo("Найдено: 0");
        assertThat(browser.bodyText()).contains("Никого не нашлось");
        new WebDriverWait(browser.driver(), EVENTUALLY).until(d -> d.getCurrentUrl().contains("/search?"));
        browser.checkPage(device + "-search-nobody");
    }

    /** Signed in, an address the portal does not have: its own 404 page, not the gateway's JSON. */
    private void anUnknownAddressShowsThePortalsNotFoundPage(Chromium browser, String device) {
        browser.open(portal + "/no-such-page");
        browser.await(By.cssSelector("[data-test=error-page][data-status='404']"));
        assertThat(browser.driver().getTitle()).isEqualTo("Страница не найдена — ФРМР");
        assertThat(browser.bodyText()).contains("Страница не найдена", "На главную").doesNotContain("{");
        browser.checkPage(device + "-not-found");
    }

    /** "Войти через Госуслуги" on the start page, then the emulator's login and SMS code pages. */
    private void throughEsia(Chromium browser, String login, String device) {
        browser.open(portal + "/");
        browser.await(By.cssSelector("[data-test=esia-login]")).click();

        browser.await(By.id("login")).sendKeys(login);
        assertThat(browser.currentUrl()).startsWith(platform.url(Platform.EMULATOR) + "/idp/login");
        browser.checkPage(device + "-esia-login");
        browser.driver().findElement(By.id("password")).sendKeys(Login.PASSWORD);
        browser.driver().findElement(By.cssSelector("button[type=submit]")).click();
        browser.await(By.id("code")).sendKeys(Login.ESIA_SMS_CODE);
        browser.checkPage(device + "-esia-code");
        browser.driver().findElement(By.cssSelector("button[type=submit]")).click();
    }

    private void signInAsIvanova(Chromium browser, String device) {
        throughEsia(browser, "ivanova", device);

        // Back at the portal, signed in: her cabinet with her name. A first login may come before the registry
        // made her record; the cabinet says so, and a reload (what she would do) shows it.
        new WebDriverWait(browser.driver(), EVENTUALLY).until(d -> d.getCurrentUrl().startsWith(portal + "/cabinet"));
        new WebDriverWait(browser.driver(), EVENTUALLY).pollingEvery(Duration.ofSeconds(2))
                .withMessage(() -> "her name on the cabinet; it shows:\n" + browser.bodyText()).until(d -> {
                    if (IVANOVA.equals(browser.await(By.cssSelector("[data-test=cabinet-name]")).getText())) {
                        return true;
                    }
                    d.navigate().refresh();
                    return false;
                });
        assertThat(browser.driver().findElement(By.cssSelector("[data-test=account-name]")).getText())
                .isEqualTo(IVANOVA);
        assertThat(browser.driver().findElement(By.cssSelector("[data-test=account-status]")).getText())
                .isEqualTo("Активна");
        assertThat(browser.bodyText()).contains("Что требует внимания", "Профиль", "Сеансы", "Выйти")
                // A worker's menu: nothing of an administrator's, supervisor's or auditor's.
                .doesNotContain("Модерация", "Журнал аудита", "Поиск работника");
        browser.checkPage(device + "-cabinet");
    }

    private void profileAndJournal(Chromium browser, String device) {
        browser.driver().findElement(By.linkText("Профиль")).click();
        assertThat(browser.await(By.cssSelector("[data-test=profile-name]")).getText()).isEqualTo(IVANOVA);
        // Her own profile shows her СНИЛС in full; her personal data came from ESIA.
        assertThat(browser.driver().findElement(By.cssSelector("[data-test=snils]")).getText())
                .isEqualTo("112-233-445 95");
        assertThat(browser.bodyText()).contains("Аккредитация");
        browser.checkPage(device + "-profile");

        browser.driver().findElement(By.linkText("Журнал изменений")).click();
        browser.await(By.cssSelector("[data-test=journal]"));
        browser.checkPage(device + "-journal");
    }

    /**
     * Her accreditation through the profile's form: specialty and kind from the registry's dictionaries, then the
     * step-up page with the code mailed to her, then the confirmation that it went to moderation.
     */
    private void submitAccreditation(Chromium browser, String device, String protocolNumber, String specialtyCode) {
        browser.open(portal + "/profile");
        browser.await(By.cssSelector("[data-test=add-accreditation]")).click();
        browser.await(By.cssSelector("[data-test=change-form]"));
        browser.checkPage(device + "-accreditation-form");

        new Select(browser.driver().findElement(By.id("kind"))).selectByValue("PERIODIC");
        browser.driver().findElement(By.id("protocolNumber")).sendKeys(protocolNumber);
        // The browser's own date picker is not what is tested here: the field gets its value as a picker sets it.
        browser.driver().executeScript("arguments[0].value = '2024-06-01';",
                browser.driver().findElement(By.id("protocolDate")));
        new Select(browser.driver().findElement(By.id("specialtyCode"))).selectByValue(specialtyCode);
        int mailsBefore = Login.mailsTo(platform, "ivanova").size();
        browser.driver().findElement(By.cssSelector("[data-test=change-submit]")).click();

        browser.await(By.cssSelector("[data-test=step-up-page]"));
        assertThat(browser.driver().findElement(By.cssSelector("[data-test=step-up-sent-to]")).getText())
                .startsWith("Код подтверждения отправлен на ").doesNotContain("ivanova@frmr.test");
        browser.checkPage(device + "-step-up");
        browser.driver().findElement(By.id("code")).sendKeys(Login.awaitCode(platform, "ivanova", mailsBefore));
        browser.driver().findElement(By.cssSelector("[data-test=step-up-submit]")).click();

        browser.await(By.cssSelector("[data-test=submitted-page]"));
        assertThat(browser.driver().findElement(By.cssSelector("[data-test=submitted-status]")).getText())
                .isEqualTo("На модерации");
        assertThat(browser.bodyText()).contains("Изменение отправлено на модерацию", protocolNumber);
        browser.checkPage(device + "-submitted");
    }

    private void accreditationAwaitsModeration(Chromium browser, String device, String protocolNumber) {
        By entry = accreditationEntry(protocolNumber);
        browser.reloadUntil(portal + "/profile", entry, "her accreditation " + protocolNumber + " on her profile");
        assertThat(browser.driver().findElement(entry).getAttribute("data-status")).isEqualTo("PENDING");
        assertThat(browser.driver().findElement(entry).getText()).contains("На модерации");
        browser.checkPage(device + "-profile-pending");
    }

    /** The administrator signs in with the second factor (a code by e-mail) and approves the change in the queue. */
    private void approveFromTheQueue(Chromium browser, String device, String protocolNumber) {
        int mailsBefore = Login.mailsTo(platform, "kuznetsov.admin").size();
        throughEsia(browser, "kuznetsov.admin", device + "-admin");

        browser.await(By.cssSelector("[data-test=code-sent-to]"));
        assertThat(browser.bodyText()).contains("Подтверждение входа", "Код отправлен на");
        browser.checkPage(device + "-admin-code");
        String code = Login.awaitCode(platform, "kuznetsov.admin", mailsBefore);
        browser.driver().findElement(By.id("code")).sendKeys(code);
        browser.driver().findElement(By.cssSelector("[data-test=code-submit]")).click();

        new WebDriverWait(browser.driver(), EVENTUALLY).until(d -> d.getCurrentUrl().startsWith(portal + "/cabinet"));
        assertThat(browser.bodyText()).contains("Администрирование регистра", "Модерация");
        browser.checkPage(device + "-admin-cabinet");

        By item = By.xpath("//*[@data-test='moderation-item'][.//*[@data-test='moderation-entry'][contains(., '"
                + protocolNumber + "')]]");
        browser.reloadUntil(portal + "/admin/moderation", item, "the change in the moderation queue");
        assertThat(browser.driver().findElement(item).findElement(By.cssSelector("[data-test=moderation-worker]"))
                .getText()).isEqualTo(IVANOVA);
        assertThat(browser.driver().findElement(item).findElement(By.cssSelector("[data-test=moderation-what]"))
                .getText()).isEqualTo("Аккредитация: добавление записи");
        browser.checkPage(device + "-moderation");

        browser.driver().findElement(item).findElement(By.cssSelector("[data-test=approve]")).click();
        browser.await(By.cssSelector("[data-test=flash]"));
        assertThat(browser.driver().findElements(item)).isEmpty();
        browser.checkPage(device + "-moderation-approved");
    }

    private void accreditationApproved(Chromium browser, String device, String protocolNumber) {
        // Her profile may hold other approved entries (the platform is shared): this one, by its protocol number.
        By approved = By.xpath("//*[@data-test='section-accreditation']//*[@data-test='entry'][@data-status='APPROVED']"
                + "[contains(., '" + protocolNumber + "')]");
        browser.reloadUntil(portal + "/profile", approved, "her approved accreditation " + protocolNumber);
        WebElement entry = browser.driver().findElement(accreditationEntry(protocolNumber));
        assertThat(entry.getAttribute("data-status")).isEqualTo("APPROVED");
        assertThat(entry.getText()).contains("Подтверждено", "01.06.2029");
        browser.checkPage(device + "-profile-approved");
    }

    private void publicRegisterFindsHer(Chromium browser, String device) {
        By found = By.xpath("//*[@data-test='register-item'][.//*[normalize-space()='" + IVANOVA + "']]");
        browser.reloadUntil(portal + "/search?q=" + URLEncoder.encode("Иванова", StandardCharsets.UTF_8),
                found, "her in the public register");
        assertThat(browser.driver().findElement(found).getText()).contains("Аккредитация", "01.06.2029")
                // The public register never shows a СНИЛС.
                .doesNotContain("112-233-445");
        browser.checkPage(device + "-search-found");
    }

    private static By accreditationEntry(String protocolNumber) {
        return By.xpath("//*[@data-test='section-accreditation']//*[@data-test='entry'][contains(., '"
                + protocolNumber + "')]");
    }

    /** Opens {@code url} until {@code what} is on it: what the page shows follows the platform's read models. */

    /** She is signed in on another device too; the sessions page ends that session, and it is over there. */
    private void endHerOtherSession(Chromium browser, String device) {
        Login.Session otherDevice = Login.as(platform, "ivanova");
        By other = By.cssSelector("[data-test=session][data-session-id='" + otherDevice.sessionId() + "']");
        browser.driver().findElement(By.linkText("Сеансы")).click();
        browser.await(other);
        assertThat(browser.driver().findElement(By.cssSelector("[data-test=session][data-current=true]")).getText())
                .contains("Этот сеанс");
        browser.checkPage(device + "-sessions");

        browser.driver().findElement(other).findElement(By.cssSelector("[data-test=end-session]")).click();
        browser.await(By.cssSelector("[data-test=flash]"));
        assertThat(browser.driver().findElements(other)).isEmpty();
        Browser.Page refresh = otherDevice.browser().postJson(
                URI.create(platform.url(Platform.GATEWAY) + "/api/auth/token"), "", null);
        assertThat(refresh.status()).as("the ended session's refresh").isEqualTo(401);
        browser.checkPage(device + "-session-ended");
    }
}
