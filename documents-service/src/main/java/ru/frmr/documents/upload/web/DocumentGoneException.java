package ru.frmr.documents.upload.web;

/** The document existed, but its owner was erased and its bytes and key destroyed (410). */
class DocumentGoneException extends RuntimeException {

    DocumentGoneException() {
        super("The document was destroyed with its owner's personal data.");
    }
}
