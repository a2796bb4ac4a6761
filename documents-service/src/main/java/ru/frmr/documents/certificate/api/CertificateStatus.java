package ru.frmr.documents.certificate.api;

/** Where a справка request stands. DELIVERED and REFUSED are final. */
public enum CertificateStatus {
    REQUESTED, IN_WORK, READY, DELIVERED, REFUSED
}
