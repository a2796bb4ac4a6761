package ru.frmr.notification.people;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.bson.Document;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import ru.frmr.contracts.notification.NotificationChannel;
import ru.frmr.kit.crypto.PersonalDataCipher;
import ru.frmr.notification.notice.AddressBook;
import ru.frmr.notification.notice.Recipient;

/**
 * What the notification service knows of people and organisations, from the events it receives: the account's
 * e-mail, mobile and name (sealed under the account id, the recipient key), which account is which worker's, who
 * holds the HR right of an organisation, the organisations' names and regions, the e-mail of an anonymous support
 * requester (sealed under its own key). Every write is idempotent by itself, so an event applied twice changes
 * nothing. Erasure shreds the keys and deletes the values: nothing readable remains.
 */
@Component
@EnableConfigurationProperties({SupervisionProperties.class, SecurityAlertProperties.class})
public class SealedAddressBook implements AddressBook, PeopleDirectory {

    /** The key whose address is the e-mail an account held before its contacts changed. */
    public static final String PREVIOUS_EMAIL = "previous-email:";
    private static final String SECURITY = "security:";

    static final String ACCOUNTS = "notice_accounts";
    static final String WORKERS = "notice_workers";
    static final String HR_RIGHTS = "notice_hr_rights";
    static final String ORGANIZATIONS = "notice_organizations";
    static final String REQUESTERS = "notice_requesters";

    private final MongoTemplate mongo;
    private final PersonalDataCipher cipher;
    private final SupervisionProperties supervision;

    private final SecurityAlertProperties securityAlerts;

    SealedAddressBook(MongoTemplate mongo, PersonalDataCipher cipher, SupervisionProperties supervision,
                      SecurityAlertProperties securityAlerts) {
        this.securityAlerts = securityAlerts;
        this.mongo = mongo;
        this.cipher = cipher;
        this.supervision = supervision;
        mongo.indexOps(HR_RIGHTS).ensureIndex(new Index("organizationId", Sort.Direction.ASC));
    }

    /** An organisation as notices name it. */
    public record Organization(String name, String regionCode) {
    }

    // --- facts -------------------------------------------------------------------------------------------------

    public void accountProvisioned(String accountId, String email, String mobile, String firstName,
                                   String middleName) {
        if (accountErased(accountId)) {
            return;
        }
        String name = String.join(" ", nonBlank(firstName, middleName));
        Update update = new Update().set("name", name.isBlank() ? null : cipher.encrypt(accountId, name));
        if (email != null && !email.isBlank()) {
            update.set("email", cipher.encrypt(accountId, email.strip()));
        }
        if (mobile != null && !mobile.isBlank()) {
            update.set("mobile", cipher.encrypt(accountId, mobile.strip()));
        }
        mongo.upsert(byId(accountId), update, ACCOUNTS);
    }

    /**
     * Takes the new contacts and keeps the e-mail held before, so that the person is warned there too. Applied once
     * per event: a redelivery leaves the previous address as the first delivery set it.
     *
     * @return whether an earlier e-mail address, different from the new one, is held for the warning
     */
    public boolean contactsChanged(String eventId, String accountId, String email, String mobile) {
        Document account = mongo.findById(accountId, Document.class, ACCOUNTS);
        if (account != null && Boolean.TRUE.equals(account.getBoolean("erased"))) {
            return false;
        }
        if (account != null && eventId.equals(account.getString("contactsEventId"))) {
            Document previous = account.get("previousEmails", Document.class);
            return previous != null && previous.containsKey(eventId);
        }
        Optional<String> before = account == null ? Optional.empty() : open(accountId, account.getString("email"));
        Update update = new Update().set("contactsEventId", eventId);
        boolean warnBefore = false;
        if (email != null && !email.isBlank()) {
            update.set("email", cipher.encrypt(accountId, email.strip()));
            warnBefore = before.isPresent() && !before.get().equalsIgnoreCase(email.strip());
        }
        if (mobile != null && !mobile.isBlank()) {
            update.set("mobile", cipher.encrypt(accountId, mobile.strip()));
        }
        if (warnBefore) {
            // Kept per change: a second change before the first warning went out must not redirect that warning.
            update.set("previousEmails." + eventId, account.getString("email"));
        }
        mongo.upsert(byId(accountId), update, ACCOUNTS);
        return warnBefore;
    }

    /** @return true when the worker was erased before the link arrived: the account is erased with it */
    public boolean workerLinked(String workerId, String accountId) {
        Document worker = mongo.findAndModify(byId(workerId), Update.update("accountId", accountId),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, WORKERS);
        mongo.upsert(byId(accountId), Update.update("workerId", workerId), ACCOUNTS);
        if (worker != null && Boolean.TRUE.equals(worker.getBoolean("erased"))) {
            eraseAccount(accountId);
            return true;
        }
        return false;
    }

    /** The worker's personal data were erased: their account's addresses go too. */
    public Optional<String> workerErased(String workerId) {
        Document worker = mongo.findAndModify(byId(workerId), Update.update("erased", true),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, WORKERS);
        // Notices parked for the worker hold their fields under this key.
        cipher.shred(new Recipient.Worker(workerId).key());
        String accountId = worker == null ? null : worker.getString("accountId");
        if (accountId != null) {
            eraseAccount(accountId);
        }
        return Optional.ofNullable(accountId);
    }

    private void eraseAccount(String accountId) {
        cipher.shred(accountId);
        cipher.shred(PREVIOUS_EMAIL + accountId);
        mongo.upsert(byId(accountId), new Update().set("erased", true).unset("email").unset("mobile")
                .unset("name").unset("previousEmails"), ACCOUNTS);
    }

    public void hrRight(String organizationId, String accountId, boolean granted, long version) {
        String id = organizationId + "|" + accountId;
        Query olderOrAbsent = Query.query(Criteria.where("_id").is(id).and("version").lt(version));
        try {
            mongo.upsert(olderOrAbsent, new Update().set("organizationId", organizationId)
                    .set("accountId", accountId).set("granted", granted).set("version", version), HR_RIGHTS);
        } catch (DuplicateKeyException newerHeld) {
            // A later grant or revocation is already held: this one is old news.
        }
    }

    public void organization(String organizationId, String name, String regionCode, long version) {
        Query olderOrAbsent = Query.query(Criteria.where("_id").is(organizationId).and("version").lt(version));
        try {
            mongo.upsert(olderOrAbsent, new Update().set("name", name).set("regionCode", regionCode)
                    .set("version", version), ORGANIZATIONS);
        } catch (DuplicateKeyException newerHeld) {
            // The card is held at this version or a later one.
        }
    }

    // --- reading -----------------------------------------------------------------------------------------------

    @Override
    public Optional<String> accountOfWorker(String workerId) {
        Document worker = mongo.findById(workerId, Document.class, WORKERS);
        return worker == null ? Optional.empty() : Optional.ofNullable(worker.getString("accountId"));
    }

    /** The registry record linked to the account, when the registry announced one. */
    public Optional<String> workerOfAccount(String accountId) {
        Document account = mongo.findById(accountId, Document.class, ACCOUNTS);
        return account == null ? Optional.empty() : Optional.ofNullable(account.getString("workerId"));
    }

    @Override
    public boolean isWorkerErased(String workerId) {
        Document worker = mongo.findById(workerId, Document.class, WORKERS);
        return worker != null && Boolean.TRUE.equals(worker.getBoolean("erased"));
    }

    @Override
    public Set<String> hrAccountsOf(String organizationId) {
        return mongo.find(Query.query(Criteria.where("organizationId").is(organizationId).and("granted").is(true)),
                Document.class, HR_RIGHTS).stream().map(d -> d.getString("accountId"))
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    @Override
    public Optional<Organization> organization(String organizationId) {
        Document org = mongo.findById(organizationId, Document.class, ORGANIZATIONS);
        return org == null ? Optional.empty()
                : Optional.of(new Organization(org.getString("name"), org.getString("regionCode")));
    }

    /** «Мария Петровна» as the account's person is addressed, when known. */
    @Override
    public Optional<String> nameOf(String accountId) {
        Document account = mongo.findById(accountId, Document.class, ACCOUNTS);
        if (account == null || Boolean.TRUE.equals(account.getBoolean("erased"))) {
            return Optional.empty();
        }
        return open(accountId, account.getString("name"));
    }

    @Override
    public Optional<String> address(String recipientKey, NotificationChannel channel) {
        if (recipientKey.startsWith("supervision:")) {
            return channel == NotificationChannel.EMAIL
                    ? Optional.ofNullable(supervision.mailboxOf(recipientKey.substring("supervision:".length())))
                    : Optional.empty();
        }
        if (recipientKey.startsWith(SECURITY)) {
            return channel == NotificationChannel.EMAIL
                    ? Optional.ofNullable(securityAlerts.mailboxes().get(recipientKey.substring(SECURITY.length())))
                    : Optional.empty();
        }
        if (recipientKey.startsWith("support-request:")) {
            Document requester = mongo.findById(recipientKey.substring("support-request:".length()),
                    Document.class, REQUESTERS);
            return channel != NotificationChannel.EMAIL || requester == null ? Optional.empty()
                    : open(recipientKey, requester.getString("email"));
        }
        if (recipientKey.startsWith(PREVIOUS_EMAIL)) {
            String accountId = accountOf(recipientKey);
            String eventId = recipientKey.substring(recipientKey.indexOf('/') + 1);
            Document account = liveAccount(accountId);
            Document previous = account == null ? null : account.get("previousEmails", Document.class);
            return channel != NotificationChannel.EMAIL || previous == null ? Optional.empty()
                    : open(accountId, previous.getString(eventId));
        }
        if (recipientKey.startsWith("worker:")) {
            return Optional.empty();
        }
        if (channel == NotificationChannel.INBOX) {
            return accountErased(recipientKey) ? Optional.empty() : Optional.of(recipientKey);
        }
        Document account = liveAccount(recipientKey);
        if (account == null) {
            return Optional.empty();
        }
        return open(recipientKey, account.getString(channel == NotificationChannel.EMAIL ? "email" : "mobile"));
    }

    @Override
    public boolean erased(String recipientKey) {
        if (recipientKey.startsWith("supervision:") || recipientKey.startsWith("support-request:")
                || recipientKey.startsWith(SECURITY)) {
            return false;
        }
        if (recipientKey.startsWith("worker:")) {
            return isWorkerErased(recipientKey.substring("worker:".length()));
        }
        return accountErased(accountOf(recipientKey));
    }

    /**
     * The recipient key of the warning about one contact change ({@code eventId}) to the e-mail the account held
     * before it. Its sealed values live under {@link Recipient#subjectOf} of it, {@code previous-email:<account>},
     * shredded with the account.
     */
    public static String previousEmailKey(String accountId, String eventId) {
        return PREVIOUS_EMAIL + accountId + "/" + eventId;
    }

    /** The account a recipient key belongs to (its own id, or the one a previous-email key names). */
    private static String accountOf(String recipientKey) {
        String subject = Recipient.subjectOf(recipientKey);
        return subject.startsWith(PREVIOUS_EMAIL) ? subject.substring(PREVIOUS_EMAIL.length()) : subject;
    }

    @Override
    public void rememberRequester(String requestId, String email) {
        String key = new Recipient.Requester(requestId).key();
        mongo.upsert(byId(requestId), Update.update("email", cipher.encrypt(key, email.strip())), REQUESTERS);
    }

    private Document liveAccount(String accountId) {
        Document account = mongo.findById(accountId, Document.class, ACCOUNTS);
        return account == null || Boolean.TRUE.equals(account.getBoolean("erased")) ? null : account;
    }

    private boolean accountErased(String accountId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(accountId).and("erased").is(true)), ACCOUNTS);
    }

    private Optional<String> open(String subject, String sealed) {
        return cipher.open(subject, sealed);
    }

    private static List<String> nonBlank(String... parts) {
        return java.util.Arrays.stream(parts).filter(p -> p != null && !p.isBlank()).map(String::strip).toList();
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}
