package ru.frmr.documents.upload;

import java.time.Clock;
import java.util.Collection;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import ru.frmr.contracts.EventTypes;
import ru.frmr.contracts.Topics;
import ru.frmr.contracts.registry.PersonalDataErased;
import ru.frmr.documents.upload.store.DocumentStore;
import ru.frmr.documents.upload.store.StoredDocument;
import ru.frmr.kit.consumer.IntegrationEventHandler;
import ru.frmr.kit.consumer.ReceivedEvent;
import ru.frmr.kit.crypto.PersonalDataCipher;

/**
 * An erased person's files: their personal-data key in this service is shredded (every sealed file key and name,
 * backups included, becomes unreadable) and their GridFS bytes are deleted; the records stay, marked shredded, so a
 * download answers 410. Both steps are idempotent, so a redelivered event changes nothing.
 */
@Component
class PersonalDataShredding implements IntegrationEventHandler {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataShredding.class);

    private final PersonalDataCipher cipher;
    private final DocumentStore store;
    private final Clock clock;

    PersonalDataShredding(PersonalDataCipher cipher, DocumentStore store, Clock clock) {
        this.cipher = cipher;
        this.store = store;
        this.clock = clock;
    }

    @Override
    public String consumerName() {
        return "upload-shredding";
    }

    @Override
    public Collection<String> topics() {
        return List.of(Topics.REGISTRY_EVENTS);
    }

    @Override
    public void handle(ReceivedEvent event) {
        if (!EventTypes.PERSONAL_DATA_ERASED.equals(event.type())) {
            return;
        }
        PersonalDataErased erased = event.payload(PersonalDataErased.class);
        cipher.shred(erased.workerId());
        List<StoredDocument> documents = store.ofWorker(erased.workerId());
        documents.forEach(document -> store.shred(document, clock.instant()));
        log.info("Shredded the uploads of an erased worker: event={} documents={}", event.id(), documents.size());
    }
}
