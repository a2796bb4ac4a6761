package ru.frmr.registry.consumer;

import java.util.List;

import ru.frmr.contracts.ContractJson;
import ru.frmr.contracts.ContractSchemas;
import ru.frmr.contracts.IntegrationEvent;
import ru.frmr.kit.consumer.PoisonEventException;
import ru.frmr.kit.consumer.ReceivedEvent;

/** Reads an event's payload only once it conforms to the schema published for its type. */
final class ConformingPayloads {

    private ConformingPayloads() {
    }

    /** @throws PoisonEventException naming the violated fields, so the event goes to the dead-letter topic */
    static <T extends IntegrationEvent> T read(ReceivedEvent event, Class<T> type) {
        List<String> violations = ContractSchemas.violations(event.type(), event.data());
        if (!violations.isEmpty()) {
            throw new PoisonEventException(event.type() + " " + event.id() + " breaks its schema: " + violations);
        }
        try {
            return ContractJson.fromBytes(event.data(), type);
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("Unreadable " + event.type() + " " + event.id(), e);
        }
    }
}
