package ru.frmr.registry.privacy;

import ru.frmr.kit.crypto.PersonalDataCipher;
import ru.frmr.kit.crypto.SubjectShreddedException;
import ru.frmr.registry.api.IdentityDocument;
import ru.frmr.registry.api.SealedIdentityDocument;

/**
 * Where the registry's personal data (СНИЛС, ИНН, identity document, contacts) are sealed for storage and
 * opened for the cabinet: each worker's values under that worker's own data key ({@link PersonalDataCipher}),
 * so {@link #shred shredding} the key erases every stored copy at once. The worker id is the key's subject.
 */
public class PersonalDataVault {

    private final PersonalDataCipher cipher;

    public PersonalDataVault(PersonalDataCipher cipher) {
        this.cipher = cipher;
    }

    /**
     * @return the token to store; null for null
     * @throws SubjectShreddedException when the worker's personal data were erased
     */
    public String seal(String workerId, String plaintext) {
        return cipher.encrypt(workerId, plaintext);
    }

    /** Seals every field but the document type; null for null. */
    public SealedIdentityDocument seal(String workerId, IdentityDocument document) {
        if (document == null) {
            return null;
        }
        return new SealedIdentityDocument(document.type(), seal(workerId, document.series()),
                seal(workerId, document.number()),
                seal(workerId, document.issueDate() == null ? null : document.issueDate().toString()),
                seal(workerId, document.issuedBy()), seal(workerId, document.issuerCode()));
    }

    /** Reads one worker's stored values back. */
    public PersonalDataReader reader(String workerId) {
        return new PersonalDataReader(cipher, workerId);
    }

    /** Destroys the worker's data key: what was sealed under it stays unreadable for good. Idempotent. */
    public void shred(String workerId) {
        cipher.shred(workerId);
    }

    @Override
    public String toString() {
        return "PersonalDataVault[" + cipher + "]";
    }
}
