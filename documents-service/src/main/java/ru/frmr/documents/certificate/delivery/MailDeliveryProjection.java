package ru.frmr.documents.certificate.delivery;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import ru.frmr.contracts.documents.CertificateDelivery;
import ru.frmr.documents.certificate.api.CertificateIssuedEvent;

/** An issued справка to be e-mailed becomes a persisted delivery, due at once. */
@Component
@ProcessingGroup(MailDeliveryProjection.GROUP)
class MailDeliveryProjection {

    static final String GROUP = "certificate-mail-deliveries";

    private final MailDeliveries deliveries;

    MailDeliveryProjection(MailDeliveries deliveries) {
        this.deliveries = deliveries;
    }

    @EventHandler
    @DisallowReplay
    void on(CertificateIssuedEvent event) {
        if (event.delivery() == CertificateDelivery.EMAIL) {
            deliveries.schedule(event.requestId(), event.workerId(), event.number(), event.issuedAt());
        }
    }
}
