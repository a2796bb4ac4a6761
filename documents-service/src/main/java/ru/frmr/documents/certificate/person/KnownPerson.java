package ru.frmr.documents.certificate.person;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What documents-service knows of one worker from the registry and auth-service: the name and the e-mail address,
 * sealed under the worker's key (stored as the cipher's tokens), and the login account. Erased: the fields are gone.
 */
@Document("certificate_people")
record KnownPerson(@Id String workerId, String lastName, String firstName, String middleName, String email,
                   String accountId, Boolean erased, Instant registeredAt) {

    /** Erasure is recorded as a flag on a document an upsert may have created without it. */
    boolean isErased() {
        return Boolean.TRUE.equals(erased);
    }
}
