package ru.frmr.documents.certificate.issue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

import org.springframework.stereotype.Component;

import ru.frmr.documents.storage.EncryptedFiles;

/**
 * The signed PDFs of справки, in the GridFS bucket {@value #BUCKET} under their numbers, encrypted at rest the way
 * uploads are ({@link EncryptedFiles}: a key per file, sealed under the holder's worker id). Shredding the worker's
 * key (on erasure) leaves the file unreadable, in backups too.
 */
@Component
public class CertificateFiles {

    static final String BUCKET = "certificates";

    private final EncryptedFiles files;

    CertificateFiles(EncryptedFiles files) {
        this.files = files;
    }

    /** Stores the PDF under its number, replacing an earlier attempt's file of the same number. */
    void store(String number, String workerId, byte[] pdf) {
        files.delete(BUCKET, number);
        try {
            files.write(BUCKET, number, workerId, new ByteArrayInputStream(pdf));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The PDF as issued; empty when there is no such file or the holder's key is shredded. */
    public Optional<byte[]> read(String number) {
        Optional<InputStream> opened = files.open(BUCKET, number);
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = opened.get()) {
            return Optional.of(in.readAllBytes());
        } catch (IOException e) {
            // A stored справка that does not decrypt was altered at rest: a fault to see, not a missing file.
            throw new UncheckedIOException("The stored справка " + number + " does not open", e);
        }
    }
}
