package ru.frmr.auth;

import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ru.frmr.auth.api.PlatformRole;
import ru.frmr.auth.config.AuthProperties;

/** {@link AuthProperties} as application.yml sets them, for unit tests. */
public final class AuthPropertiesMother {

    public static final String ENCRYPTION_KEY = Base64.getEncoder().encodeToString(new byte[32]);

    private AuthPropertiesMother() {
    }

    public static AuthProperties defaults() {
        return new AuthProperties(URI.create("http://localhost:8080/"), Duration.ofMinutes(5),
                Duration.ofMinutes(10),
                new AuthProperties.Sessions(Duration.ofMinutes(30), Duration.ofHours(12), 5),
                new AuthProperties.Lockout(5, Duration.ofMinutes(15)),
                new AuthProperties.OneTimeCode(Duration.ofMinutes(5), "test-pepper", "no-reply@frmr.test"),
                new AuthProperties.SecondFactor(Set.of(PlatformRole.REGISTRY_ADMIN, PlatformRole.SUPERVISOR,
                        PlatformRole.AUDITOR, PlatformRole.SUPPORT, PlatformRole.EMPLOYER_HR)),
                Map.of(PlatformRole.REGISTRY_ADMIN, List.of("1000299657"),
                        PlatformRole.SUPERVISOR, List.of("1000299658"), PlatformRole.AUDITOR, List.of("1000299659"),
                        PlatformRole.SUPPORT, List.of("1000299662")),
                new AuthProperties.Cookies(false),
                new AuthProperties.SigningKeys(Duration.ofDays(1), Duration.ofMinutes(10), ENCRYPTION_KEY));
    }
}
