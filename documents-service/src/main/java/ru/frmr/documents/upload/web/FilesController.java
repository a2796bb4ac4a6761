package ru.frmr.documents.upload.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import ru.frmr.contracts.documents.DocumentPurpose;
import ru.frmr.documents.upload.UploadProperties;
import ru.frmr.documents.upload.UploadRejectedException;
import ru.frmr.documents.upload.UploadRejection;
import ru.frmr.documents.upload.UploadService;
import ru.frmr.documents.upload.api.Attachment;
import ru.frmr.documents.upload.store.DocumentStore;
import ru.frmr.documents.upload.store.StoredDocument;
import ru.frmr.documents.upload.store.StoredDocument.AttachmentRecord;
import ru.frmr.kit.error.InvalidParameterException;
import ru.frmr.kit.error.NotFoundException;
import ru.frmr.kit.security.CurrentUser;
import ru.frmr.kit.security.Roles;

/**
 * Uploads, the owner's list, attachments and downloads. Who may read a file is decided here per file: its owner,
 * registry administrators for a PROFILE_CHANGE attachment, HR officers of the organisation a LINK_REQUEST goes to,
 * SUPPORT officers for a SUPPORT_REQUEST attachment; anyone else gets the same 404 as for an id that does not exist.
 */
@RestController
class FilesController {

    private static final Pattern TARGET_ID = Pattern.compile("[A-Za-z0-9_:-]{1,128}");
    private static final Pattern DOCUMENT_ID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final int MAX_PAGE = 100_000;

    private final UploadService uploads;
    private final DocumentStore store;
    private final UploadProperties properties;

    FilesController(UploadService uploads, DocumentStore store, UploadProperties properties) {
        this.uploads = uploads;
        this.store = store;
        this.properties = properties;
    }

    @PostMapping(path = "/api/documents/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<FileResponse> upload(@AuthenticationPrincipal CurrentUser user,
                                        @RequestParam(name = "file", required = false) MultipartFile file,
                                        @RequestParam(name = "purpose", required = false) String purpose,
                                        @RequestParam(name = "targetId", required = false) String targetId,
                                        @RequestParam(name = "organizationId", required = false)
                                        String organizationId) {
        if (file == null) {
            throw new InvalidParameterException("file", "is required");
        }
        Attachment attachment = purpose == null && targetId == null && organizationId == null ? null
                : attachment(purpose, targetId, organizationId);
        if (user.workerId() == null) {
            throw new InvalidParameterException("file", "only a worker with a registry record uploads files");
        }
        // The container knows the part's size: the cheap refusals come before any copy.
        if (file.getSize() == 0) {
            throw new UploadRejectedException(UploadRejection.EMPTY);
        }
        if (file.getSize() > properties.maxBytes()) {
            throw new UploadRejectedException(UploadRejection.TOO_LARGE);
        }
        // The container has the part on disk already (past the small in-memory threshold); moving it to a file of
        // our own keeps it on disk.
        Path copy = null;
        try {
            copy = Files.createTempFile("frmr-upload-", ".part");
            file.transferTo(copy);
            StoredDocument stored = uploads.upload(copy, file.getOriginalFilename(), file.getContentType(),
                    user.accountId(), user.workerId(), attachment);
            return ResponseEntity.status(HttpStatus.CREATED).body(FileResponse.of(stored, attachment));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(copy);
        }
    }

    @PostMapping("/api/documents/files/{documentId}/attachments")
    ResponseEntity<AttachmentResponse> attach(@AuthenticationPrincipal CurrentUser user,
                                              @PathVariable String documentId,
                                              @RequestBody AttachmentRequest request) {
        checkDocumentId(documentId);
        Attachment attachment = attachment(request.purpose(), request.targetId(), request.organizationId());
        uploads.attach(documentId, user.accountId(), attachment);
        return ResponseEntity.status(HttpStatus.CREATED).body(new AttachmentResponse(documentId,
                attachment.purpose().name(), attachment.targetId(), attachment.organizationId()));
    }

    @GetMapping("/api/documents/me/files")
    FilePage mine(@AuthenticationPrincipal CurrentUser user,
                  @RequestParam(name = "page", defaultValue = "0") int page,
                  @RequestParam(name = "size", defaultValue = "20") int size) {
        if (page < 0 || page > MAX_PAGE) {
            throw new InvalidParameterException("page", "must be between 0 and " + MAX_PAGE);
        }
        if (size < 1 || size > 100) {
            throw new InvalidParameterException("size", "must be between 1 and 100");
        }
        List<OwnFile> items = store.ownedBy(user.accountId(), page, size).stream()
                .map(d -> OwnFile.of(d, store.fileName(d).orElse(null))).toList();
        return new FilePage(items, page, size, store.countOwnedBy(user.accountId()));
    }

    @GetMapping("/api/documents/files/{documentId}")
    ResponseEntity<InputStreamResource> download(@AuthenticationPrincipal CurrentUser user,
                                                 @PathVariable String documentId) {
        checkDocumentId(documentId);
        StoredDocument document = store.find(documentId).filter(d -> mayRead(user, d))
                .orElseThrow(() -> new NotFoundException("No such document."));
        String name = store.fileName(document).orElse(null);
        InputStream content = store.open(document).orElseThrow(DocumentGoneException::new);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(document.mediaType()))
                .contentLength(document.sizeBytes())
                .header(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(name, document))
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noStore())
                .body(new InputStreamResource(content));
    }

    static boolean mayRead(CurrentUser user, StoredDocument document) {
        if (user.accountId().equals(document.ownerAccountId())) {
            return true;
        }
        for (AttachmentRecord attachment : document.attachments()) {
            if (DocumentPurpose.PROFILE_CHANGE.name().equals(attachment.purpose())
                    && user.hasRole(Roles.REGISTRY_ADMIN)) {
                return true;
            }
            if (DocumentPurpose.LINK_REQUEST.name().equals(attachment.purpose())
                    && user.isHrOf(attachment.organizationId())) {
                return true;
            }
            if (DocumentPurpose.SUPPORT_REQUEST.name().equals(attachment.purpose())
                    && user.hasRole(Roles.SUPPORT)) {
                return true;
            }
        }
        return false;
    }

    /** An ASCII fallback for old clients and the exact name in RFC 5987 form; an unreadable name is made up. */
    static String contentDisposition(String name, StoredDocument document) {
        String extension = switch (document.mediaType()) {
            case "image/jpeg" -> ".jpg";
            case "image/png" -> ".png";
            default -> ".pdf";
        };
        String exact = name == null || name.isBlank() ? "document" + extension : name;
        String ascii = exact.replaceAll("[^A-Za-z0-9._-]", "_");
        if (!ascii.toLowerCase(Locale.ROOT).endsWith(extension) && !(extension.equals(".jpg")
                && ascii.toLowerCase(Locale.ROOT).endsWith(".jpeg"))) {
            ascii = ascii + extension;
        }
        String encoded = URLEncoder.encode(exact, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    private static Attachment attachment(String purpose, String targetId, String organizationId) {
        DocumentPurpose parsed;
        try {
            parsed = purpose == null ? null : DocumentPurpose.valueOf(purpose);
        } catch (IllegalArgumentException e) {
            parsed = null;
        }
        if (parsed == null) {
            throw new InvalidParameterException("purpose", "must be PROFILE_CHANGE, LINK_REQUEST or SUPPORT_REQUEST");
        }
        if (targetId == null || !TARGET_ID.matcher(targetId).matches()) {
            throw new InvalidParameterException("targetId", "must be 1 to 128 letters, digits, '_', ':' or '-'");
        }
        if (parsed == DocumentPurpose.LINK_REQUEST) {
            if (organizationId == null || !TARGET_ID.matcher(organizationId).matches()) {
                throw new InvalidParameterException("organizationId",
                        "is required for LINK_REQUEST: 1 to 128 letters, digits, '_', ':' or '-'");
            }
        } else if (organizationId != null) {
            throw new InvalidParameterException("organizationId", "is only given for LINK_REQUEST");
        }
        return new Attachment(parsed, targetId, organizationId);
    }

    private static void checkDocumentId(String documentId) {
        if (!DOCUMENT_ID.matcher(documentId).matches()) {
            throw new NotFoundException("No such document.");
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // Left in the temporary directory; never holds a stored file's plain bytes for long.
            }
        }
    }

    record AttachmentRequest(String purpose, String targetId, String organizationId) {
    }

    record AttachmentResponse(String documentId, String purpose, String targetId, String organizationId) {
    }

    record FileResponse(String documentId, String mediaType, long sizeBytes, String sha256, Instant uploadedAt,
                        String purpose, String targetId, String organizationId) {

        static FileResponse of(StoredDocument d, Attachment a) {
            return new FileResponse(d.documentId(), d.mediaType(), d.sizeBytes(), d.sha256(), d.uploadedAt(),
                    a == null ? null : a.purpose().name(), a == null ? null : a.targetId(),
                    a == null ? null : a.organizationId());
        }
    }

    record OwnFile(String documentId, String fileName, String mediaType, long sizeBytes, String sha256,
                   Instant uploadedAt, List<AttachmentRecord> attachments) {

        static OwnFile of(StoredDocument d, String name) {
            return new OwnFile(d.documentId(), name, d.mediaType(), d.sizeBytes(), d.sha256(), d.uploadedAt(),
                    d.attachments());
        }
    }

    record FilePage(List<OwnFile> items, int page, int size, long total) {
    }
}
