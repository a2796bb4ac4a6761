package ru.frmr.kit.devkeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class DevelopmentKeysTest {

    // Surefire runs in the module directory, libs/service-kit.
    private static final Path DEV_KEYS = Path.of("../../infra/dev-keys");

    @Test
    void everyFileOfTheRepositorysDevelopmentKeysIsKnown() throws IOException {
        List<Path> pems;
        try (Stream<Path> files = Files.list(DEV_KEYS)) {
            pems = files.filter(f -> f.toString().endsWith(".pem")).sorted().toList();
        }

        assertThat(pems).hasSize(10);
        for (Path pem : pems) {
            assertThat(DevelopmentKeys.find(Files.readString(pem)))
                    .as("fingerprint of " + pem + " compiled into DevelopmentKeys")
                    .contains(pem.getFileName().toString());
        }
    }

    @Test
    void aCertificateIsKnownByItsPublicKeyToo() throws IOException {
        String certificate = Files.readString(DEV_KEYS.resolve("frmr-lk.cert.pem"));
        byte[] der = Base64.getMimeDecoder().decode(certificate.replaceAll("-----[A-Z ]+-----", "").trim());

        assertThat(DevelopmentKeys.fingerprints("CERTIFICATE", der))
                .hasSize(2)
                .allSatisfy(fingerprint -> assertThat(DevelopmentKeys.FINGERPRINTS).containsKey(fingerprint));
    }

    @Test
    void anyOtherKeyIsNot() throws NoSuchAlgorithmException {
        byte[] ownKey = KeyPairGenerator.getInstance("EC").generateKeyPair().getPrivate().getEncoded();
        String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(ownKey)
                + "\n-----END PRIVATE KEY-----\n";

        assertThat(DevelopmentKeys.find(pem)).isEmpty();
        assertThat(DevelopmentKeys.find("not a key at all")).isEmpty();
    }
}
