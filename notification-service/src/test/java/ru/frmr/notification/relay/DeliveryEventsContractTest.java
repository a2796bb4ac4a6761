package ru.frmr.notification.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ru.frmr.contracts.ContractSchemas;
import ru.frmr.contracts.IntegrationEvent;
import ru.frmr.contracts.notification.NotificationChannel;
import ru.frmr.notification.delivery.api.DeliveryAttemptFailedEvent;
import ru.frmr.notification.delivery.api.DeliveryAttemptStartedEvent;
import ru.frmr.notification.delivery.api.DeliveryFailedEvent;
import ru.frmr.notification.delivery.api.DeliveryFailure;
import ru.frmr.notification.delivery.api.DeliveryQueuedEvent;
import ru.frmr.notification.delivery.api.DeliveryRetriedEvent;
import ru.frmr.notification.delivery.api.DeliverySentEvent;
import ru.frmr.notification.notice.NoticeKind;

/** Producer side: what the relay publishes about deliveries conforms to the contracts' JSON Schemas. */
class DeliveryEventsContractTest {

    private static final String ID = "6f1c2a7e-0d3b-3c55-9a1e-0b7f3d2c1a99";
    private static final Instant AT = Instant.parse("2026-11-25T10:15:30Z");
    private final NotificationEventMapper mapper = new NotificationEventMapper();

    @Test
    void sentAndFailedDeliveriesConformToTheirSchemas() {
        List<Object> domainEvents = List.of(
                new DeliverySentEvent(ID, "evt-1", NoticeKind.LICENSE_EXPIRING, NotificationChannel.SMS, "acc-1", 2,
                        3, 1, AT),
                new DeliverySentEvent(ID, "evt-1", NoticeKind.DISCREPANCY_OVERDUE, NotificationChannel.EMAIL,
                        "supervision:77", 1, 0, 4, AT),
                new DeliveryFailedEvent(ID, "evt-1", NoticeKind.SUPPORT_ANSWERED, NotificationChannel.EMAIL,
                        "support-request:" + ID, DeliveryFailure.RETRIES_EXHAUSTED, 10, AT),
                new DeliveryFailedEvent(ID, "evt-1", NoticeKind.ACCOUNT_LOCKED, NotificationChannel.SMS, "acc-1",
                        DeliveryFailure.RECIPIENT_ERASED, 0, AT));
        for (Object domainEvent : domainEvents) {
            IntegrationEvent published = mapper.map(domainEvent, AT).orElseThrow();
            assertThat(ContractSchemas.violations(published)).as(published.toString()).isEmpty();
        }
    }

    @Test
    void theOutboxesInnerStepsStayInside() {
        for (Object inner : List.of(
                new DeliveryQueuedEvent(ID, "evt-1", NoticeKind.LICENSE_EXPIRING, NotificationChannel.EMAIL, "acc-1",
                        Map.of("daysLeft", "pd1:1:c2VhbGVk"), AT, AT),
                new DeliveryAttemptStartedEvent(ID, 1, AT, AT),
                new DeliveryAttemptFailedEvent(ID, 1, AT, AT),
                new DeliveryRetriedEvent(ID, AT))) {
            assertThat(mapper.map(inner, AT)).as(inner.getClass().getSimpleName()).isEmpty();
        }
    }
}
