package ru.frmr.documents.pdf;

import java.time.Instant;

/** Signs a PDF with the platform's document-signing key (PAdES). */
public interface DocumentSigner {

    byte[] sign(byte[] unsignedPdf, Instant signingTime);
}
