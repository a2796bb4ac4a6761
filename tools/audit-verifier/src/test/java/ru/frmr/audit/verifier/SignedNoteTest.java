package ru.frmr.audit.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Against the reference vector of golang.org/x/mod/sumdb/note (the implementation C2SP signed-note describes). */
class SignedNoteTest {

    static final String VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    static final String TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    static final String NOTE = TEXT + "\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZ"
            + "SNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

    @Test
    void theReferenceNoteVerifiesWithTheReferenceKey() {
        VerifierKey key = VerifierKey.parse(VKEY);
        SignedNote note = SignedNote.parse(NOTE);

        assertThat(key.toString()).isEqualTo(VKEY);
        assertThat(note.text()).isEqualTo(TEXT);
        assertThat(note.verifiedBy(key)).isTrue();
    }

    @Test
    void aChangedTextOrSignatureDoesNotVerify() {
        VerifierKey key = VerifierKey.parse(VKEY);

        assertThat(SignedNote.parse(NOTE.replace("cryptography", "cryptographY")).verifiedBy(key)).isFalse();
        assertThat(SignedNote.parse(NOTE.replace("x08go", "x08gp")).verifiedBy(key)).isFalse();
    }

    @Test
    void aKeyWhoseHashDoesNotMatchIsRefused() {
        assertThatThrownBy(() -> VerifierKey.parse(VKEY.replace("c74f20a3", "c74f20a4")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aKeyWhoseBase64HoldsPlusSignsIsRead() {
        byte[] raw = new byte[32];
        java.util.Arrays.fill(raw, (byte) 0xfb);
        VerifierKey key = VerifierKey.of("log.example", raw);

        assertThat(key.toString()).contains("+/v7+");
        assertThat(VerifierKey.parse(key.toString()).toString()).isEqualTo(key.toString());
    }

    @Test
    void malformedNotesAreRefused() {
        assertThatThrownBy(() -> SignedNote.parse(TEXT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SignedNote.parse(TEXT + "\n- PeterNeumann AAAA\n"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SignedNote.parse(NOTE.substring(0, NOTE.length() - 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCheckpointBodyIsReadAndWrittenBack() {
        String text = "frmr.ru/audit/v1\n3\n" + "A".repeat(43) + "=\n";
        Checkpoint checkpoint = Checkpoint.parse(text);

        assertThat(checkpoint.origin()).isEqualTo("frmr.ru/audit/v1");
        assertThat(checkpoint.treeSize()).isEqualTo(3);
        assertThat(checkpoint.text()).isEqualTo(text);
        assertThatThrownBy(() -> Checkpoint.parse("o\n03\n" + "A".repeat(43) + "=\n"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
