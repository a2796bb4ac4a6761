package ru.frmr.audit.verifier;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A C2SP signed note: a text ending in a newline, a blank line, and signature lines
 * {@code — <key name> <base64(4-byte key hash ‖ signature)>}. The signature is over the text's UTF-8 bytes, final
 * newline included.
 *
 * @param text       the signed text, ending in a newline
 * @param signatures the signature lines, in order
 */
public record SignedNote(String text, List<NoteSignature> signatures) {

    /** The em dash (U+2014) and space that start a signature line. */
    public static final String SIGNATURE_PREFIX = "\u2014 ";

    /** One signature line. */
    public record NoteSignature(String keyName, byte[] keyHash, byte[] signature) {
    }

    public SignedNote {
        signatures = List.copyOf(signatures);
    }

    /** Reads a note; refuses anything that is not one (no blank line, no signature, a malformed signature line). */
    public static SignedNote parse(String note) {
        if (note.isEmpty() || !note.endsWith("\n")) {
            throw new IllegalArgumentException("A signed note ends with a newline");
        }
        if (note.codePoints().anyMatch(c -> c < 0x20 && c != '\n')) {
            throw new IllegalArgumentException("A signed note holds no control characters other than newline");
        }
        int blank = note.lastIndexOf("\n\n");
        if (blank < 0) {
            throw new IllegalArgumentException("A signed note has a blank line between its text and its signatures");
        }
        String text = note.substring(0, blank + 1);
        List<NoteSignature> signatures = new ArrayList<>();
        for (String line : note.substring(blank + 2).split("\n")) {
            signatures.add(signatureLine(line));
        }
        if (signatures.isEmpty()) {
            throw new IllegalArgumentException("A signed note has at least one signature");
        }
        return new SignedNote(text, signatures);
    }

    private static NoteSignature signatureLine(String line) {
        if (!line.startsWith(SIGNATURE_PREFIX)) {
            throw new IllegalArgumentException("A signature line starts with an em dash and a space");
        }
        String[] parts = line.substring(SIGNATURE_PREFIX.length()).split(" ", -1);
        if (parts.length != 2 || !VerifierKey.validName(parts[0])) {
            throw new IllegalArgumentException("A signature line is '— <key name> <base64 signature>'");
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("A note signature is base64");
        }
        if (decoded.length < 5) {
            throw new IllegalArgumentException("A note signature holds a 4-byte key hash and a signature");
        }
        return new NoteSignature(parts[0], Arrays.copyOf(decoded, 4), Arrays.copyOfRange(decoded, 4, decoded.length));
    }

    /** Whether a signature line of {@code key} (same name and key hash) verifies over the text. */
    public boolean verifiedBy(VerifierKey key) {
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        return signatures.stream()
                .filter(s -> s.keyName().equals(key.name()) && Arrays.equals(s.keyHash(), key.keyHash()))
                .anyMatch(s -> key.verifies(message, s.signature()));
    }

    /** The note's line for a signature: {@code — <name> <base64(key hash ‖ signature)>} and a newline. */
    public static String signatureLine(VerifierKey key, byte[] signature) {
        byte[] encoded = Arrays.copyOf(key.keyHash(), 4 + signature.length);
        System.arraycopy(signature, 0, encoded, 4, signature.length);
        return SIGNATURE_PREFIX + key.name() + " " + Base64.getEncoder().encodeToString(encoded) + "\n";
    }
}
