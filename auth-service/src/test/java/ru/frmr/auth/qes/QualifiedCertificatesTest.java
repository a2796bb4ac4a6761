package ru.frmr.auth.qes;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import ru.frmr.auth.DevKeys;
import ru.frmr.gost.GostCertificates;
import ru.frmr.gost.GostKeys;

class QualifiedCertificatesTest {

    @Test
    void readsTheSnilsFromTheSubject() {
        X509Certificate certificate = issue("CN=Иванова Мария Петровна, 1.2.643.100.3=11223344595, C=RU");
        assertThat(QualifiedCertificates.snils(certificate)).contains("11223344595");
    }

    @Test
    void aCertificateWithoutSnilsHasNone() {
        assertThat(QualifiedCertificates.snils(issue("CN=Someone, C=RU"))).isEmpty();
    }

    static X509Certificate issue(String subject) {
        KeyPair person = GostKeys.generate();
        X509Certificate ca = DevKeys.certificate("qes-test-ca");
        KeyPair caKeys = new KeyPair(ca.getPublicKey(), DevKeys.key("qes-test-ca"));
        return GostCertificates.issue(caKeys, ca, person.getPublic(), subject, Duration.ofDays(1));
    }
}
