package ru.frmr.auth.esia;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import ru.frmr.auth.DevKeys;
import ru.frmr.gost.GostSignatures;

class EsiaClientSecretTest {

    @Test
    void timestampHasEsiasForm() {
        assertThat(EsiaClientSecret.timestamp(Instant.parse("2026-11-25T07:15:30Z"), ZoneId.of("Europe/Moscow")))
                .isEqualTo("2026.11.25 10:15:30 +0300");
    }

    @Test
    void theSignedStringIsTheConcatenationInEsiasOrder() {
        assertThat(EsiaClientSecret.signedString("FRMR_LK", "openid snils", "", "2026.11.25 10:15:30 +0300",
                "st", "http://r", null)).isEqualTo("FRMR_LKopenid snils2026.11.25 10:15:30 +0300sthttp://r");
        assertThat(EsiaClientSecret.signedString("FRMR_LK", "openid", "org", "ts", "st", "http://r", "CODE"))
                .isEqualTo("FRMR_LKopenidorgtssthttp://rCODE");
    }

    @Test
    void theSecretIsARawGostSignatureVerifiableWithTheCertificate() {
        String signed = EsiaClientSecret.signedString("FRMR_LK", "openid", "", "ts", "st", "http://r", null);
        String secret = EsiaClientSecret.sign(DevKeys.key("frmr-lk"), signed);
        assertThat(secret).matches("[A-Za-z0-9_-]{86}");
        assertThat(GostSignatures.verifyBase64Url(DevKeys.certificate("frmr-lk").getPublicKey(),
                signed.getBytes(StandardCharsets.UTF_8), secret)).isTrue();
        assertThat(GostSignatures.verifyBase64Url(DevKeys.certificate("frmr-lk").getPublicKey(),
                (signed + "x").getBytes(StandardCharsets.UTF_8), secret)).isFalse();
    }

    @Test
    void esiaErrorCodesMapToProblems() {
        assertThat(EsiaErrors.from("invalid_grant", "ESIA-007011: code").kind()).isEqualTo("invalid-grant");
        assertThat(EsiaErrors.from("invalid_client", "ESIA-007053: secret").kind())
                .isEqualTo("identity-provider-rejected-client");
        assertThat(EsiaErrors.from("invalid_scope", "ESIA-007019: scope").status().value()).isEqualTo(403);
        assertThat(EsiaErrors.from("server_error", null).kind()).isEqualTo("identity-provider-error");
    }
}
