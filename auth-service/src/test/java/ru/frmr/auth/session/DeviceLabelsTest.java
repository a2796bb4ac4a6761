package ru.frmr.auth.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Browsers and systems as people name them, from the headers real browsers send. */
class DeviceLabelsTest {

    private final DeviceLabels labels = new DeviceLabels();

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 | Chrome, Linux
            Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0 | Firefox, Windows
            Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1 | Mobile Safari, iOS
            Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 YaBrowser/24.7.0.0 Safari/537.36 | Yandex Browser, Windows
            Mozilla/5.0 (Linux; Android 14; SM-A546B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.39 Mobile Safari/537.36 | Chrome Mobile, Android
            """)
    void namesTheBrowserAndTheSystem(String userAgent, String label) {
        assertThat(labels.label(userAgent)).isEqualTo(label);
    }

    @Test
    void anUpdatedBrowserIsTheSameDevice() {
        assertThat(labels.label("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/120.0.0.0 Safari/537.36")).isEqualTo(labels.label("Mozilla/5.0 (X11; Linux x86_64) "
                + "AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"));
    }

    @Test
    void whatItDoesNotRecogniseIsAnUnknownBrowser() {
        assertThat(labels.label(null)).isEqualTo("Неизвестный браузер");
        assertThat(labels.label(" ")).isEqualTo("Неизвестный браузер");
        assertThat(labels.label("benchmark")).isEqualTo("Неизвестный браузер");
        assertThat(labels.label("Something (Windows NT 10.0)")).isEqualTo("Неизвестный браузер, Windows");
    }

    @Test
    void aCraftedHeaderCannotMakeALongLabel() {
        // The robots' rule takes the family from the header itself.
        assertThat(labels.label("Mozilla/5.0 (compatible; " + "X".repeat(100) + "bot/1.0)"))
                .isEqualTo("X".repeat(50));
    }
}
