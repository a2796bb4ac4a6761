package ru.frmr.documents.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link PadesDocumentSigner} and {@link CmsSignatureVerifier} together, on real rendered справки. */
class PadesSignatureTest {

    private static final Instant SIGNED_AT = Instant.parse("2026-12-06T09:15:30Z");
    private static final byte[] UNSIGNED = new PdfCertificateRenderer().render(Certificates.employmentHistory(4));

    private final PlatformSigningKey platform = TestSigningKeys.development();

    @ParameterizedTest
    @EnumSource(SigningAlgorithm.class)
    void aSignedSpravkaVerifiesAsThePlatformsWithEitherAlgorithm(SigningAlgorithm algorithm) {
        PlatformSigningKey key = algorithm == SigningAlgorithm.GOST3410_2012_256 ? platform
                : TestSigningKeys.ecdsa("FRMR documents signing (test ECDSA)");

        byte[] signed = new PadesDocumentSigner(key).sign(UNSIGNED, SIGNED_AT);
        SignatureCheck check = new CmsSignatureVerifier(key).verify(signed);

        assertThat(check.signed()).isTrue();
        assertThat(check.valid()).isTrue();
        assertThat(check.coversWholeFile()).isTrue();
        assertThat(check.signer()).isEqualTo(key.certificate().getSubjectX500Principal().getName());
        assertThat(check.signedAt()).isEqualTo(SIGNED_AT);
        assertThat(check.algorithm()).isEqualTo(algorithm == SigningAlgorithm.GOST3410_2012_256
                ? "GOST3411-2012-256WITHECGOST3410-2012-256" : "SHA256WITHECDSA");
        // An incremental update: the unsigned PDF is still, byte for byte, the start of the signed one.
        assertThat(Arrays.copyOf(signed, UNSIGNED.length)).isEqualTo(UNSIGNED);
    }

    @Test
    void theSignatureIsPadesBaselineB() throws Exception {
        byte[] signed = new PadesDocumentSigner(platform).sign(UNSIGNED, SIGNED_AT);

        try (PDDocument document = Loader.loadPDF(signed)) {
            PDSignature signature = document.getLastSignatureDictionary();
            assertThat(signature.getFilter()).isEqualTo("Adobe.PPKLite");
            assertThat(signature.getSubFilter()).isEqualTo("ETSI.CAdES.detached");
            assertThat(signature.getSignDate().toInstant()).isEqualTo(SIGNED_AT);

            CMSSignedData cms = new CMSSignedData(signature.getContents(signed));
            assertThat(cms.isDetachedSignature()).isTrue();
            assertThat(cms.getCertificates().getMatches(null)).hasSize(1);
            SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
            assertThat(signer.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2)).isNotNull();
            assertThat(signer.getSignedAttributes().get(CMSAttributes.contentType)).isNotNull();
            assertThat(signer.getSignedAttributes().get(CMSAttributes.messageDigest)).isNotNull();
            // PAdES baseline keeps the claimed time in /M only (ETSI EN 319 142-1).
            assertThat(signer.getSignedAttributes().get(CMSAttributes.signingTime)).isNull();
            assertThat(signer.getDigestAlgOID()).isEqualTo("1.2.643.7.1.1.2.2");
        }
    }

    @Test
    void oneChangedByteAnywhereMakesItInvalid() {
        byte[] signed = new PadesDocumentSigner(platform).sign(UNSIGNED, SIGNED_AT);
        CmsSignatureVerifier verifier = new CmsSignatureVerifier(platform);

        // Every 97th byte (covered bytes, the signature's hex, the /ByteRange itself), the first and the last.
        int checked = 0;
        for (int position = 0; position < signed.length; position += position < 4 ? 1 : 97) {
            assertInvalidWhenChanged(verifier, signed, position);
            checked++;
        }
        assertInvalidWhenChanged(verifier, signed, signed.length - 1);
        assertInvalidWhenChanged(verifier, signed, UNSIGNED.length / 2);
        assertThat(checked).isGreaterThan(100);
    }

    private static void assertInvalidWhenChanged(CmsSignatureVerifier verifier, byte[] signed, int position) {
        byte[] altered = signed.clone();
        altered[position] ^= 0x01;
        SignatureCheck check = verifier.verify(altered);
        assertThat(check.valid()).as("byte %d of %d changed: %s", position, signed.length, check).isFalse();
    }

    @Test
    void aPdfSignedWithAnotherKeyHasAnIntactSignatureButIsNotThePlatforms() {
        PlatformSigningKey other = TestSigningKeys.otherGost("Someone Else");
        byte[] signed = new PadesDocumentSigner(other).sign(UNSIGNED, SIGNED_AT);

        SignatureCheck byOther = new CmsSignatureVerifier(other).verify(signed);
        SignatureCheck byPlatform = new CmsSignatureVerifier(platform).verify(signed);

        assertThat(byOther.valid()).as("the other key's own verifier accepts it").isTrue();
        assertThat(byPlatform.signed()).isTrue();
        assertThat(byPlatform.valid()).isFalse();
        assertThat(byPlatform.coversWholeFile()).isTrue();
        assertThat(byPlatform.signer()).isEqualTo("CN=Someone Else");
    }

    @Test
    void contentAppendedAfterSigningDoesNotCoverTheWholeFile() {
        byte[] signed = new PadesDocumentSigner(platform).sign(UNSIGNED, SIGNED_AT);
        byte[] appended = Arrays.copyOf(signed, signed.length + 20);
        System.arraycopy("\n%% appended later\n".getBytes(StandardCharsets.US_ASCII), 0, appended, signed.length, 19);

        SignatureCheck check = new CmsSignatureVerifier(platform).verify(appended);

        assertThat(check.signed()).isTrue();
        assertThat(check.coversWholeFile()).isFalse();
        assertThat(check.valid()).isFalse();
    }

    @Test
    void garbageTruncatedAndUnsignedInputIsUnsignedWithoutExceptions() throws IOException {
        byte[] signed = new PadesDocumentSigner(platform).sign(UNSIGNED, SIGNED_AT);
        CmsSignatureVerifier verifier = new CmsSignatureVerifier(platform);
        List<byte[]> inputs = List.of(new byte[0], "not a pdf at all".getBytes(StandardCharsets.US_ASCII),
                "%PDF-1.7\n%%EOF".getBytes(StandardCharsets.US_ASCII), UNSIGNED,
                Arrays.copyOf(signed, signed.length / 2), Arrays.copyOf(signed, UNSIGNED.length + 300),
                Arrays.copyOf(signed, signed.length - 40), withoutSignatureHex(signed));

        for (byte[] input : inputs) {
            assertThat(verifier.verify(input)).as("%d bytes", input.length).isEqualTo(SignatureCheck.unsigned());
        }
        assertThat(verifier.verify(null)).isEqualTo(SignatureCheck.unsigned());
    }

    /** The signature's hex replaced by zeros: a signature dictionary with no CMS in it. */
    private static byte[] withoutSignatureHex(byte[] signed) throws IOException {
        try (PDDocument document = Loader.loadPDF(signed)) {
            int[] range = document.getLastSignatureDictionary().getByteRange();
            byte[] blanked = signed.clone();
            Arrays.fill(blanked, range[1] + 1, range[2] - 1, (byte) '0');
            return blanked;
        }
    }
}
