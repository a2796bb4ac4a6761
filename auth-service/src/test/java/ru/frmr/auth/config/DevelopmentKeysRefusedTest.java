package ru.frmr.auth.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

import ru.frmr.auth.AuthApplication;

/**
 * auth-service started outside {@code local}/{@code test} with the repository's development ESIA client key
 * (every other secret set) refuses to start, naming the property; it never reaches the database or Kafka.
 */
class DevelopmentKeysRefusedTest {

    private static final Path DEV_KEYS = Path.of("../infra/dev-keys").toAbsolutePath().normalize();

    @Test
    void aDevelopmentKeyOutsideLocalStopsTheStartNamingTheProperty() {
        SpringApplicationBuilder service = new SpringApplicationBuilder(AuthApplication.class).profiles("production");

        assertThatThrownBy(() -> service.run(
                "--frmr.esia.client-key=file:" + DEV_KEYS.resolve("frmr-lk.key.pem"),
                "--frmr.esia.esia-certificate=file:" + DEV_KEYS.resolve("esia-emulator.cert.pem"),
                "--spring.main.web-application-type=none"))
                .hasMessageContaining("outside the local and test profiles")
                .hasMessageContaining("frmr.esia.client-key (frmr-lk.key.pem)")
                .hasMessageContaining("frmr.esia.esia-certificate (esia-emulator.cert.pem)");
    }
}
