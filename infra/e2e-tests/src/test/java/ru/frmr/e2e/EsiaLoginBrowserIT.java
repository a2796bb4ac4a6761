package ru.frmr.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The login's first steps in a real browser, at phone and desktop width: the platform's ESIA login address
 * through the gateway leads to the ESIA emulator's login page and, with a password, to its code page; both fit a
 * phone and pass axe-core. (The emulator stands in for Госуслуги, but it is the first page a person sees.)
 */
@ExtendWith(SharedPlatform.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EsiaLoginBrowserIT {

    private Platform platform;

    @BeforeAll
    void takePlatform() throws IOException {
        Chromium.cleanScreenshots(getClass());
        // What the login's pages need is the gateway, auth-service behind it and the emulator it sends to: the
        // shared platform has them, and a start of its own, even of these three, would cost more than the test.
        platform = SharedPlatform.get();
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
