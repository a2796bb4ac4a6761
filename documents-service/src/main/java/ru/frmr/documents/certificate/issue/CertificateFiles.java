package ru.frmr.documents.certificate.issue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.mongodb.client.gridfs.model.GridFSFile;
import org.bson.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.stereotype.Component;

import ru.frmr.kit.crypto.PersonalDataCipher;

/**
 * The signed PDFs of справки in GridFS, encrypted at rest the way uploads are: a random AES-256-GCM key per file,
 * sealed with the {@link PersonalDataCipher} under the holder's worker id and kept in the file's metadata. Shredding
 * the worker's key (on erasure) leaves the file unreadable, in backups too. The file is named by the справка number
 * and bound to it as additional authenticated data, so a file moved under another number does not open.
 */
@Component
public class CertificateFiles {

    private static final String BUCKET_FILE_TYPE = "certificate";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final GridFsTemplate gridFs;
    private final PersonalDataCipher cipher;
    private final SecureRandom random = new SecureRandom();

    CertificateFiles(GridFsTemplate gridFs, PersonalDataCipher cipher) {
        this.gridFs = gridFs;
        this.cipher = cipher;
    }

    /** Stores the PDF under its number, replacing an earlier attempt's file of the same number. */
    void store(String number, String workerId, byte[] pdf) {
        SecretKey key = newKey();
        byte[] sealed = seal(key, pdf, number);
        gridFs.delete(byNumber(number));
        Document metadata = new Document("fileType", BUCKET_FILE_TYPE)
                .append("workerId", workerId)
                .append("sealedKey", cipher.encrypt(workerId, Base64.getEncoder().encodeToString(key.getEncoded())));
        gridFs.store(new ByteArrayInputStream(sealed), number, "application/octet-stream", metadata);
    }

    /** The PDF as issued; empty when there is no such file or the holder's key is shredded. */
    public Optional<byte[]> read(String number) {
        GridFSFile file = gridFs.findOne(byNumber(number));
        if (file == null || file.getMetadata() == null) {
            return Optional.empty();
        }
        String workerId = file.getMetadata().getString("workerId");
        Optional<String> key = cipher.open(workerId, file.getMetadata().getString("sealedKey"));
        if (key.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = gridFs.getResource(file).getInputStream()) {
            return Optional.of(open(new SecretKeySpec(Base64.getDecoder().decode(key.get()), "AES"),
                    in.readAllBytes(), number));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Query byNumber(String number) {
        return Query.query(Criteria.where("filename").is(number).and("metadata.fileType").is(BUCKET_FILE_TYPE));
    }

    private static SecretKey newKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            return generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] seal(SecretKey key, byte[] plaintext, String number) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            aes.updateAAD(number.getBytes(StandardCharsets.US_ASCII));
            byte[] ciphertext = aes.doFinal(plaintext);
            return ByteBuffer.allocate(IV_BYTES + ciphertext.length).put(iv).put(ciphertext).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] open(SecretKey key, byte[] message, String number) {
        try {
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, message, 0, IV_BYTES));
            aes.updateAAD(number.getBytes(StandardCharsets.US_ASCII));
            return aes.doFinal(message, IV_BYTES, message.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The stored справка " + number + " does not open", e);
        }
    }
}
