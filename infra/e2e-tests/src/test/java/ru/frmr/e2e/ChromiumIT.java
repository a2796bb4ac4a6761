package ru.frmr.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The browser tests' own checks can fail: axe-core finds what it must, a page wider than a phone or without a
 * viewport tag is caught, and the screenshots are full pages at both widths. Pages served by a JDK HTTP server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChromiumIT {

    private static final String HEAD = "<!DOCTYPE html><html lang=\"ru\"><head><meta charset=\"utf-8\">"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Проверка</title></head>";
    private static final Map<String, String> PAGES = Map.of(
            "/good", HEAD + "<body><main><h1>Хорошая страница</h1><form><label for=\"q\">ФИО</label>"
                    + "<input id=\"q\" name=\"q\"><button>Найти</button></form>"
                    + "<div style=\"height:2000px\">длинная</div><p>конец страницы</p></main></body></html>",
            "/inaccessible", HEAD + "<body><main><h1>Плохая</h1><img src=\"/none.png\">"
                    + "<input name=\"unlabelled\"></main></body></html>",
            "/too-wide", HEAD + "<body><main><h1>Широкая</h1><table id=\"wide\" style=\"width:600px\"><tr><td>ячейка"
                    + "</td></tr></table></main></body></html>",
            "/inline-script", HEAD + "<body><main><h1>Скрипт</h1><script>document.title = 'x';</script>"
                    + "<img src=\"/missing.png\" alt=\"нет\"></main></body></html>",
            "/no-viewport", "<!DOCTYPE html><html lang=\"ru\"><head><meta charset=\"utf-8\"><title>Без viewport"
                    + "</title></head><body><main><h1>Без viewport</h1></main></body></html>");

    private HttpServer server;
    private Chromium browser;
    private String base;

    @BeforeAll
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String page = PAGES.get(exchange.getRequestURI().getPath());
            byte[] body = (page == null ? "" : page).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            // As the portal's: no inline script (inline styles only to keep these pages short).
            exchange.getResponseHeaders().set("Content-Security-Policy",
                    "default-src 'self'; style-src 'self' 'unsafe-inline'");
            exchange.sendResponseHeaders(page == null ? 404 : 200, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        Chromium.cleanScreenshots(getClass());
        browser = Chromium.start(getClass(), Chromium.DESKTOP);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        server.stop(0);
    }

    @Test
    void aGoodPagePassesAndIsCapturedWholeAtBothWidths() throws IOException {
        browser.open(base + "/good");
        browser.checkPage("good");

        List<Path> shots = browser.screenshot("good-again");
        assertThat(shots).extracting(p -> p.getFileName().toString())
                .containsExactly("02-good-again-360.png", "02-good-again-1280.png");
        BufferedImage phone = ImageIO.read(shots.get(0).toFile());
        BufferedImage desktop = ImageIO.read(shots.get(1).toFile());
        assertThat(phone.getWidth()).isEqualTo(Chromium.PHONE);
        assertThat(desktop.getWidth()).isEqualTo(Chromium.DESKTOP);
        // The whole page, not the 780/900 px the screen shows.
        assertThat(phone.getHeight()).isGreaterThan(2000);
        assertThat(desktop.getHeight()).isGreaterThan(2000);
        // Back at the width the test browses at.
        assertThat(browser.driver().executeScript("return window.innerWidth")).isEqualTo(1280L);
    }

    @Test
    void axeFailsAPageWithSeriousViolationsAndNamesThem() {
        browser.open(base + "/inaccessible");
        assertThatThrownBy(browser::axe).isInstanceOf(AssertionError.class)
                .hasMessageContaining("critical image-alt")
                .hasMessageContaining("label")
                .hasMessageContaining("unlabelled");
    }

    @Test
    void aScriptTheContentSecurityPolicyBlocksAndAResourceThatFailedAreCaught() {
        browser.open(base + "/inline-script");
        assertThatThrownBy(browser::assertNoPageProblems).isInstanceOf(AssertionError.class)
                .hasMessageContaining("CSP script-src-elem blocked inline")
                .hasMessageContaining("could not load " + base + "/missing.png");
    }

    @Test
    void aPageWiderThanAPhoneFailsAndNamesWhatIsTooWide() {
        browser.open(base + "/too-wide");
        assertThatThrownBy(browser::assertNoHorizontalScrollAtPhoneWidth).isInstanceOf(AssertionError.class)
                .hasMessageContaining("scrolls sideways at 360 px")
                .hasMessageContaining("table#wide");
    }

    @Test
    void aPageWithoutAViewportTagFailsAtPhoneWidth() {
        browser.open(base + "/no-viewport");
        assertThatThrownBy(browser::assertNoHorizontalScrollAtPhoneWidth).isInstanceOf(AssertionError.class)
                .hasMessageContaining("viewport meta tag missing");
    }
}
