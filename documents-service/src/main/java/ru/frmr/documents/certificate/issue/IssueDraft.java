package ru.frmr.documents.certificate.issue;

import java.util.Optional;

import ru.frmr.documents.pdf.CertificateContent;

/** What the content factory made of a request: a справка to render, or the reason there is none. */
record IssueDraft(Optional<CertificateContent> content, Optional<String> refusal) {

    static IssueDraft of(CertificateContent content) {
        return new IssueDraft(Optional.of(content), Optional.empty());
    }

    static IssueDraft refused(String reason) {
        return new IssueDraft(Optional.empty(), Optional.of(reason));
    }
}
