package ru.frmr.kit.crypto;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link DataKeyStore} in a map, for unit tests of the cipher. */
final class InMemoryDataKeyStore implements DataKeyStore {

    final Map<String, StoredDataKey> records = new ConcurrentHashMap<>();

    @Override
    public Optional<StoredDataKey> find(String subjectId) {
        return Optional.ofNullable(records.get(subjectId));
    }

    @Override
    public boolean insertIfAbsent(StoredDataKey key) {
        return records.putIfAbsent(key.subjectId(), key) == null;
    }

    @Override
    public void shred(String subjectId) {
        records.compute(subjectId, (id, old) -> StoredDataKey.tombstone(id, old == null ? 0 : old.generation()));
    }

    @Override
    public boolean replaceTombstone(StoredDataKey replacement) {
        StoredDataKey expected = records.get(replacement.subjectId());
        return expected != null && expected.shredded() && expected.generation() == replacement.generation() - 1
                && records.replace(replacement.subjectId(), expected, replacement);
    }

    @Override
    public boolean rewrap(StoredDataKey current, String masterKeyId, byte[] wrappedKey) {
        return records.replace(current.subjectId(), current,
                new StoredDataKey(current.subjectId(), current.generation(), masterKeyId, wrappedKey));
    }
}
