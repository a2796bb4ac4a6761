package ru.frmr.documents.pdf;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import ru.frmr.gost.Gost;
import ru.frmr.gost.GostCertificates;
import ru.frmr.gost.GostKeys;
import ru.frmr.gost.Pem;

/** Signing keys for tests: the repository's development key (the platform's in local and test) and others. */
final class TestSigningKeys {

    /** Surefire and failsafe run in the module's directory. */
    static final Path DEV_KEYS = Path.of("..", "infra", "dev-keys").toAbsolutePath().normalize();

    private TestSigningKeys() {
    }

    /** The development GOST key of {@code infra/dev-keys}, as the test profile configures it. */
    static PlatformSigningKey development() {
        return PlatformSigningKey.of(SigningAlgorithm.GOST3410_2012_256,
                Pem.privateKey(Pem.read(DEV_KEYS.resolve("documents-signing.key.pem"))),
                Pem.certificate(Pem.read(DEV_KEYS.resolve("documents-signing.cert.pem"))));
    }

    /** A fresh GOST key with a self-signed certificate: "someone else" signing a PDF. */
    static PlatformSigningKey otherGost(String commonName) {
        KeyPair keys = GostKeys.generate();
        X509Certificate certificate = GostCertificates.selfSigned(keys, "CN=" + commonName, Duration.ofDays(30), false);
        return PlatformSigningKey.of(SigningAlgorithm.GOST3410_2012_256, keys.getPrivate(), certificate);
    }

    /** A fresh ECDSA P-256 key with a self-signed certificate. */
    static PlatformSigningKey ecdsa(String commonName) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", Gost.provider());
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair keys = generator.generateKeyPair();
            X500Name name = new X500Name("CN=" + commonName);
            Instant now = Instant.parse("2026-01-01T00:00:00Z");
            X509Certificate certificate = new JcaX509CertificateConverter().setProvider(Gost.provider())
                    .getCertificate(new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                            Date.from(now), Date.from(now.plus(Duration.ofDays(3650))), name, keys.getPublic())
                            .build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(Gost.provider())
                                    .build(keys.getPrivate())));
            return PlatformSigningKey.of(SigningAlgorithm.ECDSA_P256_SHA256, keys.getPrivate(), certificate);
        } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }
}
