package ru.frmr.audit.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line on a three-entry log built here by hand from RFC 9162's definitions. */
class MainTest {

    private static final String ORIGIN = "example.test/log";

    @TempDir
    Path dir;

    private KeyPair keys;
    private VerifierKey key;
    private byte[][] leaves;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void log() throws Exception {
        keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] spki = keys.getPublic().getEncoded();
        key = VerifierKey.of(ORIGIN, Arrays.copyOfRange(spki, spki.length - 32, spki.length));
        leaves = new byte[][] {TreeHash.leaf(bytes("a")), TreeHash.leaf(bytes("b")), TreeHash.leaf(bytes("c"))};
    }

    @Test
    void aSignedCheckpointVerifies() throws Exception {
        assertThat(run("checkpoint", "--key", key.toString(), "--checkpoint", file("cp3", checkpoint(3))))
                .isEqualTo(Main.VERIFIED);
        assertThat(out.toString()).contains("OK: checkpoint of example.test/log at tree size 3");
    }

    @Test
    void aCheckpointSignedByAnotherKeyFails() throws Exception {
        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String forged = Checkpoint.parse(text(3)).text() + "\n" + SignedNote.signatureLine(key, sign(other, text(3)));

        assertThat(run("checkpoint", "--key", key.toString(), "--checkpoint", file("cp", forged)))
                .as(err::toString).isEqualTo(Main.FAILED);
        assertThat(out.toString()).contains("FAILED: the checkpoint checkpoint (tree size 3) has no valid signature");
    }

    @Test
    void anEntryIsIncludedAndAnotherIsNot() throws Exception {
        String proof = "{\"leafIndex\":2,\"treeSize\":3,\"leafHash\":\"" + b64(leaves[2]) + "\",\"hashes\":[\""
                + b64(TreeHash.node(leaves[0], leaves[1])) + "\"]}";
        String leaf = "{\"sequence\":3,\"leafIndex\":2,\"leaf\":\"" + b64(bytes("c")) + "\"}";
        String forgedLeaf = "{\"sequence\":3,\"leafIndex\":2,\"leaf\":\"" + b64(bytes("C")) + "\"}";
        String checkpoint = file("cp3", checkpoint(3));

        assertThat(run("inclusion", "--key", key.toString(), "--leaf", file("leaf", leaf), "--checkpoint", checkpoint,
                "--proof", file("proof", proof))).isEqualTo(Main.VERIFIED);
        assertThat(run("inclusion", "--key", key.toString(), "--leaf", file("forged", forgedLeaf), "--checkpoint",
                checkpoint, "--proof", file("proof", proof))).isEqualTo(Main.FAILED);
        assertThat(out.toString()).contains("FAILED: leaf 2 (sequence 3) is not in the tree of size 3");
    }

    @Test
    void aLogThatGrewIsConsistentAndARewrittenOneIsNot() throws Exception {
        String proof = "{\"from\":2,\"to\":3,\"hashes\":[\"" + b64(leaves[2]) + "\"]}";
        String old = file("cp2", checkpoint(2));

        assertThat(run("consistency", "--key", key.toString(), "--old", old, "--new", file("cp3", checkpoint(3)),
                "--proof", file("proof", proof))).isEqualTo(Main.VERIFIED);

        leaves[1] = TreeHash.leaf(bytes("rewritten"));
        assertThat(run("consistency", "--key", key.toString(), "--old", old, "--new", file("cp3b", checkpoint(3)),
                "--proof", file("proof", proof))).isEqualTo(Main.FAILED);
        assertThat(out.toString()).contains("does not extend the tree of size 2");
    }

    @Test
    void usageErrorsExitWithTwo() throws Exception {
        assertThat(run()).isEqualTo(Main.USAGE_ERROR);
        assertThat(run("checkpoint", "--checkpoint", "x")).isEqualTo(Main.USAGE_ERROR);
        assertThat(run("checkpoint", "--key", key.toString(), "--checkpoint", dir.resolve("none").toString()))
                .isEqualTo(Main.USAGE_ERROR);
        assertThat(run("inclusion", "--bogus", "1")).isEqualTo(Main.USAGE_ERROR);
        assertThat(err.toString()).contains("Usage:");
    }

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String checkpoint(int size) throws Exception {
        String text = text(size);
        return text + "\n" + SignedNote.signatureLine(key, sign(keys, text));
    }

    private String text(int size) {
        byte[] root = size == 2 ? TreeHash.node(leaves[0], leaves[1])
                : TreeHash.node(TreeHash.node(leaves[0], leaves[1]), leaves[2]);
        return new Checkpoint(ORIGIN, size, root, List.of()).text();
    }

    private static byte[] sign(KeyPair pair, String text) throws Exception {
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(pair.getPrivate());
        signer.update(bytes(text));
        return signer.sign();
    }

    private String file(String name, String content) throws IOException {
        Path path = dir.resolve(name);
        Files.writeString(path, content, StandardCharsets.UTF_8);
        return path.toString();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
