package ru.frmr.portal.web.audit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

import ru.frmr.audit.verifier.TreeHash;
import ru.frmr.audit.verifier.VerifierKey;

/**
 * The portal's proof checks against a naive recursive RFC 9162 tree (MTH, PATH, PROOF exactly as §2.1 writes them):
 * every proof of every tree up to 33 leaves verifies, and any flipped bit of a proof, a leaf or a root fails; a
 * signed note verifies with its key and fails when its text or key is another. Its tree and notes also feed the
 * portal's checkpoint page test.
 */
public class ProofCheckTest {

    private static final int MAX_LEAVES = 33;

    @Test
    void everyInclusionProofVerifiesAndAnyFlippedBitFails() throws Exception {
        for (int n = 1; n <= MAX_LEAVES; n++) {
            List<byte[]> leaves = leaves(n);
            byte[] root = mth(leaves);
            for (int m = 0; m < n; m++) {
                byte[] leafHash = ProofCheck.leafHash(leaves.get(m));
                List<byte[]> path = path(m, leaves);
                long index = m;
                long size = n;
                assertThatCode(() -> ProofCheck.verifyInclusion(index, size, leafHash, path, root))
                        .as("leaf %d of %d", m, n).doesNotThrowAnyException();
                for (int i = 0; i < path.size(); i++) {
                    List<byte[]> bad = flipped(path, i);
                    assertThatThrownBy(() -> ProofCheck.verifyInclusion(index, size, leafHash, bad, root))
                            .isInstanceOf(ProofCheck.Failure.class);
                }
                assertThatThrownBy(() -> ProofCheck.verifyInclusion(index, size, flip(leafHash), path, root))
                        .isInstanceOf(ProofCheck.Failure.class);
                assertThatThrownBy(() -> ProofCheck.verifyInclusion(index, size, leafHash, path, flip(root)))
                        .isInstanceOf(ProofCheck.Failure.class);
                if (n > 1) {
                    long other = (m + 1) % n;
                    assertThatThrownBy(() -> ProofCheck.verifyInclusion(other, size, leafHash, path, root))
                            .as("leaf %d's proof for leaf %d of %d", m, other, n)
                            .isInstanceOf(ProofCheck.Failure.class);
                }
            }
        }
    }

    @Test
    void aProofForALeafOutsideTheTreeFails() {
        List<byte[]> leaves = leaves(4);
        assertThatThrownBy(() -> ProofCheck.verifyInclusion(4, 4, ProofCheck.leafHash(leaves.get(0)),
                path(0, leaves), mth(leaves))).isInstanceOf(ProofCheck.Failure.class);
    }

    @Test
    void everyConsistencyProofVerifiesAndAnyFlippedBitFails() throws Exception {
        for (int n = 1; n <= MAX_LEAVES; n++) {
            List<byte[]> leaves = leaves(n);
            byte[] second = mth(leaves);
            for (int m = 1; m <= n; m++) {
                byte[] first = mth(leaves.subList(0, m));
                List<byte[]> proof = proof(m, leaves);
                long from = m;
                long to = n;
                assertThatCode(() -> ProofCheck.verifyConsistency(from, to, first, second, proof))
                        .as("%d to %d", m, n).doesNotThrowAnyException();
                for (int i = 0; i < proof.size(); i++) {
                    List<byte[]> bad = flipped(proof, i);
                    assertThatThrownBy(() -> ProofCheck.verifyConsistency(from, to, first, second, bad))
                            .as("%d to %d, hash %d flipped", m, n, i).isInstanceOf(ProofCheck.Failure.class);
                }
                assertThatThrownBy(() -> ProofCheck.verifyConsistency(from, to, flip(first), second, proof))
                        .isInstanceOf(ProofCheck.Failure.class);
                assertThatThrownBy(() -> ProofCheck.verifyConsistency(from, to, first, flip(second), proof))
                        .isInstanceOf(ProofCheck.Failure.class);
            }
        }
    }

    @Test
    void aSignedCheckpointVerifiesWithItsKeyOnly() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String name = "frmr.test/audit";
        byte[] raw = rawPublicKey(pair);
        byte[] root = mth(leaves(5));
        String body = name + "\n5\n" + Base64.getEncoder().encodeToString(root) + "\n";
        String note = signed(body, name, pair, raw);
        String vkey = vkey(name, raw);

        ProofCheck.Checkpoint checkpoint = ProofCheck.parseCheckpoint(note);
        VerifierKey key = ProofCheck.parseVerifierKey(vkey);
        assertThatCode(() -> ProofCheck.verifySignature(checkpoint, key)).doesNotThrowAnyException();
        org.assertj.core.api.Assertions.assertThat(checkpoint.treeSize()).isEqualTo(5);
        org.assertj.core.api.Assertions.assertThat(checkpoint.rootHash()).isEqualTo(root);

        // The same signature over a note whose size was changed.
        String forged = note.replaceFirst("\n5\n", "\n6\n");
        assertThatThrownBy(() -> ProofCheck.verifySignature(ProofCheck.parseCheckpoint(forged), key))
                .isInstanceOf(ProofCheck.Failure.class).hasMessageContaining("подпись");

        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        VerifierKey otherKey = ProofCheck.parseVerifierKey(vkey(name, rawPublicKey(other)));
        assertThatThrownBy(() -> ProofCheck.verifySignature(checkpoint, otherKey))
                .isInstanceOf(ProofCheck.Failure.class);
    }

    @Test
    void aVerifierKeyWhoseHashDoesNotMatchItsKeyIsRefused() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String vkey = vkey("frmr.test/audit", rawPublicKey(pair));
        String wrongHash = vkey.replaceFirst("\\+[0-9a-f]{8}\\+", "+00000000+");
        assertThatThrownBy(() -> ProofCheck.parseVerifierKey(wrongHash)).isInstanceOf(ProofCheck.Failure.class);
        assertThatThrownBy(() -> ProofCheck.parseCheckpoint("no blank line")).isInstanceOf(ProofCheck.Failure.class);
    }

    // --- a signed note as C2SP writes it -----------------------------------------------------------------------

    public static String signed(String body, String name, KeyPair pair, byte[] raw) throws Exception {
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(pair.getPrivate());
        signer.update(body.getBytes(StandardCharsets.UTF_8));
        byte[] signature = signer.sign();
        byte[] blob = new byte[4 + signature.length];
        System.arraycopy(VerifierKey.keyHash(name, raw), 0, blob, 0, 4);
        System.arraycopy(signature, 0, blob, 4, signature.length);
        return body + "\n\u2014 " + name + " " + Base64.getEncoder().encodeToString(blob) + "\n";
    }

    public static String vkey(String name, byte[] raw) {
        byte[] typed = new byte[33];
        typed[0] = 0x01;
        System.arraycopy(raw, 0, typed, 1, 32);
        return name + "+" + HexFormat.of().formatHex(VerifierKey.keyHash(name, raw)) + "+"
                + Base64.getEncoder().encodeToString(typed);
    }

    public static byte[] rawPublicKey(KeyPair pair) {
        byte[] encoded = pair.getPublic().getEncoded();
        return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
    }

    // --- RFC 9162 §2.1, recursively ------------------------------------------------------------------------------

    public static List<byte[]> leaves(int n) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            leaves.add(("{\"sequence\":" + (i + 1) + "}").getBytes(StandardCharsets.UTF_8));
        }
        return leaves;
    }

    public static byte[] mth(List<byte[]> d) {
        if (d.size() == 1) {
            return ProofCheck.leafHash(d.get(0));
        }
        int k = split(d.size());
        return TreeHash.node(mth(d.subList(0, k)), mth(d.subList(k, d.size())));
    }

    public static List<byte[]> path(int m, List<byte[]> d) {
        List<byte[]> result = new ArrayList<>();
        if (d.size() == 1) {
            return result;
        }
        int k = split(d.size());
        if (m < k) {
            result.addAll(path(m, d.subList(0, k)));
            result.add(mth(d.subList(k, d.size())));
        } else {
            result.addAll(path(m - k, d.subList(k, d.size())));
            result.add(mth(d.subList(0, k)));
        }
        return result;
    }

    public static List<byte[]> proof(int m, List<byte[]> d) {
        return subproof(m, d, true);
    }

    private static List<byte[]> subproof(int m, List<byte[]> d, boolean b) {
        List<byte[]> result = new ArrayList<>();
        int n = d.size();
        if (m == n) {
            if (!b) {
                result.add(mth(d));
            }
            return result;
        }
        int k = split(n);
        if (m <= k) {
            result.addAll(subproof(m, d.subList(0, k), b));
            result.add(mth(d.subList(k, n)));
        } else {
            result.addAll(subproof(m - k, d.subList(k, n), false));
            result.add(mth(d.subList(0, k)));
        }
        return result;
    }

    /** The largest power of two smaller than n. */
    private static int split(int n) {
        return Integer.highestOneBit(n - 1);
    }

    private static List<byte[]> flipped(List<byte[]> hashes, int which) {
        List<byte[]> copy = new ArrayList<>(hashes);
        copy.set(which, flip(hashes.get(which)));
        return copy;
    }

    private static byte[] flip(byte[] hash) {
        byte[] copy = hash.clone();
        copy[copy.length / 2] ^= 0x10;
        return copy;
    }
}
