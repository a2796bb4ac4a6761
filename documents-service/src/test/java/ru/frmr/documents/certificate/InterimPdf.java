package ru.frmr.documents.certificate;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import ru.frmr.documents.pdf.CertificateRenderer;
import ru.frmr.documents.pdf.DocumentSigner;
import ru.frmr.documents.pdf.SignatureCheck;
import ru.frmr.documents.pdf.SignatureVerifier;

/** INTERIM until H3's PDF work is merged: stand-ins so the context starts. */
@TestConfiguration
class InterimPdf {

    @Bean
    CertificateRenderer renderer() {
        return content -> ("%PDF-1.7\n" + content).getBytes(StandardCharsets.UTF_8);
    }

    @Bean
    DocumentSigner signer() {
        return (pdf, at) -> {
            String sig = "\n%SIG " + java.util.Arrays.hashCode(pdf);
            byte[] out = java.util.Arrays.copyOf(pdf, pdf.length + sig.length());
            System.arraycopy(sig.getBytes(StandardCharsets.US_ASCII), 0, out, pdf.length, sig.length());
            return out;
        };
    }

    @Bean
    SignatureVerifier verifier() {
        return pdf -> {
            String text = new String(pdf, StandardCharsets.UTF_8);
            int at = text.lastIndexOf("\n%SIG ");
            if (at < 0) {
                return new SignatureCheck(false, false, false, null, null, null);
            }
            byte[] body = text.substring(0, at).getBytes(StandardCharsets.UTF_8);
            boolean ok = text.substring(at + 6).equals(String.valueOf(java.util.Arrays.hashCode(body)));
            return new SignatureCheck(true, ok, true, "interim", Instant.EPOCH, "none");
        };
    }
}
