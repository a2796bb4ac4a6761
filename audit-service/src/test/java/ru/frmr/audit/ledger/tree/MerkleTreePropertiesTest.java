package ru.frmr.audit.ledger.tree;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import ru.frmr.audit.verifier.Proofs;

/**
 * The tree's roots and proofs against {@link NaiveRfc9162} for random logs of 1..300 entries, and the outside
 * verifier's checks of them: every proof verifies, and any single flipped bit, or another index or size, does not.
 */
class MerkleTreePropertiesTest {

    /** A log and two places in it: sizes m ≤ n and a leaf index below m. */
    record Case(List<byte[]> entries, int index, int m, int n, long seed) {
    }

    @Provide
    Arbitrary<Case> logs() {
        return Arbitraries.integers().between(1, 300).flatMap(size -> Combinators.combine(
                Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(40).list().ofSize(size),
                Arbitraries.integers().between(1, size),
                Arbitraries.integers().between(1, size),
                Arbitraries.longs())
                .as((entries, a, b, seed) -> {
                    int m = Math.min(a, b);
                    int n = Math.max(a, b);
                    return new Case(distinct(entries), new Random(seed).nextInt(m), m, n, seed);
                }));
    }

    @Property(tries = 150)
    void rootsEqualTheRfcDefinitionForEverySize(@ForAll("logs") Case log) {
        MerkleTree tree = new MerkleTree(nodesOf(log.entries()));

        for (int size = 1; size <= log.entries().size(); size++) {
            assertThat(tree.root(size)).isEqualTo(NaiveRfc9162.mth(log.entries().subList(0, size)));
        }
    }

    @Property(tries = 300)
    void inclusionProofsAreTheRfcsAndVerifyAndNothingElseDoes(@ForAll("logs") Case log) {
        MerkleTree tree = new MerkleTree(nodesOf(log.entries()));
        List<byte[]> prefix = log.entries().subList(0, log.n());
        byte[] root = tree.root(log.n());
        byte[] leaf = NodeHash.leaf(log.entries().get(log.index()));

        List<byte[]> proof = tree.inclusionProof(log.index(), log.n());

        assertThat(proof).containsExactlyElementsOf(NaiveRfc9162.path(log.index(), prefix));
        assertThat(Proofs.verifyInclusion(log.index(), log.n(), leaf, proof, root)).isTrue();
        Random random = new Random(log.seed());
        for (int i = 0; i < proof.size(); i++) {
            assertThat(Proofs.verifyInclusion(log.index(), log.n(), leaf, flipped(proof, i, random), root)).isFalse();
        }
        assertThat(Proofs.verifyInclusion(log.index(), log.n(), flip(leaf, random), proof, root)).isFalse();
        assertThat(Proofs.verifyInclusion(log.index(), log.n(), leaf, proof, flip(root, random))).isFalse();
        for (int other = 0; other < log.n(); other++) {
            if (other != log.index()) {
                assertThat(Proofs.verifyInclusion(other, log.n(), leaf, proof, root)).isFalse();
            }
        }
        for (int size = log.index() + 1; size <= log.entries().size(); size++) {
            if (size != log.n()) {
                assertThat(Proofs.verifyInclusion(log.index(), size, leaf, proof, tree.root(size))).isFalse();
            }
        }
        if (!proof.isEmpty()) {
            assertThat(Proofs.verifyInclusion(log.index(), log.n(), leaf, proof.subList(1, proof.size()), root))
                    .isFalse();
        }
    }

    @Property(tries = 300)
    void consistencyProofsAreTheRfcsAndVerifyAndNothingElseDoes(@ForAll("logs") Case log) {
        MerkleTree tree = new MerkleTree(nodesOf(log.entries()));
        byte[] oldRoot = tree.root(log.m());
        byte[] newRoot = tree.root(log.n());

        List<byte[]> proof = tree.consistencyProof(log.m(), log.n());

        if (log.m() < log.n()) {
            assertThat(proof).containsExactlyElementsOf(
                    NaiveRfc9162.proof(log.m(), log.entries().subList(0, log.n())));
        } else {
            assertThat(proof).isEmpty();
        }
        assertThat(Proofs.verifyConsistency(log.m(), log.n(), oldRoot, newRoot, proof)).isTrue();
        Random random = new Random(log.seed());
        for (int i = 0; i < proof.size(); i++) {
            assertThat(Proofs.verifyConsistency(log.m(), log.n(), oldRoot, newRoot, flipped(proof, i, random)))
                    .isFalse();
        }
        assertThat(Proofs.verifyConsistency(log.m(), log.n(), flip(oldRoot, random), newRoot, proof)).isFalse();
        assertThat(Proofs.verifyConsistency(log.m(), log.n(), oldRoot, flip(newRoot, random), proof)).isFalse();
        for (int size = 1; size <= log.entries().size(); size++) {
            if (size != log.m() && size <= log.n()) {
                assertThat(Proofs.verifyConsistency(size, log.n(), tree.root(size), newRoot, proof)).isFalse();
            }
            if (size != log.n() && size >= log.m()) {
                assertThat(Proofs.verifyConsistency(log.m(), size, oldRoot, tree.root(size), proof)).isFalse();
            }
        }
    }

    /** Each entry starts with its index: equal entries would make another index's proof a true one. */
    private static List<byte[]> distinct(List<byte[]> entries) {
        List<byte[]> distinct = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            byte[] entry = entries.get(i);
            byte[] tagged = java.nio.ByteBuffer.allocate(Integer.BYTES + entry.length).putInt(i).put(entry).array();
            distinct.add(tagged);
        }
        return distinct;
    }

    /** Complete subtrees computed straight from the definition, so only the tree's traversal is under test. */
    static CompleteSubtrees nodesOf(List<byte[]> entries) {
        return (level, index) -> {
            int from = Math.toIntExact(index << level);
            return NaiveRfc9162.mth(entries.subList(from, from + (1 << level)));
        };
    }

    private static List<byte[]> flipped(List<byte[]> proof, int at, Random random) {
        List<byte[]> copy = new ArrayList<>(proof);
        copy.set(at, flip(proof.get(at), random));
        return copy;
    }

    private static byte[] flip(byte[] hash, Random random) {
        byte[] copy = hash.clone();
        int bit = random.nextInt(copy.length * 8);
        copy[bit / 8] ^= (byte) (1 << (bit % 8));
        return copy;
    }
}
