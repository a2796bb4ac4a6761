package ru.frmr.gost;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** X.509 certificates with GOST keys: issuing (for emulators and tests) and chain validation. */
public final class GostCertificates {

    private static final SecureRandom RANDOM = new SecureRandom();

    private GostCertificates() {
    }

    /** A self-signed certificate, usable as a trust anchor (CA) or as a system's own certificate. */
    public static X509Certificate selfSigned(KeyPair keys, String distinguishedName, Duration validity, boolean ca) {
        X500Name name = new X500Name(distinguishedName);
        return build(name, keys.getPrivate(), name, keys.getPublic(), validity, ca);
    }

    /** A certificate for {@code subjectKey} issued by {@code issuer} (an end-entity certificate). */
    public static X509Certificate issue(KeyPair issuerKeys, X509Certificate issuer, PublicKey subjectKey,
                                        String subjectName, Duration validity) {
        X500Name issuerName = X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded());
        return build(issuerName, issuerKeys.getPrivate(), new X500Name(subjectName), subjectKey, validity, false);
    }

    /**
     * Validates {@code chain} (end entity first) up to one of {@code trustedRoots} at {@code at}:
     * signatures, validity periods, CA constraints. Revocation is not checked here.
     *
     * @return false when the chain does not lead to a trusted root or any certificate is invalid
     */
    public static boolean chainIsTrusted(List<X509Certificate> chain, Collection<X509Certificate> trustedRoots,
                                         Instant at) {
        if (chain.isEmpty() || trustedRoots.isEmpty()) {
            return false;
        }
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509", Gost.provider());
            Set<TrustAnchor> anchors = trustedRoots.stream().map(c -> new TrustAnchor(c, null))
                    .collect(Collectors.toSet());
            PKIXParameters parameters = new PKIXParameters(anchors);
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(at));
            CertPathValidator.getInstance("PKIX", Gost.provider())
                    .validate(factory.generateCertPath(chain), parameters);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static X509Certificate build(X500Name issuer, PrivateKey issuerKey, X500Name subject, PublicKey subjectKey,
                                         Duration validity, boolean ca) {
        Instant now = Instant.now();
        try {
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                    new BigInteger(64, RANDOM).abs().add(BigInteger.ONE), Date.from(now.minus(Duration.ofMinutes(5))),
                    Date.from(now.plus(validity)), subject, subjectKey);
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            builder.addExtension(Extension.keyUsage, true, ca
                    ? new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature)
                    : new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            X509CertificateHolder holder = builder.build(
                    new JcaContentSignerBuilder(Gost.SIGNATURE_ALGORITHM).setProvider(Gost.provider()).build(issuerKey));
            return new JcaX509CertificateConverter().setProvider(Gost.provider()).getCertificate(holder);
        } catch (OperatorCreationException | GeneralSecurityException | org.bouncycastle.cert.CertIOException e) {
            throw new GostException("Cannot build a GOST certificate", e);
        }
    }
}
