package ru.frmr.documents.pdf;

import java.time.LocalDate;
import java.util.List;

import ru.frmr.contracts.documents.CertificateType;

/**
 * Everything a справка shows, already in Russian and in the order it is printed. The renderer adds only the
 * platform's fixed wording (header, labels, footer); it reads nothing else.
 *
 * @param number          the справка's number as printed, {@code XXXX-XXXX-XXXX-XXXX}
 * @param title           e.g. «Справка о квалификации медицинского работника»
 * @param holderFullName  ФИО in that order
 * @param registryNumber  the holder's public registry number
 * @param purpose         what the справка is for, as the person wrote it («по месту требования»)
 * @param validUntil      the last day it is valid
 * @param verificationUrl the public page the QR code leads to; printed under the code as well
 * @param sections        tables in order; a section without rows prints its {@code emptyText}
 */
public record CertificateContent(String number, CertificateType type, String title, String holderFullName,
        String registryNumber, String purpose, LocalDate issueDate, LocalDate validUntil, String verificationUrl,
        List<CertificateSection> sections) {

    public CertificateContent {
        sections = sections == null ? List.of() : List.copyOf(sections);
    }
}
