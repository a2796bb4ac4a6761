package ru.frmr.audit.ledger.checkpoint;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;

/**
 * Signs checkpoint texts as C2SP signed notes with the log's Ed25519 key: the note is the text, a blank line and
 * {@code — <key name> <base64(key hash ‖ signature)>}, the key hash being the first 4 bytes of
 * SHA-256(key name ‖ 0x0A ‖ 0x01 ‖ public key). Ed25519 signatures are deterministic (RFC 8032), so a note this log
 * signed is recognised by signing its text again and finding the same line.
 */
public class NoteSigner {

    private static final byte ED25519 = 0x01;
    private static final String SIGNATURE_PREFIX = "\u2014 ";

    private final String keyName;
    private final PrivateKey privateKey;
    private final byte[] publicKey;
    private final byte[] keyHash;

    /** @param pkcs8Base64 base64 of the Ed25519 private key's PKCS#8 DER, bare or as a PEM {@code PRIVATE KEY} */
    public NoteSigner(String keyName, String pkcs8Base64) {
        if (keyName.isEmpty() || keyName.codePoints().anyMatch(c -> c <= 0x20 || c == '+')) {
            throw new IllegalArgumentException("A note key name has no spaces, '+' or control characters");
        }
        byte[] der;
        try {
            // PEM armour and line breaks allowed, so the repository's development key file can be given as it is.
            der = Base64.getMimeDecoder().decode(pkcs8Base64.replaceAll("-----[A-Z ]+-----", "").strip());
            this.privateKey = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
            Ed25519PrivateKeyParameters bc = (Ed25519PrivateKeyParameters) PrivateKeyFactory.createKey(
                    PrivateKeyInfo.getInstance(der));
            this.publicKey = bc.generatePublicKey().getEncoded();
        } catch (GeneralSecurityException | java.io.IOException | RuntimeException e) {
            // Not the key's bytes in the message: it is a secret.
            throw new IllegalArgumentException("frmr.audit.checkpoints.signing-key is not a base64 PKCS#8 Ed25519 key");
        }
        this.keyName = keyName;
        this.keyHash = keyHash(keyName, publicKey);
    }

    /** The note: {@code text} (ending in a newline), a blank line, this key's signature line. */
    public String sign(String text) {
        if (!text.endsWith("\n")) {
            throw new IllegalArgumentException("A note's text ends with a newline");
        }
        return text + "\n" + signatureLine(text);
    }

    /** The text of {@code note} when it carries this key's signature of it. */
    public Optional<String> verifiedText(String note) {
        int blank = note.lastIndexOf("\n\n");
        if (blank < 0 || !note.endsWith("\n")) {
            return Optional.empty();
        }
        String text = note.substring(0, blank + 1);
        String expected = signatureLine(text);
        return ("\n" + note.substring(blank + 2)).contains("\n" + expected) ? Optional.of(text) : Optional.empty();
    }

    /** {@code <name>+<hex key hash>+<base64(0x01 ‖ public key)>}. */
    public String verifierKey() {
        byte[] encoded = new byte[1 + publicKey.length];
        encoded[0] = ED25519;
        System.arraycopy(publicKey, 0, encoded, 1, publicKey.length);
        return keyName + "+" + HexFormat.of().formatHex(keyHash) + "+" + Base64.getEncoder().encodeToString(encoded);
    }

    private String signatureLine(String text) {
        byte[] signature;
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey);
            signer.update(text.getBytes(StandardCharsets.UTF_8));
            signature = signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
        byte[] encoded = Arrays.copyOf(keyHash, keyHash.length + signature.length);
        System.arraycopy(signature, 0, encoded, keyHash.length, signature.length);
        return SIGNATURE_PREFIX + keyName + " " + Base64.getEncoder().encodeToString(encoded) + "\n";
    }

    private static byte[] keyHash(String name, byte[] publicKey) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
            digest.update(ED25519);
            digest.update(publicKey);
            return Arrays.copyOf(digest.digest(), 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java platform provides SHA-256", e);
        }
    }
}
