package ru.frmr.documents.pdf;

/** Checks the platform's signature of a PDF. */
public interface SignatureVerifier {

    SignatureCheck verify(byte[] pdf);
}
