package ru.frmr.documents.upload.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import ru.frmr.documents.storage.EncryptedFiles;
import ru.frmr.documents.upload.InspectedFile;
import ru.frmr.documents.upload.store.StoredDocument.AttachmentRecord;
import ru.frmr.kit.crypto.PersonalDataCipher;

/**
 * The files at rest: each encrypted under its own key (see {@link EncryptedFiles}) in the GridFS bucket
 * {@value #BUCKET}, the key sealed under the owner's personal-data key. Shredding that key makes every copy of the
 * file unreadable, backups included; the GridFS chunks are deleted as well.
 */
@Component
public class DocumentStore {

    public static final String BUCKET = "uploads";

    private final MongoTemplate mongo;
    private final EncryptedFiles files;
    private final PersonalDataCipher cipher;

    DocumentStore(MongoTemplate mongo, EncryptedFiles files, PersonalDataCipher cipher) {
        this.mongo = mongo;
        this.files = files;
        this.cipher = cipher;
        // A person's documents newest first (ties by id), and a worker's for erasure.
        mongo.indexOps(StoredDocument.class).ensureIndex(new Index("ownerAccountId", Sort.Direction.ASC)
                .on("uploadedAt", Sort.Direction.DESC).on("_id", Sort.Direction.ASC));
        mongo.indexOps(StoredDocument.class).ensureIndex(new Index("ownerWorkerId", Sort.Direction.ASC));
    }

    /** Encrypts and stores the bytes, then the record; on failure removes what was written. */
    public StoredDocument store(String documentId, String ownerAccountId, String ownerWorkerId, String fileName,
                                InspectedFile file, Instant uploadedAt) throws IOException {
        String sealedFileName = cipher.encrypt(ownerWorkerId, fileName);
        try {
            String sealedKey;
            try (InputStream plain = Files.newInputStream(file.content())) {
                sealedKey = files.write(BUCKET, documentId, ownerWorkerId, plain);
            }
            StoredDocument record = new StoredDocument(documentId, ownerAccountId, ownerWorkerId, sealedFileName,
                    file.mediaType(), file.sizeBytes(), file.sha256(), uploadedAt, sealedKey, List.of(), null);
            mongo.insert(record);
            return record;
        } catch (IOException | RuntimeException e) {
            remove(documentId);
            throw e;
        }
    }

    /** Removes a document entirely: used only when its upload could not be recorded. */
    public void remove(String documentId) {
        deleteBytes(documentId);
        mongo.remove(Query.query(Criteria.where("_id").is(documentId)), StoredDocument.class);
    }

    public Optional<StoredDocument> find(String documentId) {
        return Optional.ofNullable(mongo.findById(documentId, StoredDocument.class));
    }

    public List<StoredDocument> ownedBy(String ownerAccountId, int page, int size) {
        return mongo.find(Query.query(Criteria.where("ownerAccountId").is(ownerAccountId))
                .with(Sort.by(Sort.Order.desc("uploadedAt"), Sort.Order.asc("_id")))
                .skip((long) page * size).limit(size), StoredDocument.class);
    }

    public long countOwnedBy(String ownerAccountId) {
        return mongo.count(Query.query(Criteria.where("ownerAccountId").is(ownerAccountId)), StoredDocument.class);
    }

    /** Idempotent: the same (purpose, target, organisation) is kept once. */
    public void attach(String documentId, AttachmentRecord attachment) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(documentId)),
                new Update().addToSet("attachments", attachment), StoredDocument.class);
    }

    /** The name the owner gave, while their key exists. */
    public Optional<String> fileName(StoredDocument document) {
        return document.sealedFileName() == null ? Optional.empty()
                : cipher.decrypt(document.ownerWorkerId(), document.sealedFileName());
    }

    /** The decrypted bytes, streamed; empty when the owner's key (and so the file) is gone. */
    public Optional<InputStream> open(StoredDocument document) {
        if (document.shreddedAt() != null || document.sealedFileKey() == null) {
            return Optional.empty();
        }
        return files.open(BUCKET, document.documentId());
    }

    /** The documents of one worker (for shredding). */
    public List<StoredDocument> ofWorker(String workerId) {
        return mongo.find(Query.query(Criteria.where("ownerWorkerId").is(workerId)), StoredDocument.class);
    }

    /**
     * Deletes the bytes and forgets key and name; the record stays, marked shredded. Repeating it changes nothing.
     */
    public void shred(StoredDocument document, Instant at) {
        deleteBytes(document.documentId());
        mongo.updateFirst(Query.query(Criteria.where("_id").is(document.documentId()).and("shreddedAt").is(null)),
                new Update().set("shreddedAt", at).unset("sealedFileKey").unset("sealedFileName"),
                StoredDocument.class);
    }

    private void deleteBytes(String documentId) {
        files.delete(BUCKET, documentId);
    }
}
