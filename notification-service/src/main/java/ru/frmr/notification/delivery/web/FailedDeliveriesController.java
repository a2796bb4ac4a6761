package ru.frmr.notification.delivery.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import ru.frmr.kit.error.InvalidParameterException;
import ru.frmr.notification.delivery.api.RetryDeliveryCommand;
import ru.frmr.notification.delivery.query.Deliveries;
import ru.frmr.notification.delivery.query.DeliveryRecord;

/**
 * The operators' view of notices that could not be delivered (REGISTRY_ADMIN, see AccessRulesConfiguration), and
 * their retry. Ids, kinds, channels and reasons only: no address, no text.
 */
@RestController
@RequestMapping("/api/notifications/admin/failed")
class FailedDeliveriesController {

    private static final Pattern NOTIFICATION_ID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final int MAX_PAGE_SIZE = 100;

    private final Deliveries deliveries;
    private final CommandGateway commands;
    private final Clock clock;

    FailedDeliveriesController(Deliveries deliveries, CommandGateway commands, Clock clock) {
        this.deliveries = deliveries;
        this.commands = commands;
        this.clock = clock;
    }

    @GetMapping
    FailedPage failed(@RequestParam(defaultValue = "0") String page, @RequestParam(defaultValue = "20") String size) {
        int pageNumber = number("page", page, 0, 100_000);
        int pageSize = number("size", size, 1, MAX_PAGE_SIZE);
        List<FailedItem> items = deliveries.failed(pageNumber, pageSize).stream().map(FailedItem::of).toList();
        return new FailedPage(items, deliveries.failedCount());
    }

    /** Sends a failed notice again with a fresh retry budget; 404 unknown, 409 not failed, 422 recipient erased. */
    @PostMapping("/{notificationId}/retry")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void retry(@PathVariable String notificationId) {
        if (!NOTIFICATION_ID.matcher(notificationId).matches()) {
            throw new InvalidParameterException("notificationId", "must be a notification id (a UUID)");
        }
        commands.sendAndWait(new RetryDeliveryCommand(notificationId, clock.instant()));
    }

    private static int number(String name, String value, int min, int max) {
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException notANumber) {
            // Answered below, like a number out of range.
        }
        throw new InvalidParameterException(name, "must be a whole number from " + min + " to " + max);
    }

    record FailedPage(List<FailedItem> items, long total) {
    }

    record FailedItem(String notificationId, String kind, String channel, String recipient, String reason,
                      int attempts, Instant failedAt) {

        static FailedItem of(DeliveryRecord record) {
            return new FailedItem(record.notificationId(), record.kind().name(), record.channel().name(),
                    record.recipientKey(), record.reason() == null ? null : record.reason().name(),
                    record.attempts(), record.failedAt());
        }
    }
}
