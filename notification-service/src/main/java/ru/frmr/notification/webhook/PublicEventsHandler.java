package ru.frmr.notification.webhook;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

import ru.frmr.contracts.Topics;
import ru.frmr.kit.consumer.IntegrationEventHandler;
import ru.frmr.kit.consumer.PoisonEventException;
import ru.frmr.kit.consumer.ReceivedEvent;
import ru.frmr.notification.webhook.PublicEventLog.StoredEvent;

/**
 * Every public event becomes its structured-mode CloudEvent JSON, is kept for replays and is queued for each ACTIVE
 * subscription to its type (consumer group {@code <app>.webhooks}). Idempotent by event id without the kit's
 * record: the stored event and each delivery are keyed by it, so a redelivered record adds nothing.
 */
@Component
class PublicEventsHandler implements IntegrationEventHandler {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PublicEventLog events;
    private final Subscriptions subscriptions;
    private final WebhookDeliveries deliveries;
    private final Clock clock;

    PublicEventsHandler(PublicEventLog events, Subscriptions subscriptions, WebhookDeliveries deliveries,
                        Clock clock) {
        this.events = events;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @Override
    public String consumerName() {
        return "webhooks";
    }

    @Override
    public Collection<String> topics() {
        return List.of(Topics.PUBLIC_EVENTS);
    }

    @Override
    public boolean deduplicatesByEventId() {
        return true;
    }

    @Override
    public void handle(ReceivedEvent event) {
        Instant now = clock.instant();
        Instant time = event.time() == null ? now : event.time().toInstant();
        events.keep(new StoredEvent(event.id(), event.type(), time, structured(event)));
        for (Subscription subscription : subscriptions.activeFor(event.type())) {
            deliveries.enqueue(WebhookDeliveries.deliveryId(subscription.subscriptionId(), event.id()),
                    subscription.subscriptionId(), event.id(), event.type(), now);
        }
    }

    /** The CloudEvent in structured mode (JSON format), its data as published. */
    static String structured(ReceivedEvent event) {
        Map<String, Object> ce = new LinkedHashMap<>();
        ce.put("specversion", "1.0");
        ce.put("id", event.id());
        ce.put("source", event.source().toString());
        ce.put("type", event.type());
        if (event.subject() != null) {
            ce.put("subject", event.subject());
        }
        if (event.time() != null) {
            ce.put("time", event.time().toString());
        }
        ce.put("datacontenttype", "application/json");
        ce.put("dataschema", "https://frmr.ru/schemas/" + event.type() + ".schema.json");
        try {
            ce.put("data", JSON.readTree(event.data()));
            return JSON.writeValueAsString(ce);
        } catch (IOException e) {
            throw new PoisonEventException("Public event " + event.id() + " carries no JSON data", e);
        }
    }
}
