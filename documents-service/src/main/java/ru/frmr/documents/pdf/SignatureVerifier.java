package ru.frmr.documents.pdf;

/** Checks the signature of any PDF against the platform's document-signing certificate. */
public interface SignatureVerifier {

    /** Never throws for what a client may send: garbage, truncated or unsigned input is {@code signed=false}. */
    SignatureCheck verify(byte[] pdf);
}
