package ru.frmr.documents.pdf;

import java.time.LocalDate;
import java.util.List;

import ru.frmr.contracts.documents.CertificateType;

/** Everything printed on one справка, already in Russian words: the renderer lays it out, nothing more. */
public record CertificateContent(String number, CertificateType type, String title, String holderFullName,
        String registryNumber, String purpose, LocalDate issueDate, LocalDate validUntil, String verificationUrl,
        List<CertificateSection> sections) {
}
