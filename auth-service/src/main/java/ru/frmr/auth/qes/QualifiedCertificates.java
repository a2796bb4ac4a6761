package ru.frmr.auth.qes;

import java.security.cert.X509Certificate;
import java.util.Optional;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;

/** What Russian qualified certificates say about their holder. */
final class QualifiedCertificates {

    /** СНИЛС in the subject (Приказ ФСБ № 795): 11 digits. */
    static final ASN1ObjectIdentifier SNILS = new ASN1ObjectIdentifier("1.2.643.100.3");

    private QualifiedCertificates() {
    }

    static Optional<String> snils(X509Certificate certificate) {
        X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        for (RDN rdn : subject.getRDNs(SNILS)) {
            for (AttributeTypeAndValue value : rdn.getTypesAndValues()) {
                if (SNILS.equals(value.getType()) && value.getValue() instanceof ASN1String text) {
                    String digits = text.getString().replaceAll("\\D", "");
                    if (digits.length() == 11) {
                        return Optional.of(digits);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
