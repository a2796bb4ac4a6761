package ru.frmr.documents.pdf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import ru.frmr.gost.Gost;

/**
 * Checks a PDF's last signature (the one covering the most of the file) the way {@link SignatureCheck} describes.
 * Anything a client sends is expected: a parse failure anywhere is an answer ({@code signed=false} or
 * {@code valid=false}), never an exception.
 */
@Component
class CmsSignatureVerifier implements SignatureVerifier {

    private static final Logger log = LoggerFactory.getLogger(CmsSignatureVerifier.class);

    private final byte[] platformCertificate;

    CmsSignatureVerifier(PlatformSigningKey key) {
        try {
            this.platformCertificate = key.certificate().getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("frmr.documents.signing.certificate cannot be encoded", e);
        }
    }

    @Override
    public SignatureCheck verify(byte[] pdf) {
        if (pdf == null || pdf.length == 0) {
            return SignatureCheck.unsigned();
        }
        Optional<PDSignature> signature;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            signature = document.getSignatureDictionaries().stream()
                    .filter(s -> s.getByteRange().length == 4)
                    .max(Comparator.comparingLong(s -> (long) s.getByteRange()[2] + s.getByteRange()[3]));
        } catch (IOException | RuntimeException notAPdf) {
            return SignatureCheck.unsigned();
        }
        if (signature.isEmpty()) {
            return SignatureCheck.unsigned();
        }
        try {
            return check(pdf, signature.get());
        } catch (IOException | CMSException | RuntimeException malformed) {
            // What a client sent is malformed, not the service: worth a line for who investigates, without content.
            log.debug("Unreadable signature in a {}-byte PDF: {}", pdf.length, malformed.getClass().getSimpleName());
            return SignatureCheck.unsigned();
        }
    }

    private SignatureCheck check(byte[] pdf, PDSignature signature) throws IOException, CMSException {
        ByteRange byteRange = ByteRange.of(signature.getByteRange(), pdf.length).orElse(null);
        if (byteRange == null) {
            return SignatureCheck.unsigned();
        }
        Hole hole = byteRange.hole(pdf).orElse(null);
        if (hole == null) {
            return SignatureCheck.unsigned();
        }
        CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(byteRange.covered(pdf)), hole.cms());
        Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
        if (signers.size() != 1) {
            return SignatureCheck.unsigned();
        }
        SignerInformation signer = signers.iterator().next();
        Instant signedAt = Optional.ofNullable(signature.getSignDate()).map(Calendar::toInstant).orElse(null);
        String algorithm = SigningAlgorithm.nameOf(signer.getDigestAlgOID(), signer.getEncryptionAlgOID());
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matching = cms.getCertificates().getMatches(signer.getSID());
        if (matching.isEmpty()) {
            return new SignatureCheck(true, false, byteRange.coversWholeFile(), null, signedAt, algorithm);
        }
        X509CertificateHolder certificate = matching.iterator().next();
        boolean intact = verifies(signer, certificate) && boundToCertificate(signer, certificate);
        boolean platform = Arrays.equals(certificate.getEncoded(), platformCertificate);
        boolean valid = intact && platform && byteRange.coversWholeFile() && hole.canonical()
                && asSigned(cms, signer, hole.cms());
        String subject = new X500Principal(certificate.getSubject().getEncoded()).getName();
        return new SignatureCheck(true, valid, byteRange.coversWholeFile(), subject, signedAt, algorithm);
    }

    /**
     * The parts of the CMS no signature covers are as {@link PadesDocumentSigner} writes them: BouncyCastle does not
     * check them (a changed version number, content type or tag goes unnoticed), and the signature's own bytes are
     * not among those it signs. So the CMS must be the DER of its parsed structure rebuilt field by field.
     */
    private static boolean asSigned(CMSSignedData cms, SignerInformation signer, byte[] encoded) throws IOException {
        ContentInfo contentInfo = cms.toASN1Structure();
        if (!contentInfo.getContentType().equals(CMSObjectIdentifiers.signedData)
                || signer.getVersion() != 1 || signer.getUnsignedAttributes() != null) {
            return false;
        }
        SignedData parsed = SignedData.getInstance(contentInfo.getContent());
        if (parsed.getCRLs() != null || parsed.getDigestAlgorithms().size() != 1
                || !AlgorithmIdentifier.getInstance(parsed.getDigestAlgorithms().getObjectAt(0))
                        .equals(signer.getDigestAlgorithmID())) {
            return false;
        }
        ASN1EncodableVector signerInfos = new ASN1EncodableVector();
        for (ASN1Encodable signerInfo : parsed.getSignerInfos()) {
            signerInfos.add(SignerInfo.getInstance(signerInfo));
        }
        // SignedData works out its version; SignerInfo writes its attributes with the tag the standard gives them.
        SignedData rebuilt = new SignedData(parsed.getDigestAlgorithms(), parsed.getEncapContentInfo(),
                parsed.getCertificates(), null, new DERSet(signerInfos));
        return Arrays.equals(new ContentInfo(CMSObjectIdentifiers.signedData, rebuilt).getEncoded(ASN1Encoding.DER),
                encoded);
    }

    private static boolean verifies(SignerInformation signer, X509CertificateHolder certificate) {
        try {
            return signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(Gost.provider()).build(certificate));
        } catch (Exception notVerifiable) {
            // A wrong signature, an unknown algorithm or a certificate that does not parse: none verifies.
            return false;
        }
    }

    /** The signing-certificate-v2 attribute names this certificate (PAdES requires it; it stops certificate swaps). */
    private static boolean boundToCertificate(SignerInformation signer, X509CertificateHolder certificate) {
        AttributeTable signed = signer.getSignedAttributes();
        if (signed == null || signed.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2) == null) {
            return false;
        }
        try {
            SigningCertificateV2 attribute = SigningCertificateV2.getInstance(
                    signed.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2).getAttrValues().getObjectAt(0));
            ESSCertIDv2 id = attribute.getCerts()[0];
            DigestCalculator digest = new JcaDigestCalculatorProviderBuilder().setProvider(Gost.provider()).build()
                    .get(id.getHashAlgorithm());
            try (OutputStream out = digest.getOutputStream()) {
                out.write(certificate.getEncoded());
            }
            return Arrays.equals(digest.getDigest(), id.getCertHash());
        } catch (Exception malformed) {
            return false;
        }
    }

    /**
     * The signature in a ByteRange's hole.
     *
     * @param canonical upper-case hex, as the platform's signer writes it: with it one changed byte anywhere in the
     *                  file changes what is checked ("a1" and "A1" are the same byte)
     */
    private record Hole(byte[] cms, boolean canonical) {
    }

    /**
     * A ByteRange {@code [0, a, b, c]}: the covered bytes are {@code [0, a)} and {@code [b, b + c)}; the hole between
     * is the signature's {@code /Contents} hex string, {@code <...>}.
     */
    private record ByteRange(int holeStart, int holeEnd, int end, int fileLength) {

        static Optional<ByteRange> of(int[] range, int fileLength) {
            if (range.length != 4 || range[0] != 0 || range[1] <= 0 || range[2] <= range[1] + 1 || range[3] < 0
                    || (long) range[2] + range[3] > fileLength) {
                return Optional.empty();
            }
            return Optional.of(new ByteRange(range[1], range[2], range[2] + range[3], fileLength));
        }

        boolean coversWholeFile() {
            return end == fileLength;
        }

        byte[] covered(byte[] pdf) {
            byte[] covered = new byte[holeStart + (end - holeEnd)];
            System.arraycopy(pdf, 0, covered, 0, holeStart);
            System.arraycopy(pdf, holeEnd, covered, holeStart, end - holeEnd);
            return covered;
        }

        /** The CMS in the hole, when the hole is {@code <hex>} and everything after the CMS is zero padding. */
        Optional<Hole> hole(byte[] pdf) throws IOException {
            if (pdf[holeStart] != '<' || pdf[holeEnd - 1] != '>' || (holeEnd - holeStart) % 2 != 0) {
                return Optional.empty();
            }
            String hex = new String(pdf, holeStart + 1, holeEnd - holeStart - 2, StandardCharsets.US_ASCII);
            byte[] bytes;
            try {
                bytes = HexFormat.of().parseHex(hex);
            } catch (IllegalArgumentException notHex) {
                return Optional.empty();
            }
            // The stream reads exactly one object, definite or indefinite length: what it leaves is the padding.
            ByteArrayInputStream stream = new ByteArrayInputStream(bytes);
            try (ASN1InputStream in = new ASN1InputStream(stream)) {
                if (in.readObject() == null) {
                    return Optional.empty();
                }
            }
            int length = bytes.length - stream.available();
            if (!zeros(bytes, length)) {
                return Optional.empty();
            }
            return Optional.of(new Hole(Arrays.copyOf(bytes, length), hex.equals(hex.toUpperCase(Locale.ROOT))));
        }

        private static boolean zeros(byte[] bytes, int from) {
            for (int i = from; i < bytes.length; i++) {
                if (bytes[i] != 0) {
                    return false;
                }
            }
            return true;
        }
    }
}
