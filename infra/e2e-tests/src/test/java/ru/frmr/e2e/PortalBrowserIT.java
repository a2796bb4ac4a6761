package ru.frmr.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The portal in a real browser against the platform's processes, as people use it: the start page and the public
 * register without login, signing in through Госуслуги (the ESIA emulator) into the cabinet, the portal's own 404
 * page; the same path at a phone's width. Every page visited is captured at 360 and 1280 px and must pass
 * axe-core, fit a phone and have nothing blocked by its Content-Security-Policy.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalBrowserIT {

    private static final String IVANOVA = "Иванова Мария Петровна";
    private static final Duration EVENTUALLY = Duration.ofSeconds(60);

    private Platform platform;
    private String portal;

    @BeforeAll
    void startPlatform() throws IOException {
        Chromium.cleanScreenshots(getClass());
        Path logDir = Files.createDirectories(Path.of("target", "e2e-logs", getClass().getSimpleName()));
        try (var old = Files.list(logDir)) {
            for (Path f : old.toList()) {
                Files.delete(f);
            }
        }
        platform = new Platform(logDir);
        platform.startAll();
        // The portal is reached through the gateway only: "/" and every path that is not an API's.
        portal = platform.url(Platform.GATEWAY);
    }

    @AfterAll
    void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @Order(1)
    void theMainPathOnADesktop() {
        mainPath(Chromium.DESKTOP, "desktop");
    }

    @Test
    @Order(2)
    void theMainPathOnAPhone() {
        mainPath(Chromium.PHONE, "phone");
    }

    /** One person's way through the portal in a fresh browser (no cookies) of {@code width}. */
    private void mainPath(int width, String device) {
        try (Chromium browser = Chromium.start(getClass(), width)) {
            try {
                startPageAndPublicSearch(browser, device);
                signInAsIvanova(browser, device);
                anUnknownAddressShowsThePortalsNotFoundPage(browser, device);
            } catch (AssertionError | RuntimeException e) {
                // What the browser showed when it went wrong, beside the pages before it.
                browser.screenshot(device + "-FAILED");
                throw e;
            }
        }
    }

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

    private void signInAsIvanova(Chromium browser, String device) {
        browser.open(portal + "/");
        browser.await(By.cssSelector("[data-test=esia-login]")).click();

        // Госуслуги (the emulator): login and password, then the SMS code.
        browser.await(By.id("login")).sendKeys("ivanova");
        assertThat(browser.currentUrl()).startsWith(platform.url(Platform.EMULATOR) + "/idp/login");
        browser.checkPage(device + "-esia-login");
        browser.driver().findElement(By.id("password")).sendKeys(Login.PASSWORD);
        browser.driver().findElement(By.cssSelector("button[type=submit]")).click();
        browser.await(By.id("code")).sendKeys(Login.ESIA_SMS_CODE);
        browser.checkPage(device + "-esia-code");
        browser.driver().findElement(By.cssSelector("button[type=submit]")).click();

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
}
