package ru.frmr.portal.web.audit;

import java.util.List;

import ru.frmr.audit.verifier.Proofs;
import ru.frmr.audit.verifier.SignedNote;
import ru.frmr.audit.verifier.TreeHash;
import ru.frmr.audit.verifier.VerifierKey;

/**
 * The portal's own check of what audit-service claims: a checkpoint's signature (C2SP signed note, Ed25519), an
 * entry's inclusion and two checkpoints' consistency (RFC 9162 §2.1.3.2, §2.1.4.2), done by the standalone
 * verifier's code ({@code tools/audit-verifier}), so the auditor's page does not take the service's word for it.
 * This class only turns the verifier's answers into the words the page shows.
 */
public final class ProofCheck {

    private ProofCheck() {
    }

    /** Why a check failed, in words the page shows. */
    public static final class Failure extends Exception {
        public Failure(String message) {
            super(message);
        }
    }

    /** A checkpoint as published: what it says and the signed note it came in. */
    public record Checkpoint(String origin, long treeSize, byte[] rootHash, SignedNote note) {
    }

    /** Reads a checkpoint in the tlog-checkpoint format (origin, size, base64 root, extensions; blank line; signatures). */
    public static Checkpoint parseCheckpoint(String text) throws Failure {
        try {
            SignedNote note = SignedNote.parse(text);
            ru.frmr.audit.verifier.Checkpoint body = ru.frmr.audit.verifier.Checkpoint.parse(note.text());
            return new Checkpoint(body.origin(), body.treeSize(), body.rootHash(), note);
        } catch (IllegalArgumentException unreadable) {
            throw new Failure("контрольная точка не читается: " + unreadable.getMessage());
        }
    }

    public static VerifierKey parseVerifierKey(String text) throws Failure {
        try {
            return VerifierKey.parse(text.strip());
        } catch (IllegalArgumentException unreadable) {
            throw new Failure("ключ проверки подписи не читается");
        }
    }

    /** Fails unless the checkpoint carries a valid signature by {@code key}. */
    public static void verifySignature(Checkpoint checkpoint, VerifierKey key) throws Failure {
        boolean named = checkpoint.note().signatures().stream().anyMatch(s -> s.keyName().equals(key.name()));
        if (!named) {
            throw new Failure("контрольная точка не подписана ключом " + key.name());
        }
        if (!checkpoint.note().verifiedBy(key)) {
            throw new Failure("подпись контрольной точки неверна");
        }
    }

    /** RFC 9162 leaf hash: SHA-256(0x00 ‖ entry). */
    public static byte[] leafHash(byte[] leaf) {
        return TreeHash.leaf(leaf);
    }

    /** Fails unless {@code path} proves the leaf at {@code index} is in the tree of {@code size} with {@code root}. */
    public static void verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> path, byte[] root)
            throws Failure {
        if (index < 0 || index >= size) {
            throw new Failure("номер записи вне дерева");
        }
        if (!Proofs.verifyInclusion(index, size, leafHash, path, root)) {
            throw new Failure("доказательство включения не сходится к корню контрольной точки");
        }
    }

    /** Fails unless {@code path} proves the tree of {@code second} extends the tree of {@code first}. */
    public static void verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot,
                                         List<byte[]> path) throws Failure {
        if (first < 1 || second < first) {
            throw new Failure("размеры деревьев для проверки согласованности неверны");
        }
        if (!Proofs.verifyConsistency(first, second, firstRoot, secondRoot, path)) {
            throw new Failure("доказательство согласованности не сходится к корням контрольных точек");
        }
    }
}
