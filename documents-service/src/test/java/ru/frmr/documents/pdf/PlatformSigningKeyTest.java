package ru.frmr.documents.pdf;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.io.FileSystemResource;

import ru.frmr.documents.DocumentsApplication;

/** A service that could not sign справки, or would sign them with the repository's key in production, stops at start. */
class PlatformSigningKeyTest {

    private static final Path DEV_KEYS = TestSigningKeys.DEV_KEYS;

    @Test
    void aMissingKeyOrCertificateIsNamed() {
        assertThatThrownBy(() -> PlatformSigningKey.load(new SigningProperties(null, null,
                new FileSystemResource(DEV_KEYS.resolve("documents-signing.cert.pem")))))
                .hasMessage("frmr.documents.signing.key is not set");
        assertThatThrownBy(() -> PlatformSigningKey.load(new SigningProperties(null,
                new FileSystemResource(DEV_KEYS.resolve("documents-signing.key.pem")),
                new FileSystemResource(DEV_KEYS.resolve("no-such.cert.pem")))))
                .hasMessageStartingWith("frmr.documents.signing.certificate cannot be read");
    }

    @Test
    void aKeyOfAnotherAlgorithmOrAnotherCertificateIsRefused() {
        PlatformSigningKey gost = TestSigningKeys.development();
        PlatformSigningKey ecdsa = TestSigningKeys.ecdsa("ECDSA");

        assertThatThrownBy(() -> PlatformSigningKey.of(SigningAlgorithm.ECDSA_P256_SHA256, gost.privateKey(),
                gost.certificate()))
                .hasMessageContaining("frmr.documents.signing.key is a ECGOST3410-2012 key")
                .hasMessageContaining("ECDSA_P256_SHA256");
        assertThatThrownBy(() -> PlatformSigningKey.of(SigningAlgorithm.GOST3410_2012_256, gost.privateKey(),
                TestSigningKeys.otherGost("Other").certificate()))
                .hasMessage("frmr.documents.signing.certificate is not the certificate of frmr.documents.signing.key");
        assertThatThrownBy(() -> PlatformSigningKey.of(SigningAlgorithm.GOST3410_2012_256, ecdsa.privateKey(),
                ecdsa.certificate()))
                .hasMessageContaining("not one for frmr.documents.signing.algorithm GOST3410_2012_256");
    }

    @Test
    void theDevelopmentKeyOutsideLocalAndTestStopsTheStartNamingTheProperties() {
        // Only the service's own application.yml: the tests' config/application.yml would add the test profile.
        SpringApplicationBuilder service = new SpringApplicationBuilder(DocumentsApplication.class)
                .profiles("production");

        assertThatThrownBy(() -> service.run("--spring.config.location=classpath:/application.yml",
                "--frmr.documents.signing.key=file:" + DEV_KEYS.resolve("documents-signing.key.pem"),
                "--frmr.documents.signing.certificate=file:" + DEV_KEYS.resolve("documents-signing.cert.pem"),
                "--spring.main.web-application-type=none"))
                .hasMessageContaining("outside the local and test profiles")
                .hasMessageContaining("frmr.documents.signing.key (documents-signing.key.pem)")
                .hasMessageContaining("frmr.documents.signing.certificate (documents-signing.cert.pem)");
    }
}
