package ru.frmr.notification.support.web;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import ru.frmr.contracts.notification.NotificationChannel;
import ru.frmr.contracts.notification.SupportTopic;
import ru.frmr.notification.notice.AddressBook;
import ru.frmr.notification.support.api.FileSupportRequestCommand;
import ru.frmr.notification.support.api.SupportStatus;
import ru.frmr.notification.support.command.TicketNumbers;
import ru.frmr.notification.support.web.SupportBodies.PublicFiled;
import ru.frmr.notification.support.web.SupportBodies.PublicFilingBody;

/**
 * Filing without logging in: the answer goes to the e-mail address given, which is kept (sealed) in the address
 * book under the request, never in the request's events. Rate-limited per client address and per e-mail
 * ({@link PublicFilingLimits}) instead of a captcha. The answer shows only the ticket number: the request is read
 * by no one but SUPPORT.
 */
@RestController
class PublicSupportController {

    private static final int ADDRESS_MAX = 64;

    private final CommandGateway commands;
    private final TicketNumbers tickets;
    private final PublicFilingLimits limits;
    private final AddressBook addresses;
    private final Clock clock;

    PublicSupportController(CommandGateway commands, TicketNumbers tickets, PublicFilingLimits limits,
                            AddressBook addresses, Clock clock) {
        this.commands = commands;
        this.tickets = tickets;
        this.limits = limits;
        this.addresses = addresses;
        this.clock = clock;
    }

    @PostMapping("/api/support/public/requests")
    ResponseEntity<PublicFiled> file(@RequestBody PublicFilingBody body, HttpServletRequest request) {
        SupportTopic topic = FilingInput.topic(body.topic());
        String text = FilingInput.text(body.text(), FilingInput.TEXT_MIN);
        String email = FilingInput.email(body.email());
        NotificationChannel channel = FilingInput.answerChannel(body.answerChannel(), false);
        Instant now = clock.instant();
        limits.count(clientAddress(request), email, now);
        String requestId = UUID.randomUUID().toString();
        // Remembered first: the notice of the filing goes out as soon as the request's event is handled.
        addresses.rememberRequester(requestId, email);
        String ticketNumber = tickets.next(now);
        commands.sendAndWait(new FileSupportRequestCommand(requestId, ticketNumber, topic, text, null, channel, now));
        return ResponseEntity.status(HttpStatus.CREATED).body(new PublicFiled(ticketNumber, SupportStatus.NEW));
    }

    /** The first hop of X-Forwarded-For (the gateway sets it from the connection it accepted), else the peer. */
    static String clientAddress(HttpServletRequest request) {
        String forwarded = request.getHeader("X-Forwarded-For");
        String first = forwarded == null ? "" : forwarded.split(",", 2)[0].strip();
        String address = first.isEmpty() ? request.getRemoteAddr() : first;
        return address.length() > ADDRESS_MAX ? address.substring(0, ADDRESS_MAX) : address;
    }
}
