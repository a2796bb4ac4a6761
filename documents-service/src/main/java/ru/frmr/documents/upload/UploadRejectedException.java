package ru.frmr.documents.upload;

/** An upload broke one of the rules; nothing of it is stored. The message never carries the file's name. */
public class UploadRejectedException extends RuntimeException {

    private final UploadRejection reason;

    public UploadRejectedException(UploadRejection reason) {
        super(reason.message());
        this.reason = reason;
    }

    public UploadRejection reason() {
        return reason;
    }
}
