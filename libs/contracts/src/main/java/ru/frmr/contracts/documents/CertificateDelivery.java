package ru.frmr.contracts.documents;

/** How a справка reaches the person. */
public enum CertificateDelivery {
    /** Downloaded in the cabinet. */
    DOWNLOAD,
    /** E-mailed (the PDF attached) to the address the person's account holds. */
    EMAIL,
    /** Posted to an address the request names; an administrator records the tracking number. */
    POST
}
