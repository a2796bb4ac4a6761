package ru.frmr.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class WebhookSignerTest {

    /** The development key of the test profile (infra/dev-keys/webhook-signing.key.pem). */
    private static final String DEV_KEY = "MC4CAQAwBQYDK2VwBCIEICH3q218dnGx1vC6UPX033aD6P6VOELyiZxdepJiQCox";
    /** An Ed25519 public key as X.509 DER: this prefix, then the raw 32 bytes. */
    private static final byte[] X509_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

    @Test
    void theHmacSignatureReproducesTheStandardWebhooksTestVector() {
        // The vector the Standard Webhooks reference libraries are tested with.
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        byte[] content = WebhookSigner.signedContent("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L,
                "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8));

        assertThat(WebhookSigner.hmac(secret, content)).isEqualTo("g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void theHeaderCarriesTheHmacAndAnEd25519SignatureThePublicKeyVerifies() throws Exception {
        WebhookSigner signer = new WebhookSigner(DEV_KEY, "whk-test");
        String secret = WebhookSigner.newSecret();
        byte[] body = "{\"id\":\"e-1\"}".getBytes(StandardCharsets.UTF_8);

        String header = signer.signatures(secret, "msg_e-1", 1_700_000_000L, body);

        String[] signatures = header.split(" ");
        assertThat(signatures).hasSize(2);
        byte[] content = WebhookSigner.signedContent("msg_e-1", 1_700_000_000L, body);
        assertThat(signatures[0]).isEqualTo("v1," + WebhookSigner.hmac(secret, content));
        assertThat(signatures[1]).startsWith("v1a,");
        assertThat(signer.publicKey()).startsWith("whpk_");
        byte[] raw = Base64.getDecoder().decode(signer.publicKey().substring("whpk_".length()));
        assertThat(raw).hasSize(32);
        Signature ed25519 = Signature.getInstance("Ed25519");
        ed25519.initVerify(publicKey(raw));
        ed25519.update(content);
        assertThat(ed25519.verify(Base64.getDecoder().decode(signatures[1].substring(4)))).isTrue();
        ed25519.initVerify(publicKey(raw));
        ed25519.update(WebhookSigner.signedContent("msg_e-1", 1_700_000_001L, body));
        assertThat(ed25519.verify(Base64.getDecoder().decode(signatures[1].substring(4)))).isFalse();
    }

    @Test
    void aSecretIsThirtyTwoRandomBytesPrefixedWhsec() {
        String a = WebhookSigner.newSecret();
        assertThat(a).startsWith("whsec_");
        assertThat(WebhookSigner.secretBytes(a)).hasSize(32);
        assertThat(WebhookSigner.newSecret()).isNotEqualTo(a);
    }

    @Test
    void theDevelopmentKeyFileOfTheTestProfileIsThatKeyAsPem() throws Exception {
        // Surefire runs in the module directory, as the test profile's frmr.dev-keys (../infra/dev-keys) assumes.
        String pem = WebhookConfiguration.keyText("file:../infra/dev-keys/webhook-signing.key.pem");

        assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(new WebhookSigner(pem, "k").publicKey()).isEqualTo(new WebhookSigner(DEV_KEY, "k").publicKey());
        assertThatThrownBy(() -> WebhookConfiguration.keyText("file:../infra/dev-keys/no-such.key.pem"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void noKeyOrABrokenKeyStopsTheServiceWithoutPrintingIt() {
        assertThatThrownBy(() -> new WebhookSigner("", "k")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("FRMR_WEBHOOK_SIGNING_KEY");
        assertThatThrownBy(() -> new WebhookSigner("bm90IGEga2V5", "k")).isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining("bm90IGEga2V5");
    }

    static PublicKey publicKey(byte[] raw) throws Exception {
        byte[] der = new byte[X509_PREFIX.length + raw.length];
        System.arraycopy(X509_PREFIX, 0, der, 0, X509_PREFIX.length);
        System.arraycopy(raw, 0, der, X509_PREFIX.length, raw.length);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
    }
}
