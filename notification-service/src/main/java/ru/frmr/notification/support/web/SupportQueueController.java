package ru.frmr.notification.support.web;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ru.frmr.contracts.access.AccessedData;
import ru.frmr.kit.access.AccessCaller;
import ru.frmr.kit.access.AccessLog;
import ru.frmr.kit.access.AccessPurpose;
import ru.frmr.kit.error.InvalidParameterException;
import ru.frmr.kit.security.CurrentUser;
import ru.frmr.notification.people.SealedAddressBook;
import ru.frmr.notification.support.api.AnswerSupportRequestCommand;
import ru.frmr.notification.support.api.SupportStatus;
import ru.frmr.notification.support.api.TakeSupportRequestCommand;
import ru.frmr.notification.support.query.SupportRequests;
import ru.frmr.notification.support.web.SupportBodies.AdminDetail;
import ru.frmr.notification.support.web.SupportBodies.Items;
import ru.frmr.notification.support.web.SupportBodies.QueueItem;
import ru.frmr.notification.support.web.SupportBodies.StatusChanged;
import ru.frmr.notification.support.web.SupportBodies.TextBody;

/** The SUPPORT role's queue (oldest first, with the time left to the answer target), taking and answering. */
@RestController
@RequestMapping("/api/support/admin")
class SupportQueueController {

    private final CommandGateway commands;
    private final SupportRequests requests;
    private final SupportRequestReader reader;
    private final Clock clock;
    private final SealedAddressBook people;
    private final AccessLog accessLog;

    SupportQueueController(CommandGateway commands, SupportRequests requests, SupportRequestReader reader,
                           Clock clock, SealedAddressBook people, AccessLog accessLog) {
        this.people = people;
        this.accessLog = accessLog;
        this.commands = commands;
        this.requests = requests;
        this.reader = reader;
        this.clock = clock;
    }

    /** @param status one status; without it the open requests (NEW and IN_WORK) */
    @GetMapping("/queue")
    Items<QueueItem> queue(@RequestParam(name = "status", required = false) String status) {
        List<SupportStatus> statuses = status == null ? List.of(SupportStatus.NEW, SupportStatus.IN_WORK)
                : List.of(parse(status));
        return new Items<>(requests.queue(statuses).stream().map(reader::queueItem).toList());
    }

    /** Opening a worker's request shows their words and attachments: on the worker's access log. */
    @GetMapping("/requests/{requestId}")
    AdminDetail one(@PathVariable String requestId) {
        AdminDetail detail = reader.adminDetail(reader.any(requestId));
        Optional.ofNullable(detail.requesterAccountId()).flatMap(people::workerOfAccount).ifPresent(workerId ->
                AccessCaller.current().ifPresent(caller -> accessLog.record(caller, workerId,
                        AccessedData.SUPPORT_REQUEST, AccessPurpose.SUPPORT_ANSWER)));
        return detail;
    }

    @PostMapping("/requests/{requestId}/take")
    StatusChanged take(@AuthenticationPrincipal CurrentUser user, @PathVariable String requestId) {
        commands.sendAndWait(new TakeSupportRequestCommand(FilingInput.requestId(requestId), user.accountId(),
                clock.instant()));
        return new StatusChanged(requestId, requests.ticketNumberOf(requestId), SupportStatus.IN_WORK);
    }

    @PostMapping("/requests/{requestId}/answer")
    StatusChanged answer(@AuthenticationPrincipal CurrentUser user, @PathVariable String requestId,
                         @RequestBody TextBody body) {
        String text = FilingInput.text(body.text(), FilingInput.ANSWER_MIN);
        commands.sendAndWait(new AnswerSupportRequestCommand(FilingInput.requestId(requestId), user.accountId(),
                text, clock.instant()));
        return new StatusChanged(requestId, requests.ticketNumberOf(requestId), SupportStatus.ANSWERED);
    }


    private static SupportStatus parse(String status) {
        try {
            return SupportStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("status", "must be NEW, IN_WORK, ANSWERED or CLOSED");
        }
    }
}
