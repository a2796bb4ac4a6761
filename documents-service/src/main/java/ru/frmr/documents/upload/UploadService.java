package ru.frmr.documents.upload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;

import ru.frmr.documents.upload.api.AttachDocumentCommand;
import ru.frmr.documents.upload.api.Attachment;
import ru.frmr.documents.upload.api.RecordUploadCommand;
import ru.frmr.documents.upload.store.DocumentStore;
import ru.frmr.documents.upload.store.StoredDocument;
import ru.frmr.documents.upload.store.StoredDocument.AttachmentRecord;
import ru.frmr.kit.crypto.SubjectShreddedException;
import ru.frmr.kit.error.ConflictException;

/**
 * An upload from the disk copy of the multipart part to a recorded document: the rules first (nothing is written
 * before they pass), then the encrypted bytes and their record, then the aggregate, whose events the relay
 * publishes. If recording fails, the bytes are removed again.
 */
@Service
public class UploadService {

    private final FileInspector inspector;
    private final DocumentStore store;
    private final CommandGateway commands;
    private final Clock clock;

    UploadService(FileInspector inspector, DocumentStore store, CommandGateway commands, Clock clock) {
        this.inspector = inspector;
        this.store = store;
        this.commands = commands;
        this.clock = clock;
    }

    public StoredDocument upload(Path upload, String fileName, String declaredType, String ownerAccountId,
                                 String ownerWorkerId, Attachment attachment) {
        Path workDir = null;
        InspectedFile file = null;
        try {
            workDir = Files.createTempDirectory("frmr-upload-");
            file = inspector.inspect(upload, fileName, declaredType, workDir);
            String documentId = UUID.randomUUID().toString();
            Instant now = clock.instant();
            StoredDocument stored;
            try {
                stored = store.store(documentId, ownerAccountId, ownerWorkerId, safeName(fileName, file), file, now);
            } catch (SubjectShreddedException e) {
                // A token that outlived its worker's erasure: nothing of theirs may be stored again.
                throw new ConflictException("file", "The owner's personal data was erased; nothing is stored.");
            }
            try {
                commands.sendAndWait(new RecordUploadCommand(documentId, ownerAccountId, ownerWorkerId,
                        file.mediaType(), file.sizeBytes(), file.sha256(), now, attachment));
            } catch (RuntimeException e) {
                store.remove(documentId);
                throw e;
            }
            if (attachment != null) {
                store.attach(documentId, record(attachment));
            }
            return store.find(documentId).orElse(stored);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            cleanUp(file, workDir);
        }
    }

    /** Attaches the caller's own document; the aggregate refuses anyone else's as if it did not exist. */
    public void attach(String documentId, String callerAccountId, Attachment attachment) {
        commands.sendAndWait(new AttachDocumentCommand(documentId, callerAccountId, attachment, clock.instant()));
        store.attach(documentId, record(attachment));
    }

    static AttachmentRecord record(Attachment attachment) {
        return new AttachmentRecord(attachment.purpose().name(), attachment.targetId(), attachment.organizationId());
    }

    /** The name kept for the download: the client's, or one made from the id's type when it sent none. */
    private static String safeName(String fileName, InspectedFile file) {
        if (fileName != null && !fileName.isBlank()) {
            String base = fileName.replace('\\', '/');
            base = base.substring(base.lastIndexOf('/') + 1).strip();
            if (!base.isEmpty()) {
                return base.length() > 200 ? base.substring(base.length() - 200) : base;
            }
        }
        return "document" + switch (file.mediaType()) {
            case FileInspector.JPEG -> ".jpg";
            case FileInspector.PNG -> ".png";
            default -> ".pdf";
        };
    }

    private static void cleanUp(InspectedFile file, Path workDir) {
        try {
            if (file != null && file.reencoded()) {
                Files.deleteIfExists(file.content());
            }
            if (workDir != null) {
                Files.deleteIfExists(workDir);
            }
        } catch (IOException ignored) {
            // A temporary file left behind is removed with the temporary directory; not worth failing an upload.
        }
    }
}
