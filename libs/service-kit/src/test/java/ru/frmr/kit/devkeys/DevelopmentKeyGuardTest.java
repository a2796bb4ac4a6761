package ru.frmr.kit.devkeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class DevelopmentKeyGuardTest {

    private static final Path DEV_KEYS = Path.of("../../infra/dev-keys").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void outsideLocalEveryPropertyHoldingOrNamingADevelopmentKeyIsNamed() throws IOException {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("frmr.dev-keys", DEV_KEYS.toString());
        properties.put("frmr.esia.client-key", "file:${frmr.dev-keys}/frmr-lk.key.pem");
        properties.put("frmr.auth.qes.trusted-roots", "file:" + ownFile() + ", file:" + DEV_KEYS.resolve("qes-test-ca.cert.pem"));
        properties.put("frmr.esia.esia-certificate", Files.readString(DEV_KEYS.resolve("esia-emulator.cert.pem")));
        properties.put("frmr.esia.client-certificate", "file:" + ownFile());
        StandardEnvironment environment = environment("prod", properties);

        assertThatThrownBy(() -> new DevelopmentKeyGuard().postProcessEnvironment(environment, new SpringApplication()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("frmr.esia.client-key (frmr-lk.key.pem)")
                .hasMessageContaining("frmr.auth.qes.trusted-roots (qes-test-ca.cert.pem)")
                .hasMessageContaining("frmr.esia.esia-certificate (esia-emulator.cert.pem)")
                .hasMessageNotContaining("client-certificate");
    }

    @Test
    void aKeyGivenAsTheBareBase64OfItsDerIsNamedToo() throws IOException {
        String bare = Files.readString(DEV_KEYS.resolve("webhook-signing.key.pem"))
                .replaceAll("-----[A-Z ]+-----", "").trim();
        StandardEnvironment environment = environment("prod", Map.of(
                "frmr.notification.webhooks.signing-key", bare,
                "frmr.crypto.master-key", "Xq3mV8tY2pL6wR0nB4cK7hJ1sF9dG5zA2eU8iO3yT6k=",
                "frmr.other.secret", "bm90IGEga2V5IGJ1dCBsb25nIGVub3VnaCB0byBsb29rIGxpa2Ugb25l"));

        assertThat(new DevelopmentKeyGuard().findDevelopmentKeys(environment))
                .containsExactly("frmr.notification.webhooks.signing-key (webhook-signing.key.pem)");
    }

    @Test
    void theValueInEffectIsTheOneChecked() {
        StandardEnvironment environment = environment("prod",
                Map.of("frmr.esia.client-key", "file:" + DEV_KEYS.resolve("frmr-lk.key.pem")));
        environment.getPropertySources().addFirst(new MapPropertySource("deployment",
                Map.of("frmr.esia.client-key", "file:/etc/frmr/esia-client.key.pem")));

        assertThat(new DevelopmentKeyGuard().findDevelopmentKeys(environment)).isEmpty();
    }

    @Test
    void localAndTestMayUseThem() {
        Map<String, Object> properties = Map.of("frmr.esia.client-key", "file:" + DEV_KEYS.resolve("frmr-lk.key.pem"));

        for (String profile : new String[] {"local", "test"}) {
            new DevelopmentKeyGuard().postProcessEnvironment(environment(profile, properties), new SpringApplication());
        }
    }

    @Test
    void unresolvedAndMissingLocationsAreLeftToWhatUsesThem() {
        StandardEnvironment environment = environment("prod", Map.of(
                "frmr.esia.client-key", "${FRMR_ESIA_CLIENT_KEY_NOT_SET}",
                "frmr.esia.client-certificate", "file:/no/such/file.pem"));

        assertThat(new DevelopmentKeyGuard().findDevelopmentKeys(environment)).isEmpty();
    }

    private String ownFile() throws IOException {
        return Files.writeString(dir.resolve("own.pem"), "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n")
                .toString();
    }

    private static StandardEnvironment environment(String profile, Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.setActiveProfiles(profile);
        environment.getPropertySources().addLast(new MapPropertySource("application", properties));
        return environment;
    }
}
