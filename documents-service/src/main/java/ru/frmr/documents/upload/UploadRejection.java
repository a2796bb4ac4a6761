package ru.frmr.documents.upload;

import java.net.URI;

import org.springframework.http.HttpStatus;

import ru.frmr.contracts.ProblemTypes;

/** Why an upload is refused: each reason its own problem type, so the portal can say which rule the file broke. */
public enum UploadRejection {
    EMPTY(HttpStatus.BAD_REQUEST, ProblemTypes.UPLOAD_EMPTY, "The file is empty."),
    TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE, ProblemTypes.UPLOAD_TOO_LARGE, "The file is larger than 5 MiB."),
    UNSUPPORTED_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ProblemTypes.UPLOAD_UNSUPPORTED_TYPE,
            "Only PDF, JPEG and PNG files are accepted."),
    TYPE_MISMATCH(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ProblemTypes.UPLOAD_TYPE_MISMATCH,
            "The file's name or declared type does not match its content."),
    ENCRYPTED_PDF(HttpStatus.UNPROCESSABLE_ENTITY, ProblemTypes.UPLOAD_ENCRYPTED_PDF,
            "Encrypted or password-protected PDFs are not accepted."),
    PDF_JAVASCRIPT(HttpStatus.UNPROCESSABLE_ENTITY, ProblemTypes.UPLOAD_PDF_JAVASCRIPT,
            "PDFs with JavaScript or scripted forms are not accepted."),
    PDF_LAUNCH_ACTION(HttpStatus.UNPROCESSABLE_ENTITY, ProblemTypes.UPLOAD_PDF_LAUNCH_ACTION,
            "PDFs that launch programs are not accepted."),
    PDF_EMBEDDED_FILE(HttpStatus.UNPROCESSABLE_ENTITY, ProblemTypes.UPLOAD_PDF_EMBEDDED_FILE,
            "PDFs with embedded or attached files are not accepted."),
    MALFORMED_PDF(HttpStatus.UNPROCESSABLE_ENTITY, ProblemTypes.UPLOAD_MALFORMED_PDF,
            "The PDF cannot be read."),
    UNDECODABLE_IMAGE(HttpStatus.UNPROCESSABLE_ENTITY, ProblemTypes.UPLOAD_UNDECODABLE_IMAGE,
            "The image cannot be decoded."),
    POLYGLOT(HttpStatus.UNPROCESSABLE_ENTITY, ProblemTypes.UPLOAD_POLYGLOT,
            "The file is also another kind of file (for example a ZIP archive).");

    private final HttpStatus status;
    private final URI type;
    private final String message;

    UploadRejection(HttpStatus status, URI type, String message) {
        this.status = status;
        this.type = type;
        this.message = message;
    }

    public HttpStatus status() {
        return status;
    }

    public URI type() {
        return type;
    }

    public String message() {
        return message;
    }
}
