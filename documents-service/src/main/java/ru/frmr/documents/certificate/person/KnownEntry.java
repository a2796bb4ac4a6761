package ru.frmr.documents.certificate.person;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import ru.frmr.contracts.registry.ProfessionalEntry;

/**
 * One approved entry of a worker's professional record ({@code id} = worker id + "/" + entry id); a removed entry
 * stays as a tombstone with its version, so an older event arriving late cannot bring it back.
 */
@Document("certificate_professional_entries")
public record KnownEntry(@Id String id, String workerId, String entryId, String section, ProfessionalEntry entry,
                         boolean removed, long profileVersion) {
}
