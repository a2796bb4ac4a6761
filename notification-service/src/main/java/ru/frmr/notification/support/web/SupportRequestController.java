package ru.frmr.notification.support.web;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import ru.frmr.contracts.notification.NotificationChannel;
import ru.frmr.contracts.notification.SupportTopic;
import ru.frmr.kit.security.CurrentUser;
import ru.frmr.notification.support.api.CloseSupportRequestCommand;
import ru.frmr.notification.support.api.FileSupportRequestCommand;
import ru.frmr.notification.support.api.ReopenSupportRequestCommand;
import ru.frmr.notification.support.api.SupportPolicy;
import ru.frmr.notification.support.api.SupportStatus;
import ru.frmr.notification.support.command.TicketNumbers;
import ru.frmr.notification.support.query.SupportRequests;
import ru.frmr.notification.support.web.SupportBodies.Detail;
import ru.frmr.notification.support.web.SupportBodies.Filed;
import ru.frmr.notification.support.web.SupportBodies.FilingBody;
import ru.frmr.notification.support.web.SupportBodies.Item;
import ru.frmr.notification.support.web.SupportBodies.Items;
import ru.frmr.notification.support.web.SupportBodies.StatusChanged;
import ru.frmr.notification.support.web.SupportBodies.TextBody;

/**
 * A signed-in person's support requests: file one (the ticket number at once), list theirs, read one with its
 * conversation, close it, reopen it within 14 days of the answer. Another person's request is "not found".
 */
@RestController
@RequestMapping("/api/support")
class SupportRequestController {

    private final CommandGateway commands;
    private final TicketNumbers tickets;
    private final SupportRequests requests;
    private final SupportRequestReader reader;
    private final Clock clock;

    SupportRequestController(CommandGateway commands, TicketNumbers tickets, SupportRequests requests,
                             SupportRequestReader reader, Clock clock) {
        this.commands = commands;
        this.tickets = tickets;
        this.requests = requests;
        this.reader = reader;
        this.clock = clock;
    }

    @PostMapping("/requests")
    ResponseEntity<Filed> file(@AuthenticationPrincipal CurrentUser user, @RequestBody FilingBody body) {
        SupportTopic topic = FilingInput.topic(body.topic());
        String text = FilingInput.text(body.text(), FilingInput.TEXT_MIN);
        NotificationChannel channel = FilingInput.answerChannel(body.answerChannel(), true);
        FilingInput.documentIds(body.documentIds());
        String requestId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        String ticketNumber = tickets.next(now);
        commands.sendAndWait(new FileSupportRequestCommand(requestId, ticketNumber, topic, text, user.accountId(),
                channel, now));
        // The view follows the events a moment later; the request as it stands now is known without it.
        return ResponseEntity.created(URI.create("/api/support/me/requests/" + requestId)).body(new Filed(requestId,
                ticketNumber, topic, SupportStatus.NEW, now, now.plus(SupportPolicy.ANSWER_TARGET), channel));
    }

    @GetMapping("/me/requests")
    Items<Item> mine(@AuthenticationPrincipal CurrentUser user) {
        return new Items<>(requests.ofRequester(user.accountId()).stream().map(r -> new Item(r.id(),
                r.ticketNumber(), r.topic(), r.status(), r.filedAt(), r.answeredAt())).toList());
    }

    @GetMapping("/me/requests/{requestId}")
    Detail one(@AuthenticationPrincipal CurrentUser user, @PathVariable String requestId) {
        return reader.detail(reader.own(requestId, user.accountId()));
    }

    @PostMapping("/me/requests/{requestId}/close")
    StatusChanged close(@AuthenticationPrincipal CurrentUser user, @PathVariable String requestId) {
        commands.sendAndWait(new CloseSupportRequestCommand(FilingInput.requestId(requestId), user.accountId(),
                clock.instant()));
        return new StatusChanged(requestId, requests.ticketNumberOf(requestId), SupportStatus.CLOSED);
    }

    @PostMapping("/me/requests/{requestId}/reopen")
    StatusChanged reopen(@AuthenticationPrincipal CurrentUser user, @PathVariable String requestId,
                         @RequestBody TextBody body) {
        String text = FilingInput.text(body.text(), FilingInput.TEXT_MIN);
        commands.sendAndWait(new ReopenSupportRequestCommand(FilingInput.requestId(requestId), user.accountId(),
                text, clock.instant()));
        return new StatusChanged(requestId, requests.ticketNumberOf(requestId), SupportStatus.IN_WORK);
    }
}
