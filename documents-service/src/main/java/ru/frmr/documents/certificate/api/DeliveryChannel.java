package ru.frmr.documents.certificate.api;

import ru.frmr.contracts.documents.CertificateDelivery;

/** How a справка did reach the person. */
public enum DeliveryChannel {
    DOWNLOADED(CertificateDelivery.DOWNLOAD),
    EMAILED(CertificateDelivery.EMAIL),
    POSTED(CertificateDelivery.POST);

    private final CertificateDelivery delivery;

    DeliveryChannel(CertificateDelivery delivery) {
        this.delivery = delivery;
    }

    /** The delivery a request names that this channel completes. */
    public CertificateDelivery delivery() {
        return delivery;
    }
}
