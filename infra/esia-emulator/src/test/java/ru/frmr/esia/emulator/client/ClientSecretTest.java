package ru.frmr.esia.emulator.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import ru.frmr.esia.emulator.DevKeys;
import ru.frmr.esia.emulator.TestProperties;
import ru.frmr.gost.GostKeys;
import ru.frmr.gost.GostSignatures;

class ClientSecretTest {

    private static final RegisteredClient CLIENT = new RegisteredClient("FRMR_LK", DevKeys.clientCertificate(),
            List.of(TestProperties.REDIRECT_URI), List.of(), List.of("openid"));
    private static final String TEXT = "FRMR_LKopenid fullname2026.11.25 10:15:30 +0300"
            + "5f0c2a3e-9d5b-4c1e-8f7a-2b6d9e0c1a44http://localhost:8080/api/auth/esia/callback";

    @Test
    void acceptsTheClientsSignatureOfTheText() {
        assertThat(ClientSecret.isValid(CLIENT, TEXT, sign(TEXT))).isTrue();
    }

    @Test
    void rejectsASignatureOfOtherText() {
        assertThat(ClientSecret.isValid(CLIENT, TEXT + "x", sign(TEXT))).isFalse();
    }

    @Test
    void rejectsASignatureByAnotherKey() {
        String foreign = GostSignatures.signBase64Url(GostKeys.generate().getPrivate(),
                TEXT.getBytes(StandardCharsets.UTF_8));

        assertThat(ClientSecret.isValid(CLIENT, TEXT, foreign)).isFalse();
    }

    @Test
    void rejectsWhatIsNoSignatureAtAll() {
        assertThat(ClientSecret.isValid(CLIENT, TEXT, "not base64url!")).isFalse();
        assertThat(ClientSecret.isValid(CLIENT, TEXT, "c2hvcnQ")).isFalse();
        assertThat(ClientSecret.isValid(CLIENT, TEXT, "")).isFalse();
    }

    @Test
    void theRegisteredCertificateIsKnownByItsStreebogHash() {
        assertThat(CLIENT.certificateHash()).matches("[0-9A-F]{64}");
    }

    private static String sign(String text) {
        return GostSignatures.signBase64Url(DevKeys.clientKey(), text.getBytes(StandardCharsets.UTF_8));
    }
}
