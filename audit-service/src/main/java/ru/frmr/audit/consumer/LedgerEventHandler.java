package ru.frmr.audit.consumer;

import java.util.Collection;

import org.springframework.stereotype.Component;

import ru.frmr.audit.ledger.AuditedEvent;
import ru.frmr.audit.ledger.Ledger;
import ru.frmr.audit.ledger.Sha256;
import ru.frmr.audit.ledger.tree.TreeBuilder;
import ru.frmr.contracts.Topics;
import ru.frmr.kit.consumer.IntegrationEventHandler;
import ru.frmr.kit.consumer.ReceivedEvent;

/**
 * Records every event of every platform topic in the ledger. A public event arrives twice, on its
 * service's topic and on the public one, with the same id; the ledger's idempotent append keeps one entry,
 * as it does for any redelivery, so the kit keeps no separate processed-event record for it.
 */
@Component
class LedgerEventHandler implements IntegrationEventHandler {

    static final String CONSUMER_NAME = "audit-ledger";

    private final Ledger ledger;
    private final TreeBuilder tree;

    LedgerEventHandler(Ledger ledger, TreeBuilder tree) {
        this.ledger = ledger;
        this.tree = tree;
    }

    @Override
    public String consumerName() {
        return CONSUMER_NAME;
    }

    @Override
    public Collection<String> topics() {
        return Topics.ALL_EVENT_TOPICS;
    }

    @Override
    public boolean deduplicatesByEventId() {
        return true;
    }

    @Override
    public void handle(ReceivedEvent event) {
        ledger.append(toAudited(event));
        // The tree follows at once, so proofs cover the entry when the consumer moves on; the checkpoint sweep
        // catches up whatever a stop in between left out.
        tree.extend();
    }

    static AuditedEvent toAudited(ReceivedEvent event) {
        return new AuditedEvent(event.id(), event.type(), event.source().toString(), event.subject(),
                event.time() == null ? null : event.time().toInstant(), event.actor(), event.topic(),
                Sha256.hex(event.data()));
    }
}
