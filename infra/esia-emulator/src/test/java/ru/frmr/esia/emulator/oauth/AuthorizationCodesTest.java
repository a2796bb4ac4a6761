package ru.frmr.esia.emulator.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import ru.frmr.esia.emulator.DevKeys;
import ru.frmr.infra.embedded.MutableClock;
import ru.frmr.esia.emulator.TestProperties;
import ru.frmr.esia.emulator.client.RegisteredClient;

class AuthorizationCodesTest {

    private static final RegisteredClient CLIENT = new RegisteredClient("FRMR_LK", DevKeys.clientCertificate(),
            List.of(TestProperties.REDIRECT_URI), List.of(), List.of("openid", "fullname"));
    private static final AuthorizationRequest REQUEST = new AuthorizationRequest(CLIENT, TestProperties.REDIRECT_URI,
            List.of("openid", "fullname"), "5f0c2a3e-9d5b-4c1e-8f7a-2b6d9e0c1a44");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T07:15:30Z"));
    private final AuthorizationCodes codes = new AuthorizationCodes(clock, TestProperties.defaults());
    private final Authentication ivanova = new Authentication(1000299654L, "sid-1", clock.instant());

    @Test
    void aCodeCarriesTheGrantRedirectUriAndStateOfItsRequest() {
        AuthorizationCode code = codes.consume(codes.issue(REQUEST, ivanova)).orElseThrow();

        assertThat(code.grant()).isEqualTo(new Grant("FRMR_LK", 1000299654L, "sid-1", List.of("openid", "fullname"),
                ivanova.authTime()));
        assertThat(code.redirectUri()).isEqualTo(TestProperties.REDIRECT_URI);
        assertThat(code.state()).isEqualTo(REQUEST.state());
    }

    @Test
    void aCodeWorksOnce() {
        String code = codes.issue(REQUEST, ivanova);

        assertThat(codes.consume(code)).isPresent();
        assertThat(codes.consume(code)).isEmpty();
    }

    @Test
    void aCodeExpiresAfterSixtySeconds() {
        String fresh = codes.issue(REQUEST, ivanova);
        String stale = codes.issue(REQUEST, ivanova);

        clock.advance(Duration.ofSeconds(59));
        assertThat(codes.consume(fresh)).isPresent();
        clock.advance(Duration.ofSeconds(1));
        assertThat(codes.consume(stale)).isEmpty();
    }

    @Test
    void codesAreUnguessableAndDistinct() {
        String first = codes.issue(REQUEST, ivanova);

        assertThat(first).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(codes.issue(REQUEST, ivanova));
    }
}
