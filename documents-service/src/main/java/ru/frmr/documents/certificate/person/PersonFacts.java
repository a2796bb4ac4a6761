package ru.frmr.documents.certificate.person;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import ru.frmr.contracts.employer.EmploymentCorrected;
import ru.frmr.contracts.employer.EmploymentEnded;
import ru.frmr.contracts.employer.EmploymentRecorded;
import ru.frmr.contracts.registry.ProfessionalRecordChanged;
import ru.frmr.kit.crypto.PersonalDataCipher;

/**
 * documents-service's own record of what the registry, auth-service and the employers said about a worker: the
 * справки are written from it, never from a call to another service. Every write is idempotent by itself (a set of
 * the same values, or a version that only goes up), so an event applied twice changes nothing. Names and the e-mail
 * address are sealed under the worker's key: shredding that key (on erasure) leaves nothing readable.
 */
@Component
public class PersonFacts {

    /** The cipher subject an account's e-mail address waits under until the registry names the worker. */
    static final String ACCOUNT_SUBJECT = "account:";

    private final MongoTemplate mongo;
    private final PersonalDataCipher cipher;

    PersonFacts(MongoTemplate mongo, PersonalDataCipher cipher) {
        this.mongo = mongo;
        this.cipher = cipher;
        mongo.indexOps(KnownEmployment.class).ensureIndex(new org.springframework.data.mongodb.core.index.Index(
                "workerId", Sort.Direction.ASC));
        mongo.indexOps(KnownEntry.class).ensureIndex(new org.springframework.data.mongodb.core.index.Index(
                "workerId", Sort.Direction.ASC));
    }

    void registered(String workerId, String lastName, String firstName, String middleName, Instant registeredAt) {
        if (erased(workerId)) {
            return;
        }
        mongo.upsert(byId(workerId), new Update()
                .set("lastName", cipher.encrypt(workerId, lastName))
                .set("firstName", cipher.encrypt(workerId, firstName))
                .set("middleName", cipher.encrypt(workerId, middleName))
                .set("registeredAt", registeredAt), KnownPerson.class);
    }

    void accountProvisioned(String accountId, String email) {
        if (email == null || email.isBlank()) {
            return;
        }
        KnownAccount account = mongo.findById(accountId, KnownAccount.class);
        if (account != null && account.workerId() != null) {
            setEmail(account.workerId(), accountId, email);
            return;
        }
        mongo.upsert(byId(accountId), Update.update("pendingEmail",
                cipher.encrypt(ACCOUNT_SUBJECT + accountId, email)), KnownAccount.class);
    }

    void accountLinked(String workerId, String accountId) {
        KnownAccount account = mongo.findAndModify(byId(accountId), Update.update("workerId", workerId),
                FindAndModifyOptions.options().upsert(true).returnNew(true), KnownAccount.class);
        if (erased(workerId)) {
            return;
        }
        mongo.upsert(byId(workerId), Update.update("accountId", accountId), KnownPerson.class);
        if (account != null && account.pendingEmail() != null) {
            Optional<String> email = cipher.open(ACCOUNT_SUBJECT + accountId, account.pendingEmail());
            email.ifPresent(address -> setEmail(workerId, accountId, address));
            mongo.updateFirst(byId(accountId), new Update().unset("pendingEmail"), KnownAccount.class);
            // The address now lives under the worker's key alone: erasure must not miss a copy.
            cipher.shred(ACCOUNT_SUBJECT + accountId);
        }
    }

    private void setEmail(String workerId, String accountId, String email) {
        if (erased(workerId)) {
            return;
        }
        mongo.upsert(byId(workerId), new Update().set("email", cipher.encrypt(workerId, email))
                .set("accountId", accountId), KnownPerson.class);
    }

    /** The worker's data key itself is shredded by the upload package's handler of the same event. */
    void erased(String workerId, Instant erasedAt) {
        mongo.upsert(byId(workerId), new Update().set("erased", true).unset("lastName").unset("firstName")
                .unset("middleName").unset("email"), KnownPerson.class);
        mongo.remove(Query.query(Criteria.where("workerId").is(workerId)), KnownEntry.class);
        mongo.remove(Query.query(Criteria.where("workerId").is(workerId)), KnownEmployment.class);
    }

    void employmentRecorded(EmploymentRecorded e) {
        applyTerms(e.employmentId(), e.workerId(), e.organization().id(), e.organization().name(), e.department(),
                e.positionCode(), e.rate().toPlainString(), e.contractKind().name(), e.startDate(), e.version());
    }

    void employmentCorrected(EmploymentCorrected e) {
        applyTerms(e.employmentId(), e.workerId(), e.organization().id(), e.organization().name(), e.department(),
                e.positionCode(), e.rate().toPlainString(), e.contractKind().name(), e.startDate(), e.version());
    }

    void employmentEnded(EmploymentEnded e) {
        upsertNewer(e.employmentId(), e.version(), new Update().set("workerId", e.workerId())
                .set("organizationId", e.organizationId()).set("endDate", e.endDate()), KnownEmployment.class,
                e.workerId());
    }

    private void applyTerms(String employmentId, String workerId, String organizationId, String organizationName,
                            String department, String positionCode, String rate, String contractKind,
                            LocalDate startDate, long version) {
        upsertNewer(employmentId, version, new Update().set("workerId", workerId)
                .set("organizationId", organizationId).set("organizationName", organizationName)
                .set("department", department).set("positionCode", positionCode).set("rate", rate)
                .set("contractKind", contractKind).set("startDate", startDate), KnownEmployment.class, workerId);
    }

    void professionalRecordChanged(ProfessionalRecordChanged e) {
        boolean removed = "REMOVED".equals(e.change());
        Update update = new Update().set("workerId", e.workerId()).set("entryId", e.entryId())
                .set("section", e.section()).set("removed", removed);
        if (removed) {
            update.unset("entry");
        } else {
            update.set("entry", e.entry());
        }
        upsertNewer(e.workerId() + "/" + e.entryId(), e.profileVersion(), update, KnownEntry.class, e.workerId());
    }

    /** Applies the update only when {@code version} is above the one held; a lower or equal one changes nothing. */
    private void upsertNewer(String id, long version, Update update, Class<?> type, String workerId) {
        if (erased(workerId)) {
            return;
        }
        String versionField = type == KnownEntry.class ? "profileVersion" : "version";
        Query olderOrAbsent = Query.query(Criteria.where("_id").is(id).and(versionField).lt(version));
        try {
            mongo.upsert(olderOrAbsent, update.set(versionField, version), type);
        } catch (DuplicateKeyException newerHeld) {
            // The record exists at this version or a later one: the event is old news.
        }
    }

    private boolean erased(String workerId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(workerId).and("erased").is(true)),
                KnownPerson.class);
    }

    /** The worker as a справка shows them; erased or unknown: no name. */
    public PersonSnapshot snapshot(String workerId) {
        KnownPerson person = mongo.findById(workerId, KnownPerson.class);
        if (person == null) {
            return new PersonSnapshot(workerId, Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), false, List.of(), List.of());
        }
        if (person.isErased()) {
            return new PersonSnapshot(workerId, Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), true, List.of(), List.of());
        }
        Query ofWorker = Query.query(Criteria.where("workerId").is(workerId));
        List<KnownEmployment> employments = mongo.find(Query.of(ofWorker).with(Sort.by("startDate")),
                KnownEmployment.class).stream().filter(e -> e.startDate() != null).toList();
        List<KnownEntry> entries = mongo.find(Query.of(ofWorker).with(Sort.by("section", "_id")), KnownEntry.class)
                .stream().filter(e -> !e.removed()).toList();
        return new PersonSnapshot(workerId, open(workerId, person.lastName()), open(workerId, person.firstName()),
                open(workerId, person.middleName()), open(workerId, person.email()), false, employments, entries);
    }

    /** The e-mail address of the worker's account, when auth-service gave one and the person is not erased. */
    public Optional<String> email(String workerId) {
        KnownPerson person = mongo.findById(workerId, KnownPerson.class);
        return person == null || person.isErased() ? Optional.empty() : open(workerId, person.email());
    }

    /** «Иванова М. П.», or empty when the person is erased or unknown. */
    public Optional<String> maskedName(String workerId) {
        KnownPerson person = mongo.findById(workerId, KnownPerson.class);
        if (person == null || person.isErased()) {
            return Optional.empty();
        }
        return new PersonSnapshot(workerId, open(workerId, person.lastName()), open(workerId, person.firstName()),
                open(workerId, person.middleName()), Optional.empty(), false, List.of(), List.of()).maskedName();
    }

    public boolean isErased(String workerId) {
        return erased(workerId);
    }

    private Optional<String> open(String workerId, String sealed) {
        return cipher.open(workerId, sealed);
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}
