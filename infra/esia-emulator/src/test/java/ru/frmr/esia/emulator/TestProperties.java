package ru.frmr.esia.emulator;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;

import ru.frmr.esia.emulator.config.EsiaProperties;

/** The emulator's default settings, for unit tests that build its parts by hand. */
public final class TestProperties {

    public static final String REDIRECT_URI = "http://localhost:8080/api/auth/esia/callback";
    public static final String ISSUER = "http://127.0.0.1:8089/";

    private TestProperties() {
    }

    public static EsiaProperties defaults() {
        return new EsiaProperties(ISSUER, new ClassPathResource("dev-keys/esia-emulator.key.pem"),
                new ClassPathResource("dev-keys/esia-emulator.cert.pem"),
                Map.of("0", new EsiaProperties.Client("FRMR_LK", new ClassPathResource("dev-keys/frmr-lk.cert.pem"),
                        Map.of("0", REDIRECT_URI), Map.of(), List.of("openid", "fullname"))),
                Duration.ofSeconds(60), Duration.ofHours(1), Duration.ofMinutes(5), 3);
    }
}
