package ru.frmr.esia.emulator.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import ru.frmr.esia.emulator.DevKeys;
import ru.frmr.infra.embedded.MutableClock;
import ru.frmr.esia.emulator.TestProperties;
import ru.frmr.esia.emulator.client.RegisteredClient;
import ru.frmr.gost.GostSignatures;

class ClientAuthenticationTest {

    private static final Instant NOW = Instant.parse("2026-11-25T07:15:30Z");
    private static final RegisteredClient CLIENT = new RegisteredClient("FRMR_LK", DevKeys.clientCertificate(),
            List.of(TestProperties.REDIRECT_URI), List.of(), List.of("openid", "fullname"));

    private final MutableClock clock = new MutableClock(NOW);
    private final ClientAuthentication authentication = new ClientAuthentication(clock, TestProperties.defaults());

    @Test
    void acceptsARequestSignedByTheRegisteredKeyWithAFreshTimestamp() {
        assertThatCode(() -> authentication.authenticate(CLIENT, signed(timestamp(NOW), "")))
                .doesNotThrowAnyException();
    }

    @Test
    void aTimestampInAnotherZoneIsTheSameInstant() {
        String moscow = EsiaTimestamp.FORMAT.format(NOW.atOffset(ZoneOffset.ofHours(3)));

        assertThatCode(() -> authentication.authenticate(CLIENT, signed(moscow, "CODE"))).doesNotThrowAnyException();
    }

    @Test
    void aWrongSignatureIsEsia007053() {
        SignedRequest request = signed(timestamp(NOW), "");
        SignedRequest tampered = new SignedRequest(request.clientId(), request.certificateHash(),
                request.clientSecret(), "openid fullname snils", request.scopeOrg(), request.timestamp(),
                request.state(), request.redirectUri(), request.grant());

        assertRejected(tampered, "invalid_client", "ESIA-007053");
    }

    @Test
    void anotherCertificateHashIsEsia007053() {
        SignedRequest request = signed(timestamp(NOW), "");
        SignedRequest tampered = new SignedRequest(request.clientId(), "0".repeat(64), request.clientSecret(),
                request.scope(), request.scopeOrg(), request.timestamp(), request.state(), request.redirectUri(),
                request.grant());

        assertRejected(tampered, "invalid_client", "ESIA-007053");
    }

    @Test
    void timestampsUpToFiveMinutesOffAreAcceptedBeyondThatNot() {
        assertThatCode(() -> authentication.authenticate(CLIENT, signed(timestamp(NOW.minusSeconds(300)), "")))
                .doesNotThrowAnyException();
        assertRejected(signed(timestamp(NOW.minusSeconds(301)), ""), "invalid_request", "ESIA-007002");
        assertRejected(signed(timestamp(NOW.plusSeconds(301)), ""), "invalid_request", "ESIA-007002");
    }

    @Test
    void aTimestampInAnotherFormatIsEsia007002() {
        assertRejected(signed("2026-11-25T07:15:30Z", ""), "invalid_request", "ESIA-007002");
    }

    @Test
    void aStateThatIsNoUuidIsEsia007002() {
        SignedRequest request = sign(new SignedRequest("FRMR_LK", CLIENT.certificateHash(), "", "openid", "",
                timestamp(NOW), "not-a-uuid", TestProperties.REDIRECT_URI, ""));

        assertRejected(request, "invalid_request", "ESIA-007002");
    }

    @Test
    void recognisesUuidsInCanonicalFormOnly() {
        assertThat(ClientAuthentication.isUuid("5F0C2A3E-9d5b-4c1e-8f7a-2b6d9e0c1a44")).isTrue();
        assertThat(ClientAuthentication.isUuid("5f0c2a3e9d5b4c1e8f7a2b6d9e0c1a44"))
                .isFalse();
    }

    private void assertRejected(SignedRequest request, String error, String code) {
        assertThatThrownBy(() -> authentication.authenticate(CLIENT, request))
                .isInstanceOfSatisfying(EsiaException.class, e -> {
                    assertThat(e.error()).isEqualTo(error);
                    assertThat(e.description()).startsWith(code + ": ");
                });
    }

    private static String timestamp(Instant at) {
        return EsiaTimestamp.FORMAT.format(at.atOffset(ZoneOffset.UTC));
    }

    private static SignedRequest signed(String timestamp, String grant) {
        return sign(new SignedRequest("FRMR_LK", CLIENT.certificateHash(), "", "openid fullname", "", timestamp,
                "5f0c2a3e-9d5b-4c1e-8f7a-2b6d9e0c1a44", TestProperties.REDIRECT_URI, grant));
    }

    private static SignedRequest sign(SignedRequest unsigned) {
        String secret = GostSignatures.signBase64Url(DevKeys.clientKey(),
                unsigned.signedText().getBytes(StandardCharsets.UTF_8));
        return new SignedRequest(unsigned.clientId(), unsigned.certificateHash(), secret, unsigned.scope(),
                unsigned.scopeOrg(), unsigned.timestamp(), unsigned.state(), unsigned.redirectUri(), unsigned.grant());
    }
}
