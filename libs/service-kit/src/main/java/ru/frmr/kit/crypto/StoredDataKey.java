package ru.frmr.kit.crypto;

/**
 * One subject's record in the key collection. A live record holds the data key wrapped under the master key
 * {@code masterKeyId}; a shredded record (a tombstone) holds no key material, only the generation it ended.
 *
 * @param generation 1 for the first key; a {@link PersonalDataCipher#reinstate reinstated} subject gets the next
 */
public record StoredDataKey(String subjectId, long generation, String masterKeyId, byte[] wrappedKey) {

    static StoredDataKey tombstone(String subjectId, long generation) {
        return new StoredDataKey(subjectId, generation, null, null);
    }

    public boolean shredded() {
        return wrappedKey == null;
    }

    @Override
    public String toString() {
        return "StoredDataKey[subject=" + subjectId + ", generation=" + generation
                + (shredded() ? ", shredded" : ", masterKeyId=" + masterKeyId) + "]";
    }
}
