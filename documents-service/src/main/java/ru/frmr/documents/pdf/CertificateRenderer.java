package ru.frmr.documents.pdf;

/** Lays a справка out as a PDF. */
public interface CertificateRenderer {

    /** The unsigned PDF; {@link DocumentSigner} signs it. */
    byte[] render(CertificateContent content);
}
