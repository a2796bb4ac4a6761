package ru.frmr.documents.pdf;

import java.time.Instant;

/**
 * What {@link SignatureVerifier} found in a PDF.
 *
 * <ul>
 *   <li>Not a PDF, no signature, or a signature that is no CMS at all: {@code signed=false}, everything else
 *       false or null.</li>
 *   <li>{@code valid} means "signed by the platform and unaltered": the CMS signature verifies over the bytes its
 *       ByteRange covers, those bytes are the whole file but the signature's own {@code /Contents} hole
 *       ({@code coversWholeFile}), the signer's certificate is the platform's configured document-signing
 *       certificate, and the signature's own bytes in that hole are exactly as the platform's signer writes them
 *       (DER, upper-case hex, zero padding), so that no byte of the file can change unnoticed.</li>
 *   <li>A PDF altered after signing (one byte anywhere): {@code signed=true, valid=false}, {@code signer} still
 *       the platform's (if the CMS is still readable).</li>
 *   <li>A PDF correctly signed by someone else's key: {@code signed=true, valid=false}, {@code coversWholeFile=true}
 *       and {@code signer} names that other certificate, not the platform's.</li>
 *   <li>Content appended after signing (an incremental update): {@code coversWholeFile=false, valid=false}.</li>
 * </ul>
 *
 * @param signer    the signer certificate's subject (RFC 2253), whoever signed; null when unknown
 * @param signedAt  the claimed signing time ({@code /M} of the signature dictionary); null when absent
 * @param algorithm the signature algorithm, e.g. {@code GOST3411-2012-256WITHECGOST3410-2012-256}; null when unknown
 */
public record SignatureCheck(boolean signed, boolean valid, boolean coversWholeFile, String signer,
        Instant signedAt, String algorithm) {

    static SignatureCheck unsigned() {
        return new SignatureCheck(false, false, false, null, null, null);
    }
}
