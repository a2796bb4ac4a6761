package ru.frmr.documents.certificate.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.Optional;
import java.util.regex.Pattern;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import ru.frmr.contracts.documents.CertificateDelivery;
import ru.frmr.contracts.documents.CertificateType;
import ru.frmr.documents.certificate.api.CertificateDeliveredEvent;
import ru.frmr.documents.certificate.api.CertificateIssuedEvent;
import ru.frmr.documents.certificate.api.CertificateIssuingStartedEvent;
import ru.frmr.documents.certificate.api.CertificateRefusedEvent;
import ru.frmr.documents.certificate.api.CertificateRequestedEvent;
import ru.frmr.documents.certificate.api.CertificateStatus;
import ru.frmr.documents.certificate.api.DeliveryChannel;
import ru.frmr.documents.certificate.api.IssueCertificateCommand;
import ru.frmr.documents.certificate.api.RecordDeliveryCommand;
import ru.frmr.documents.certificate.api.RefuseCertificateCommand;
import ru.frmr.documents.certificate.api.RequestCertificateCommand;
import ru.frmr.documents.certificate.api.StartIssuingCommand;
import ru.frmr.kit.error.BusinessRuleException;
import ru.frmr.kit.error.ConflictException;
import ru.frmr.kit.error.InvalidParameterException;

/**
 * One справка request: REQUESTED → IN_WORK → READY → DELIVERED, or REFUSED with a reason on the way. Every step
 * asked for a second time in the same terms changes nothing (the issuer, the mail sweeper and the download may all
 * retry), while a step that contradicts the state is a conflict.
 */
@Aggregate
class CertificateRequest {

    static final int PURPOSE_MIN = 3;
    static final int PURPOSE_MAX = 300;
    static final int REASON_MAX = 500;
    /** Почта России: 14 digits for internal items, or the 13-character S10 form ({@code RA123456789RU}). */
    static final Pattern TRACKING_NUMBER = Pattern.compile("^(\\d{14}|[A-Z]{2}\\d{9}[A-Z]{2})$");

    @AggregateIdentifier
    private String requestId;
    private String workerId;
    private String accountId;
    private CertificateType type;
    private CertificateDelivery delivery;
    private CertificateStatus status;
    private String number;

    CertificateRequest() {
        // Axon rebuilds the request from its events.
    }

    @CommandHandler
    CertificateRequest(RequestCertificateCommand command) {
        String purpose = command.purpose() == null ? "" : command.purpose().strip();
        if (purpose.length() < PURPOSE_MIN || purpose.length() > PURPOSE_MAX) {
            throw new InvalidParameterException("purpose",
                    "must be " + PURPOSE_MIN + " to " + PURPOSE_MAX + " characters");
        }
        boolean posted = command.delivery() == CertificateDelivery.POST;
        if (posted && command.sealedPostalAddress() == null) {
            throw new InvalidParameterException("postalAddress", "is required for delivery by post");
        }
        if (!posted && command.sealedPostalAddress() != null) {
            throw new InvalidParameterException("postalAddress", "is only for delivery by post");
        }
        apply(new CertificateRequestedEvent(command.requestId(), command.workerId(), command.accountId(),
                command.type(), purpose, command.delivery(), command.sealedPostalAddress(), command.requestedAt()));
    }

    /**
     * @return the number to issue under: the one given the first time, the one held when the issuer retries a
     *         request in work; empty when there is nothing left to issue (ready, delivered or refused meanwhile)
     */
    @CommandHandler
    Optional<String> handle(StartIssuingCommand command) {
        if (status == CertificateStatus.REQUESTED) {
            apply(new CertificateIssuingStartedEvent(requestId, workerId, command.number(), command.startedAt()));
            return Optional.of(command.number());
        }
        return status == CertificateStatus.IN_WORK ? Optional.of(number) : Optional.empty();
    }

    @CommandHandler
    void handle(IssueCertificateCommand command) {
        if (!command.number().equals(number)) {
            throw new ConflictException("number", "the request is in work under another number");
        }
        if (status == CertificateStatus.READY || status == CertificateStatus.DELIVERED) {
            return;
        }
        if (status != CertificateStatus.IN_WORK) {
            throw new ConflictException("requestId", "the request is " + status);
        }
        apply(new CertificateIssuedEvent(requestId, workerId, accountId, type, delivery, number, command.sha256(),
                command.issuedAt(), command.validUntil()));
    }

    @CommandHandler
    void handle(RefuseCertificateCommand command) {
        String reason = command.reason() == null ? "" : command.reason().strip();
        if (reason.length() < PURPOSE_MIN || reason.length() > REASON_MAX) {
            throw new InvalidParameterException("reason", "must be " + PURPOSE_MIN + " to " + REASON_MAX
                    + " characters");
        }
        if (status == CertificateStatus.REFUSED) {
            return;
        }
        if (status == CertificateStatus.DELIVERED) {
            throw new ConflictException("requestId", "the справка is already delivered");
        }
        apply(new CertificateRefusedEvent(requestId, workerId, type, reason, command.refusedAt()));
    }

    @CommandHandler
    void handle(RecordDeliveryCommand command) {
        if (command.channel().delivery() != delivery) {
            throw new BusinessRuleException("delivery", "the request is to be delivered by " + delivery);
        }
        if (command.channel() == DeliveryChannel.POSTED && (command.trackingNumber() == null
                || !TRACKING_NUMBER.matcher(command.trackingNumber()).matches())) {
            throw new InvalidParameterException("trackingNumber",
                    "must be 14 digits or 13 characters like RA123456789RU");
        }
        if (status == CertificateStatus.DELIVERED) {
            return;
        }
        if (status != CertificateStatus.READY) {
            throw new ConflictException("requestId", "the справка is not ready: " + status);
        }
        apply(new CertificateDeliveredEvent(requestId, workerId, number, command.channel(),
                command.trackingNumber(), command.deliveredAt()));
    }

    @EventSourcingHandler
    void on(CertificateRequestedEvent event) {
        requestId = event.requestId();
        workerId = event.workerId();
        accountId = event.accountId();
        type = event.type();
        delivery = event.delivery();
        status = CertificateStatus.REQUESTED;
    }

    @EventSourcingHandler
    void on(CertificateIssuingStartedEvent event) {
        number = event.number();
        status = CertificateStatus.IN_WORK;
    }

    @EventSourcingHandler
    void on(CertificateIssuedEvent event) {
        status = CertificateStatus.READY;
    }

    @EventSourcingHandler
    void on(CertificateRefusedEvent event) {
        status = CertificateStatus.REFUSED;
    }

    @EventSourcingHandler
    void on(CertificateDeliveredEvent event) {
        status = CertificateStatus.DELIVERED;
    }
}
