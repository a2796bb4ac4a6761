package ru.frmr.notification.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * Signs a delivery as the Standard Webhooks specification says: the signed content is
 * {@code <webhook-id>.<webhook-timestamp>.<body>}; {@code v1,<base64 HMAC-SHA256>} under the subscription's own
 * secret and {@code v1a,<base64 Ed25519>} under the platform's key, space-separated in {@code webhook-signature}.
 * The asymmetric one lets an agency check a delivery without trusting the secret's copy held here.
 */
public final class WebhookSigner {

    static final String SECRET_PREFIX = "whsec_";
    static final String PUBLIC_KEY_PREFIX = "whpk_";
    private static final int SECRET_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Ed25519PrivateKeyParameters platformKey;
    private final String keyId;

    /**
     * @param pkcs8Base64 the platform's Ed25519 private key, PKCS#8 DER in base64, bare or as PEM
     * @param keyId       how the key is named to agencies (changes when it is rotated)
     */
    public WebhookSigner(String pkcs8Base64, String keyId) {
        if (pkcs8Base64 == null || pkcs8Base64.isBlank()) {
            throw new IllegalStateException("frmr.notification.webhooks.signing-key is not set (FRMR_WEBHOOK_SIGNING_KEY:"
                    + " an Ed25519 private key, PKCS#8 in base64)");
        }
        try {
            String base64 = pkcs8Base64.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "");
            PrivateKeyInfo info = PrivateKeyInfo.getInstance(Base64.getMimeDecoder().decode(base64.trim()));
            byte[] raw = ASN1OctetString.getInstance(info.parsePrivateKey()).getOctets();
            this.platformKey = new Ed25519PrivateKeyParameters(raw, 0);
        } catch (RuntimeException | java.io.IOException e) {
            // Not the key's bytes in the message: only that it is unreadable.
            throw new IllegalStateException("frmr.notification.webhooks.signing-key is not an Ed25519 PKCS#8 key");
        }
        this.keyId = keyId;
    }

    /** A new subscription's secret: {@code whsec_} and the base64 of 32 random bytes. */
    public static String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(bytes);
    }

    /** The {@code webhook-signature} header's value for one attempt. */
    public String signatures(String secret, String webhookId, long timestamp, byte[] body) {
        byte[] content = signedContent(webhookId, timestamp, body);
        return "v1," + hmac(secret, content) + " v1a," + ed25519(content);
    }

    /** {@code whpk_} and the base64 of the raw 32-byte public key. */
    public String publicKey() {
        return PUBLIC_KEY_PREFIX + Base64.getEncoder().encodeToString(platformKey.generatePublicKey().getEncoded());
    }

    public String keyId() {
        return keyId;
    }

    static byte[] signedContent(String webhookId, long timestamp, byte[] body) {
        byte[] head = (webhookId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[head.length + body.length];
        System.arraycopy(head, 0, content, 0, head.length);
        System.arraycopy(body, 0, content, head.length, body.length);
        return content;
    }

    /** Base64 HMAC-SHA256 of the content under the secret's bytes (the base64 after {@code whsec_}). */
    static String hmac(String secret, byte[] content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secretBytes(secret), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(content));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    static byte[] secretBytes(String secret) {
        String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
        return Base64.getDecoder().decode(encoded);
    }

    private String ed25519(byte[] content) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, platformKey);
        signer.update(content, 0, content.length);
        return Base64.getEncoder().encodeToString(signer.generateSignature());
    }
}
