package ru.frmr.documents.pdf;

/** Lays a справка out as an unsigned PDF. */
public interface CertificateRenderer {

    byte[] render(CertificateContent content);
}
