package ru.frmr.documents.storage;

import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.Optional;

import com.mongodb.MongoGridFSException;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.GridFSUploadStream;
import com.mongodb.client.gridfs.model.GridFSFile;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.model.Filters;
import org.bson.BsonString;
import org.bson.Document;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Component;

import ru.frmr.kit.crypto.PersonalDataCipher;

/**
 * Files at rest in GridFS, for uploads and issued справки alike: each encrypted with a key of its own (see
 * {@link FileCrypto}: chunked AES-256-GCM, streamed both ways), that key sealed with the kit's
 * {@link PersonalDataCipher} under the person's worker id and kept in the GridFS file's metadata. Shredding the
 * person's key leaves every copy of the file unreadable, backups included.
 */
@Component
public class EncryptedFiles {

    private static final String SUBJECT = "subject";
    private static final String SEALED_KEY = "sealedKey";

    private final MongoDatabaseFactory databases;
    private final PersonalDataCipher cipher;

    EncryptedFiles(MongoDatabaseFactory databases, PersonalDataCipher cipher) {
        this.databases = databases;
        this.cipher = cipher;
    }

    /**
     * Encrypts {@code plain} into {@code bucket} under {@code fileId} with a fresh key; on failure nothing of it is
     * left behind.
     *
     * @return the file key, sealed under {@code subject}, for callers that keep it in their own record as well
     * @throws ru.frmr.kit.crypto.SubjectShreddedException when the subject's personal data was erased
     */
    public String write(String bucket, String fileId, String subject, InputStream plain) throws IOException {
        byte[] key = FileCrypto.newKey();
        String sealedKey = cipher.encrypt(subject, Base64.getEncoder().encodeToString(key));
        GridFSUploadOptions options = new GridFSUploadOptions()
                .metadata(new Document(SUBJECT, subject).append(SEALED_KEY, sealedKey));
        try (GridFSUploadStream out = bucket(bucket).openUploadStream(new BsonString(fileId), fileId, options)) {
            FileCrypto.encrypt(key, plain, out);
        } catch (IOException | RuntimeException e) {
            delete(bucket, fileId);
            throw e;
        }
        return sealedKey;
    }

    /**
     * The decrypted bytes, streamed (a chunk that fails authentication ends the stream in an IOException); empty
     * when there is no such file or its subject's key is shredded.
     */
    public Optional<InputStream> open(String bucket, String fileId) {
        GridFSBucket files = bucket(bucket);
        GridFSFile file = files.find(Filters.eq("_id", new BsonString(fileId))).first();
        Document metadata = file == null ? null : file.getMetadata();
        if (metadata == null) {
            return Optional.empty();
        }
        Optional<byte[]> key = cipher.decrypt(metadata.getString(SUBJECT), metadata.getString(SEALED_KEY))
                .map(Base64.getDecoder()::decode);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(FileCrypto.decrypting(key.get(), files.openDownloadStream(new BsonString(fileId))));
        } catch (MongoGridFSException removedMeanwhile) {
            return Optional.empty();
        }
    }

    /** Removes the file; nothing happens when there is none. */
    public void delete(String bucket, String fileId) {
        try {
            bucket(bucket).delete(new BsonString(fileId));
        } catch (MongoGridFSException alreadyGone) {
            // Nothing stored under this id (a second removal, or a write that failed before its first chunk).
        }
    }

    private GridFSBucket bucket(String name) {
        return GridFSBuckets.create(databases.getMongoDatabase(), name);
    }
}
