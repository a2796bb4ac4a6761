package ru.frmr.documents.pdf;

import java.time.Instant;

/** What a signature check found. */
public record SignatureCheck(boolean signed, boolean valid, boolean coversWholeFile, String signer,
        Instant signedAt, String algorithm) {
}
