package ru.frmr.documents.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.springframework.stereotype.Component;

import ru.frmr.gost.Gost;

/**
 * PAdES baseline B-B: a detached CAdES signature ({@code /SubFilter /ETSI.CAdES.detached}) made with BouncyCastle
 * over the bytes PDFBox's external signing hands out, embedded as an incremental update.
 *
 * <p>The CMS carries the signer's certificate and the signed attributes PAdES requires: content type, message
 * digest and signing-certificate-v2 (binding the signature to this very certificate, so it cannot be swapped
 * for another one with the same key). The claimed signing time is the signature dictionary's {@code /M}:
 * ETSI EN 319 142-1 (PAdES baseline) forbids the CMS signing-time attribute, which would be a second, possibly
 * disagreeing, claim.
 */
@Component
class PadesDocumentSigner implements DocumentSigner {

    static final COSName ETSI_CADES_DETACHED = COSName.getPDFName("ETSI.CAdES.detached");
    // Room for the CMS in /Contents: a GOST or ECDSA signature with one certificate needs ~1.5 KB; the rest is slack
    // for a longer certificate chain. Unused room is zero padding inside the signature's hole.
    private static final int SIGNATURE_SIZE = 8192;

    private final PlatformSigningKey key;
    private final DigestCalculatorProvider digests;

    PadesDocumentSigner(PlatformSigningKey key) {
        this.key = key;
        try {
            this.digests = new JcaDigestCalculatorProviderBuilder().setProvider(Gost.provider()).build();
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("BouncyCastle offers no digests", e);
        }
    }

    @Override
    public byte[] sign(byte[] unsignedPdf, Instant signingTime) {
        try (PDDocument document = Loader.loadPDF(unsignedPdf);
             SignatureOptions options = new SignatureOptions()) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(ETSI_CADES_DETACHED);
            signature.setName(subject());
            signature.setReason("Справка Федерального регистра медицинских работников");
            signature.setSignDate(utc(signingTime));
            options.setPreferredSignatureSize(SIGNATURE_SIZE);
            document.addSignature(signature, options);

            ByteArrayOutputStream signed = new ByteArrayOutputStream(unsignedPdf.length + 2 * SIGNATURE_SIZE + 4096);
            ExternalSigningSupport external = document.saveIncrementalForExternalSigning(signed);
            external.setSignature(cms(external.getContent().readAllBytes()));
            return signed.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot sign the PDF", e);
        }
    }

    private byte[] cms(byte[] signedContent) {
        try {
            JcaX509CertificateHolder certificate = new JcaX509CertificateHolder(key.certificate());
            SignerInfoGenerator signerInfo = new JcaSignerInfoGeneratorBuilder(digests)
                    .setSignedAttributeGenerator(withoutSigningTime(signingCertificateV2(certificate)))
                    .build(new JcaContentSignerBuilder(key.algorithm().signatureName()).setProvider(Gost.provider())
                            .build(key.privateKey()), certificate);
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(signerInfo);
            generator.addCertificate(certificate);
            return generator.generate(new CMSProcessableByteArray(signedContent), false).getEncoded("DER");
        } catch (GeneralSecurityException | OperatorCreationException | CMSException e) {
            throw new IllegalStateException("Cannot make the CMS signature with " + key.algorithm(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * RFC 5035's signing-certificate-v2 attribute: the certificate's hash (with the signature's own digest) and its
     * issuer and serial number.
     */
    private AttributeTable signingCertificateV2(JcaX509CertificateHolder certificate)
            throws OperatorCreationException, IOException {
        AlgorithmIdentifier digest = new AlgorithmIdentifier(key.algorithm().digest());
        DigestCalculator calculator = digests.get(digest);
        try (OutputStream out = calculator.getOutputStream()) {
            out.write(certificate.getEncoded());
        }
        IssuerSerial issuerSerial = new IssuerSerial(new GeneralNames(new GeneralName(certificate.getIssuer())),
                certificate.getSerialNumber());
        ESSCertIDv2 id = new ESSCertIDv2(digest, calculator.getDigest(), issuerSerial);
        ASN1EncodableVector attributes = new ASN1EncodableVector();
        attributes.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {id}))));
        return new AttributeTable(attributes);
    }

    /** BouncyCastle's standard attributes (content type, message digest, algorithm protection) but no signing time. */
    private static CMSAttributeTableGenerator withoutSigningTime(AttributeTable extra) {
        CMSAttributeTableGenerator standard = new DefaultSignedAttributeTableGenerator(extra);
        return parameters -> standard.getAttributes(parameters).remove(CMSAttributes.signingTime);
    }

    private String subject() {
        return X500Name.getInstance(key.certificate().getSubjectX500Principal().getEncoded()).toString();
    }

    private static Calendar utc(Instant instant) {
        GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC));
        calendar.setTimeInMillis(instant.toEpochMilli());
        return calendar;
    }
}
