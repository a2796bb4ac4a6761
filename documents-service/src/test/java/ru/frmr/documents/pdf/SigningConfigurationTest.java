package ru.frmr.documents.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The test profile's settings wire the beans H2 uses: the repository's development GOST key signs, and the
 * verifier takes its certificate for the platform's.
 */
@SpringBootTest(classes = {SigningConfiguration.class, PdfCertificateRenderer.class, PadesDocumentSigner.class,
        CmsSignatureVerifier.class}, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class SigningConfigurationTest {

    @Autowired
    CertificateRenderer renderer;

    @Autowired
    DocumentSigner signer;

    @Autowired
    SignatureVerifier verifier;

    @Autowired
    PlatformSigningKey key;

    @Test
    void theTestProfileSignsWithTheDevelopmentGostKey() {
        byte[] signed = signer.sign(renderer.render(Certificates.employmentHistory(1)), Instant.EPOCH);

        SignatureCheck check = verifier.verify(signed);

        assertThat(key.algorithm()).isEqualTo(SigningAlgorithm.GOST3410_2012_256);
        assertThat(key.certificate()).isEqualTo(TestSigningKeys.development().certificate());
        assertThat(check.valid()).isTrue();
        assertThat(check.signer()).contains("CN=FRMR documents signing (DEVELOPMENT ONLY)");
    }
}
