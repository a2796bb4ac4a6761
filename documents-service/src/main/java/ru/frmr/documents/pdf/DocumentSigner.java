package ru.frmr.documents.pdf;

import java.time.Instant;

/** Signs a PDF with the platform's document-signing key. */
public interface DocumentSigner {

    /**
     * The PDF with a PAdES signature appended as an incremental update (the original bytes stay a prefix).
     *
     * @param signingTime the claimed time of signing recorded in the signature
     */
    byte[] sign(byte[] unsignedPdf, Instant signingTime);
}
