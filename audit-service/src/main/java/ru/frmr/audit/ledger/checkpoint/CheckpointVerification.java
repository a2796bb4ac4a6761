package ru.frmr.audit.ledger.checkpoint;

/**
 * The stored ledger held against a published checkpoint.
 *
 * @param consistent       the entries 1..treeSize as stored give the checkpoint's root
 * @param treeSize         the checkpoint's tree size
 * @param entriesChecked   entries read: all of them when consistent, else up to the first bad one
 * @param firstBadIndex    leaf index (sequence - 1) of the first entry that is missing or differs; {@code null} when
 *                         consistent, or when every entry checks out one by one yet the root differs
 * @param firstBadSequence {@code firstBadIndex + 1}
 * @param reason           {@code null} when consistent; else {@code missing entry}, {@code altered entry},
 *                         {@code broken link}, {@code ledger cut short} or {@code root differs}
 */
public record CheckpointVerification(boolean consistent, long treeSize, long entriesChecked, Long firstBadIndex,
                                     Long firstBadSequence, String reason) {

    static CheckpointVerification consistent(long treeSize) {
        return new CheckpointVerification(true, treeSize, treeSize, null, null, null);
    }

    static CheckpointVerification badAt(long treeSize, long checked, long index, String reason) {
        return new CheckpointVerification(false, treeSize, checked, index, index + 1, reason);
    }

    static CheckpointVerification rootDiffers(long treeSize) {
        return new CheckpointVerification(false, treeSize, treeSize, null, null, "root differs");
    }
}
