package ru.frmr.portal.web.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeviceSummaryTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36"
                    + "|Chrome 156, Linux",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 "
                    + "Safari/537.36 Edg/131.0.2903.86|Edge 131, Windows",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 "
                    + "YaBrowser/24.12.0.0 Safari/537.36|Яндекс Браузер 24, Windows",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 "
                    + "Safari/605.1.15|Safari 18, macOS",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                    + "Version/17.2 Mobile/15E148 Safari/604.1|Safari 17, iOS 17",
            "Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/120.0 "
                    + "Mobile/15E148 Safari/604.1|Chrome 120, iPadOS 16",
            "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) "
                    + "SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36|Samsung Internet 25, Android 14",
            "Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile "
                    + "Safari/537.36 OPR/86.0.0.0|Opera 86, Android 13",
            "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0|Firefox 133, Linux",
            "Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 "
                    + "Safari/537.36|Chrome 120, ChromeOS",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64)|Windows",
            "curl/8.5.0|Неизвестное устройство",
    })
    void namesTheBrowserAndTheSystem(String userAgent, String summary) {
        assertThat(DeviceSummary.of(userAgent)).isEqualTo(summary);
    }

    @ParameterizedTest
    @CsvSource(value = {"''", "'   '"})
    void withoutAUserAgentTheDeviceIsUnknown(String userAgent) {
        assertThat(DeviceSummary.of(userAgent)).isEqualTo("Неизвестное устройство");
        assertThat(DeviceSummary.of(null)).isEqualTo("Неизвестное устройство");
    }
}
