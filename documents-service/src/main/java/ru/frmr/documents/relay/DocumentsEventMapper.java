package ru.frmr.documents.relay;

import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Component;

import ru.frmr.contracts.IntegrationEvent;
import ru.frmr.kit.relay.IntegrationEventMapper;

/**
 * What documents-service tells the rest of the platform: ids, types, sizes, digests and statuses. Never a file's
 * name or content, the purpose a person gave for a справка, or a postal address.
 */
@Component
class DocumentsEventMapper implements IntegrationEventMapper {

    @Override
    public Optional<IntegrationEvent> map(Object domainEvent, Instant occurredAt) {
        // uploads and attachments

        // справки: requested, issued, delivered, refused

        return Optional.empty();
    }
}
