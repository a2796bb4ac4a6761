package ru.frmr.documents.certificate.web;

import java.time.Instant;
import java.time.LocalDate;

import ru.frmr.contracts.documents.CertificateDelivery;
import ru.frmr.contracts.documents.CertificateType;
import ru.frmr.documents.certificate.api.CertificateStatus;
import ru.frmr.documents.certificate.api.DeliveryChannel;
import ru.frmr.documents.certificate.query.CertificateView;

/** A справка request as its worker sees it; {@code number} as printed ({@code XXXX-XXXX-XXXX-XXXX}). */
record CertificateItem(String requestId, CertificateType type, String purpose, CertificateDelivery delivery,
                       CertificateStatus status, Instant requestedAt, Instant issuedAt, String number,
                       LocalDate validUntil, Instant deliveredAt, DeliveryChannel channel, String trackingNumber,
                       String refusalReason) {

    static CertificateItem of(CertificateView view) {
        return new CertificateItem(view.requestId(), view.type(), view.purpose(), view.delivery(), view.status(),
                view.requestedAt(), view.issuedAt(), view.issuedAt() == null ? null : grouped(view.number()),
                view.validUntil(), view.deliveredAt(), view.channel(), view.trackingNumber(), view.refusalReason());
    }

    static String grouped(String number) {
        return number == null ? null : String.join("-", number.substring(0, 4), number.substring(4, 8),
                number.substring(8, 12), number.substring(12, 16));
    }
}
