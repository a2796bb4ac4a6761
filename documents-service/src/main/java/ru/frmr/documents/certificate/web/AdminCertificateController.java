package ru.frmr.documents.certificate.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import ru.frmr.contracts.access.AccessedData;
import ru.frmr.contracts.documents.CertificateDelivery;
import ru.frmr.contracts.documents.CertificateType;
import ru.frmr.documents.certificate.api.CertificateStatus;
import ru.frmr.documents.certificate.api.DeliveryChannel;
import ru.frmr.documents.certificate.api.PostalAddress;
import ru.frmr.documents.certificate.api.RecordDeliveryCommand;
import ru.frmr.documents.certificate.api.RefuseCertificateCommand;
import ru.frmr.documents.certificate.person.PersonFacts;
import ru.frmr.documents.certificate.query.CertificateView;
import ru.frmr.documents.certificate.query.CertificateViews;
import ru.frmr.kit.access.AccessCaller;
import ru.frmr.kit.access.AccessLog;
import ru.frmr.kit.access.AccessPurpose;
import ru.frmr.kit.crypto.PersonalDataCipher;
import ru.frmr.kit.error.InvalidParameterException;

/**
 * The registry administrators' work on справки: the postal queue (with the holder's name and the address, opened
 * from the sealed store), marking one posted with its tracking number, refusing one.
 */
@RestController
@RequestMapping("/api/documents/admin/certificates")
class AdminCertificateController {

    private final CommandGateway commands;
    private final CertificateViews views;
    private final PersonFacts facts;
    private final PersonalDataCipher cipher;
    private final ObjectMapper json;
    private final Clock clock;
    private final AccessLog accessLog;

    AdminCertificateController(CommandGateway commands, CertificateViews views, PersonFacts facts,
                               PersonalDataCipher cipher, ObjectMapper json, Clock clock, AccessLog accessLog) {
        this.accessLog = accessLog;
        this.commands = commands;
        this.views = views;
        this.facts = facts;
        this.cipher = cipher;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping
    Page<AdminItem> queue(@RequestParam(required = false) CertificateDelivery delivery,
                          @RequestParam(required = false) CertificateStatus status,
                          @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Page.check(page, size);
        CertificateViews.Page found = views.queue(delivery, status, page, size);
        List<AdminItem> items = found.items().stream().map(this::item).toList();
        // The queue shows each holder's name and, for the post, their address: one access per person shown.
        AccessCaller.current().ifPresent(caller -> {
            accessLog.recordEach(caller, items.stream().filter(i -> i.postalAddress() != null)
                    .map(AdminItem::workerId).toList(), AccessedData.POST_ADDRESS, AccessPurpose.POSTAL_DELIVERY);
            accessLog.recordEach(caller, items.stream()
                    .filter(i -> i.postalAddress() == null && i.holderFullName() != null)
                    .map(AdminItem::workerId).toList(), AccessedData.CERTIFICATE, AccessPurpose.POSTAL_DELIVERY);
        });
        return new Page<>(items, page, size, found.total());
    }

    /** 204: the request records it; the queue shows it a moment later. */
    @PostMapping("/{requestId}/posted")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void posted(@PathVariable String requestId, @RequestBody TrackingBody body) {
        checkId(requestId);
        commands.sendAndWait(new RecordDeliveryCommand(requestId, DeliveryChannel.POSTED,
                body == null || body.trackingNumber() == null ? null : body.trackingNumber().strip(),
                clock.instant()));
    }

    @PostMapping("/{requestId}/refuse")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void refuse(@PathVariable String requestId, @RequestBody ReasonBody body) {
        checkId(requestId);
        commands.sendAndWait(new RefuseCertificateCommand(requestId, body == null ? null : body.reason(),
                clock.instant()));
    }

    private AdminItem item(CertificateView view) {
        return new AdminItem(view.requestId(), view.workerId(), view.type(), view.delivery(), view.status(),
                view.requestedAt(), view.issuedAt(), CertificateItem.grouped(view.issuedAt() == null ? null
                : view.number()), view.validUntil(), view.trackingNumber(), view.refusalReason(),
                facts.snapshot(view.workerId()).fullName().orElse(null), address(view).orElse(null));
    }

    private Optional<PostalAddress> address(CertificateView view) {
        return cipher.open(view.workerId(), view.sealedPostalAddress()).map(text -> {
            try {
                return json.readValue(text, PostalAddress.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Unreadable postal address of request " + view.requestId(), e);
            }
        });
    }

    private static void checkId(String requestId) {
        if (!CertificateController.REQUEST_ID.matcher(requestId).matches()) {
            throw new InvalidParameterException("requestId", "must be a request id (a UUID)");
        }
    }

    record AdminItem(String requestId, String workerId, CertificateType type, CertificateDelivery delivery,
                     CertificateStatus status, Instant requestedAt, Instant issuedAt, String number,
                     LocalDate validUntil, String trackingNumber, String refusalReason, String holderFullName,
                     PostalAddress postalAddress) {
    }

    record TrackingBody(String trackingNumber) {
    }

    record ReasonBody(String reason) {
    }
}
