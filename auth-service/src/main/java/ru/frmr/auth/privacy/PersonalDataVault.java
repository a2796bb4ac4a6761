package ru.frmr.auth.privacy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import ru.frmr.auth.api.IdentityDocument;
import ru.frmr.auth.api.PersonData;
import ru.frmr.auth.api.SealedIdentityDocument;
import ru.frmr.auth.api.SealedPersonData;
import ru.frmr.kit.crypto.PersonalDataCipher;
import ru.frmr.kit.crypto.SubjectShreddedException;
import ru.frmr.kit.identity.LegacyWorkerIds;
import ru.frmr.kit.identity.SnilsIndexKeys;

/**
 * Where auth-service seals the personal data it stores (СНИЛС, ИНН, identity document, e-mail, mobile) and opens
 * them where it needs a plain value (the one-time code's address, the registry's {@code AccountProvisioned}).
 *
 * <p>The key's subject is the person's {@link #subjectFor snilsKey}, {@code keyId:digest} of auth-service's own
 * private СНИЛС index ({@link SnilsIndexKeys}; no other service can compute it, and it never leaves auth-service),
 * not the account id: every account of one person (ESIA, another provider) shares it, so one erasure reaches all of
 * them, and it is known for every account, also those of people who are no worker. An account keeps the subject
 * it was provisioned with; after a key rotation {@link #subjectsFor} still finds it. Accounts from before registry
 * numbers have their legacy worker id as subject ({@link LegacyWorkerIds}).
 */
public class PersonalDataVault {

    private final PersonalDataCipher cipher;
    private final SnilsIndexKeys keys;
    private final Optional<LegacyWorkerIds> legacy;

    public PersonalDataVault(PersonalDataCipher cipher, SnilsIndexKeys keys, Optional<LegacyWorkerIds> legacy) {
        this.cipher = cipher;
        this.keys = keys;
        this.legacy = legacy;
    }

    /** The data key's subject for a new account of the person with this СНИЛС (11 digits). */
    public String subjectFor(String snils) {
        return keys.current(snils).qualified();
    }

    /** Every subject an existing account of this person may have: under each configured key, then the legacy one. */
    public List<String> subjectsFor(String snils) {
        List<String> subjects = new ArrayList<>();
        keys.all(snils).forEach(digest -> subjects.add(digest.qualified()));
        legacy.ifPresent(ids -> subjects.add(ids.idFor(snils)));
        return subjects;
    }

    /**
     * @return the token to store; null for null
     * @throws SubjectShreddedException when the person's data were erased and not {@link #reinstate reinstated}
     */
    public String seal(String subject, String plaintext) {
        return cipher.encrypt(subject, plaintext);
    }

    /** Seals every field but names, birth date, gender, citizenship and the document type. */
    public SealedPersonData seal(String subject, PersonData person) {
        IdentityDocument d = person.identityDocument();
        SealedIdentityDocument document = d == null ? null : new SealedIdentityDocument(d.type(),
                seal(subject, d.series()), seal(subject, d.number()),
                seal(subject, d.issueDate() == null ? null : d.issueDate().toString()), seal(subject, d.issuedBy()),
                seal(subject, d.issuerCode()));
        return new SealedPersonData(person.lastName(), person.firstName(), person.middleName(), person.birthDate(),
                person.gender(), seal(subject, person.snils()), seal(subject, person.email()),
                seal(subject, person.mobile()), seal(subject, person.inn()), person.citizenship(), document);
    }

    /**
     * @return the plain value; empty for null and when the key that sealed it is gone (erased). A value without
     *         the token prefix (stored before auth-service sealed personal data, development data only) is
     *         taken as it is.
     */
    public Optional<String> open(String subject, String stored) {
        return cipher.open(subject, stored);
    }

    /** @return the person as stored, opened; empty when their СНИЛС cannot be opened any more (erased) */
    public Optional<PersonData> open(String subject, SealedPersonData person) {
        Optional<String> snils = open(subject, person.snils());
        if (snils.isEmpty()) {
            return Optional.empty();
        }
        SealedIdentityDocument d = person.identityDocument();
        IdentityDocument document = d == null ? null : open(subject, d.number())
                .map(number -> new IdentityDocument(d.type(), open(subject, d.series()).orElse(null), number,
                        open(subject, d.issueDate()).map(LocalDate::parse).orElse(null),
                        open(subject, d.issuedBy()).orElse(null), open(subject, d.issuerCode()).orElse(null)))
                .orElse(null);
        return Optional.of(new PersonData(person.lastName(), person.firstName(), person.middleName(),
                person.birthDate(), person.gender(), snils.get(), open(subject, person.email()).orElse(null),
                open(subject, person.mobile()).orElse(null), open(subject, person.inn()).orElse(null),
                person.citizenship(), document));
    }

    /** Destroys the person's data key: everything sealed under it stays unreadable for good. Idempotent. */
    public void shred(String subject) {
        cipher.shred(subject);
    }

    /**
     * The person logs in again after an erasure: what ESIA supplies now is sealed under a new key; what was
     * sealed before stays unreadable. A no-op for a person whose data were never erased.
     */
    public void reinstate(String subject) {
        cipher.reinstate(subject);
    }

    @Override
    public String toString() {
        return "PersonalDataVault[" + cipher + "]";
    }
}
