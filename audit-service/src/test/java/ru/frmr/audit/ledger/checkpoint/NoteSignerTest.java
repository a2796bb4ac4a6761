package ru.frmr.audit.ledger.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import ru.frmr.audit.verifier.Checkpoint;
import ru.frmr.audit.verifier.SignedNote;
import ru.frmr.audit.verifier.VerifierKey;
import ru.frmr.kit.devkeys.DevelopmentKeys;

class NoteSignerTest {

    // The reference vector of golang.org/x/mod/sumdb/note: its signer key is 0x01 ‖ the Ed25519 seed.
    private static final String GO_SIGNER_SEED = "AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    private static final String GO_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    private static final String GO_TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    private static final String GO_NOTE = GO_TEXT + "\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcEl"
            + "ZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

    static String pkcs8(byte[] seed) {
        byte[] prefix = HexFormat.of().parseHex("302e020100300506032b657004220420");
        byte[] der = Arrays.copyOf(prefix, prefix.length + seed.length);
        System.arraycopy(seed, 0, der, prefix.length, seed.length);
        return Base64.getEncoder().encodeToString(der);
    }

    private static NoteSigner goSigner() {
        byte[] skey = Base64.getDecoder().decode(GO_SIGNER_SEED);
        return new NoteSigner("PeterNeumann", pkcs8(Arrays.copyOfRange(skey, 1, skey.length)));
    }

    @Test
    void signsTheReferenceNoteByteForByte() {
        NoteSigner signer = goSigner();

        assertThat(signer.verifierKey()).isEqualTo(GO_VKEY);
        assertThat(signer.sign(GO_TEXT)).isEqualTo(GO_NOTE);
    }

    @Test
    void recognisesOnlyNotesItSigned() {
        NoteSigner signer = goSigner();

        assertThat(signer.verifiedText(GO_NOTE)).contains(GO_TEXT);
        assertThat(signer.verifiedText(GO_NOTE.replace("problem,", "problem;"))).isEmpty();
        assertThat(signer.verifiedText(GO_TEXT)).isEmpty();
    }

    @Test
    void aCheckpointItSignsVerifiesWithTheOutsideVerifier() {
        NoteSigner signer = new NoteSigner("frmr.ru/audit/v1",
                "MC4CAQAwBQYDK2VwBCIEICBEMYgvmsxa9TBE99IdhbFCPQqrfy+98mFlQkQFi3Qn");
        byte[] root = new byte[32];
        root[0] = 7;

        String note = signer.sign(StoredCheckpoint.text("frmr.ru/audit/v1", 42, root));

        SignedNote parsed = SignedNote.parse(note);
        assertThat(parsed.verifiedBy(VerifierKey.parse(signer.verifierKey()))).isTrue();
        Checkpoint checkpoint = Checkpoint.parse(parsed.text());
        assertThat(checkpoint.treeSize()).isEqualTo(42);
        assertThat(checkpoint.rootHash()).isEqualTo(root);
        assertThat(StoredCheckpoint.parse(parsed.text())).hasValueSatisfying(b -> assertThat(b.treeSize()).isEqualTo(42));
    }

    @Test
    void theDevelopmentKeyIsReadFromItsPemFileAndKnownAsADevelopmentKey() throws Exception {
        // Tests run in the module's directory.
        String pem = Files.readString(Path.of("../infra/dev-keys/audit-checkpoints.key.pem"));

        assertThat(new NoteSigner("frmr.ru/audit/v1", pem).verifierKey()).isEqualTo(
                new NoteSigner("frmr.ru/audit/v1", pem.replaceAll("-----[A-Z ]+-----|\\s", "")).verifierKey());
        assertThat(DevelopmentKeys.find(pem)).contains("audit-checkpoints.key.pem");
    }

    @Test
    void aKeyThatIsNotEd25519IsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> new NoteSigner("log", "bm90IGEga2V5"))
                .hasMessage("frmr.audit.checkpoints.signing-key is not a base64 PKCS#8 Ed25519 key");
    }
}
