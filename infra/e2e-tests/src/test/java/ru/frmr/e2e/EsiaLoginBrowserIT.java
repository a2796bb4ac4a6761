package ru.frmr.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;

/**
 * The login's first steps in a real browser, at phone and desktop width: the platform's ESIA login address
 * through the gateway leads to the ESIA emulator's login page and, with a password, to its code page; both fit a
 * phone and pass axe-core. (The emulator stands in for Госуслуги, but it is the first page a person sees.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EsiaLoginBrowserIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(Long.getLong("frmr.e2e.start-timeout-seconds", 150));

    private Platform platform;

    @BeforeAll
    void startPlatform() throws IOException {
        Chromium.cleanScreenshots(getClass());
        Path logDir = Platform.freshLogDir(getClass());
        platform = new Platform(logDir);
        // Only what the login's pages need: the gateway, auth-service behind it and the emulator it sends to.
        platform.start(Platform.EMULATOR).awaitHealthy(START_TIMEOUT);
        platform.start(Platform.AUTH).awaitHealthy(START_TIMEOUT);
        platform.start(Platform.GATEWAY).awaitHealthy(START_TIMEOUT);
    }

    @AfterAll
    void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void theGatewaysEsiaLoginShowsTheEmulatorsLoginAndCodePages() {
        try (Chromium browser = Chromium.start(getClass(), Chromium.DESKTOP)) {
            browser.open(platform.url(Platform.GATEWAY) + "/api/auth/esia/login");

            browser.await(By.id("login"));
            assertThat(browser.currentUrl()).startsWith(platform.url(Platform.EMULATOR) + "/idp/login");
            assertThat(browser.driver().getTitle()).isEqualTo("Вход — эмулятор ЕСИА");
            assertThat(browser.bodyText()).contains("Вход через Госуслуги", "FRMR_LK", "ivanova");
            browser.checkPage("esia-login");

            browser.driver().findElement(By.id("login")).sendKeys("ivanova");
            browser.driver().findElement(By.id("password")).sendKeys(Login.PASSWORD);
            browser.driver().findElement(By.cssSelector("button[type=submit]")).click();

            browser.await(By.id("code"));
            assertThat(browser.bodyText()).contains("Код отправлен на номер", "+7 (999) ***-**-01");
            browser.checkPage("esia-code");
        }
    }
}
