package ru.frmr.registry.privacy;

import java.time.LocalDate;
import java.util.Optional;

import ru.frmr.kit.crypto.PersonalDataCipher;
import ru.frmr.registry.api.IdentityDocument;
import ru.frmr.registry.api.SealedIdentityDocument;

/**
 * One worker's stored personal values, opened: a token is decrypted with the worker's key; a plain value (from
 * events stored before the registry sealed personal data, development data only) is taken as it is. Remembers
 * whether any token was sealed under a key that no longer exists, i.e. whether the data were erased.
 */
public final class PersonalDataReader {

    private final PersonalDataCipher cipher;
    private final String workerId;
    private boolean keyGone;

    PersonalDataReader(PersonalDataCipher cipher, String workerId) {
        this.cipher = cipher;
        this.workerId = workerId;
    }

    /** @return the plain value; null for null, and null when the key that sealed it is gone */
    public String open(String stored) {
        if (stored == null) {
            return null;
        }
        Optional<String> plain = cipher.open(workerId, stored);
        keyGone |= plain.isEmpty();
        return plain.orElse(null);
    }

    /** @return the document; null for null, and null when the key that sealed it is gone */
    public IdentityDocument open(SealedIdentityDocument stored) {
        if (stored == null) {
            return null;
        }
        String number = open(stored.number());
        if (number == null) {
            return null;
        }
        String issueDate = open(stored.issueDate());
        return new IdentityDocument(stored.type(), open(stored.series()), number,
                issueDate == null ? null : LocalDate.parse(issueDate), open(stored.issuedBy()),
                open(stored.issuerCode()));
    }

    /** Whether any value opened so far was sealed under a key that was shredded. */
    public boolean keyGone() {
        return keyGone;
    }

    @Override
    public String toString() {
        return "PersonalDataReader[workerId=" + workerId + "]";
    }
}
