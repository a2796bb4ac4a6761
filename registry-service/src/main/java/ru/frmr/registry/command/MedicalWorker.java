package ru.frmr.registry.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import ru.frmr.kit.error.BusinessRuleException;
import ru.frmr.registry.api.AccountStatusRecordedEvent;
import ru.frmr.registry.api.AccreditationEntry;
import ru.frmr.registry.api.ApproveProfileChangeCommand;
import ru.frmr.registry.api.ChangeKind;
import ru.frmr.registry.api.ContactsUpdatedEvent;
import ru.frmr.registry.api.CorrectEmploymentCommand;
import ru.frmr.registry.api.EmploymentCorrectedEvent;
import ru.frmr.registry.api.EmploymentEndedEvent;
import ru.frmr.registry.api.EmploymentRecordedEvent;
import ru.frmr.registry.api.EmploymentTerms;
import ru.frmr.registry.api.EndEmploymentCommand;
import ru.frmr.registry.api.IssueLicenseNoticeCommand;
import ru.frmr.registry.api.LicenseExpiredEvent;
import ru.frmr.registry.api.LicenseExpiringSoonEvent;
import ru.frmr.registry.api.LicenseNoticeOutcome;
import ru.frmr.registry.api.LicenseNoticeThreshold;
import ru.frmr.registry.api.ErasePersonalDataCommand;
import ru.frmr.registry.api.PersonalDataErasedEvent;
import ru.frmr.registry.api.ProfileChangeApprovedEvent;
import ru.frmr.registry.api.ProfileChangeRejectedEvent;
import ru.frmr.registry.api.ProfileChangeSubmittedEvent;
import ru.frmr.registry.api.RecordAccountStatusCommand;
import ru.frmr.registry.api.RecordEmploymentCommand;
import ru.frmr.registry.api.RecordEntry;
import ru.frmr.registry.api.RecordSection;
import ru.frmr.registry.api.LinkAccountCommand;
import ru.frmr.registry.api.RegisterWorkerCommand;
import ru.frmr.registry.api.RejectProfileChangeCommand;
import ru.frmr.registry.api.SealedPersonalData;
import ru.frmr.registry.api.Snils;
import ru.frmr.registry.api.SubmitProfileChangeCommand;
import ru.frmr.registry.api.UpdateContactsCommand;
import ru.frmr.registry.api.WorkerAccountLinkedEvent;
import ru.frmr.registry.api.WorkerRegisteredEvent;
import ru.frmr.registry.reference.EmploymentDictionaries;
import ru.frmr.registry.privacy.PersonalDataReader;
import ru.frmr.registry.privacy.PersonalDataVault;
import ru.frmr.registry.reference.ReferenceDictionaries;

/**
 * A medical worker's record: the consistency boundary for everything the worker keeps here. The worker's
 * changes of the professional record wait as pending changes until an administrator approves them; only
 * then do they enter {@code entries}.
 */
@Aggregate(snapshotTriggerDefinition = ru.frmr.kit.axon.AggregateSnapshots.TRIGGER)
class MedicalWorker {

    /** "Today" for the date rules is the registry's day: Moscow time, as the law's deadlines are. */
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final int MAX_REASON = 500;
    /** An erasure reason stays in the stream for good, so it must not carry what the erasure removes. */
    private static final String PERSONAL_DATA_LOOKALIKE = "(?s).*(\\d{6,}|\\d{3}-\\d{3}-\\d{3}|@|\\+7).*";

    @AggregateIdentifier
    private String workerId;
    /** Contacts as stored: sealed tokens (plain text in events stored before sealing); null once erased. */
    private String email;
    private String mobile;
    private long profileVersion;
    /** The approved professional record: entry id to entry. */
    private final Map<String, RecordEntry> entries = new HashMap<>();
    /** Changes awaiting moderation: change id to change. */
    private final Map<String, PendingChange> pending = new HashMap<>();
    private boolean personalDataErased;
    /** Login accounts (auth-service ids) linked to this record. */
    private final Set<String> accounts = new HashSet<>();

    MedicalWorker() {
        // for Axon: rebuilt from events
    }

    /** Checks the personal data in plain text; the event holds them sealed under the worker's own key. */
    @CommandHandler
    MedicalWorker(RegisterWorkerCommand command, PersonalDataVault vault) {
        // The web layer validates too; the aggregate does not trust its callers (ESIA provisioning comes later).
        if (Snils.parse(command.snils()).isEmpty()) {
            throw new BusinessRuleException("snils", "is not a valid СНИЛС");
        }
        requireText(command.lastName(), "lastName");
        requireText(command.firstName(), "firstName");
        if (command.birthDate() == null) {
            throw new BusinessRuleException("birthDate", "is required");
        }
        PersonalDataRules.check(command.gender(), command.citizenship(), command.inn(), command.identityDocument(),
                command.birthDate());
        String id = command.workerId();
        apply(new WorkerRegisteredEvent(id, command.lastName(), command.firstName(), command.middleName(),
                command.birthDate(), command.gender(), command.citizenship(), new SealedPersonalData(
                        vault.seal(id, Snils.parse(command.snils()).orElseThrow().digits()),
                        vault.seal(id, command.inn()), vault.seal(id, command.identityDocument()),
                        vault.seal(id, command.email()), vault.seal(id, command.mobile()))));
    }

    @CommandHandler
    void handle(LinkAccountCommand command) {
        requireText(command.accountId(), "accountId");
        if (!accounts.contains(command.accountId())) {
            apply(new WorkerAccountLinkedEvent(workerId, command.accountId()));
        }
    }

    @CommandHandler
    void handle(UpdateContactsCommand command, PersonalDataVault vault) {
        require(!personalDataErased, "email", "cannot be recorded: this worker's personal data were erased");
        PersonalDataReader current = vault.reader(workerId);
        if (Objects.equals(command.email(), current.open(email))
                && Objects.equals(command.mobile(), current.open(mobile))) {
            return; // nothing changed: a repeated PUT produces no event
        }
        apply(new ContactsUpdatedEvent(workerId, vault.seal(workerId, command.email()),
                vault.seal(workerId, command.mobile()), profileVersion + 1));
    }

    @CommandHandler
    void handle(SubmitProfileChangeCommand command, ReferenceDictionaries dictionaries) {
        if (pending.containsKey(command.changeId())) {
            return; // a retried submission: the change is already waiting
        }
        require(command.kind() != null, "kind", "is required");
        require(command.entryId() != null, "entryId", "is required");
        RecordEntry current = entries.get(command.entryId());
        RecordEntry entry = command.entry();
        switch (command.kind()) {
            case ADD -> require(current == null, "entryId", "is already in the record");
            case CORRECT -> require(current != null, "entryId", "is not an entry of this record");
            case REMOVE -> {
                require(current != null, "entryId", "is not an entry of this record");
                require(entry == null, "entry", "must be absent when removing an entry");
            }
        }
        if (command.kind() != ChangeKind.REMOVE) {
            require(entry != null, "entry", "is required");
            require(current == null || current.section() == entry.section(), "entry.section",
                    "must stay the section of the corrected entry");
            new EntryRules(dictionaries, command.submittedAt().atZone(MOSCOW).toLocalDate()).check(entry);
            entry = lawful(entry);
            requireNoOverlap(command.entryId(), entry);
        }
        boolean entryBusy = pending.values().stream().anyMatch(p -> p.entryId().equals(command.entryId()));
        require(!entryBusy, "entryId", "already has a change awaiting moderation");
        RecordSection section = entry != null ? entry.section() : current.section();
        apply(new ProfileChangeSubmittedEvent(workerId, command.changeId(), command.kind(), section,
                command.entryId(), entry, command.submittedBy(), command.submittedAt()));
    }

    @CommandHandler
    void handle(ApproveProfileChangeCommand command) {
        PendingChange change = pendingChange(command.changeId());
        requireOtherModerator(change, command.approvedBy(), command.moderatorWorkerId());
        if (change.kind() != ChangeKind.REMOVE) {
            // Another change approved since the submission may have taken the same accreditation period.
            requireNoOverlap(change.entryId(), change.entry());
        }
        apply(new ProfileChangeApprovedEvent(workerId, command.changeId(), change.kind(), change.section(),
                change.entryId(), change.entry(), command.approvedBy(), command.approvedAt(), profileVersion + 1));
    }

    @CommandHandler
    void handle(RejectProfileChangeCommand command) {
        PendingChange change = pendingChange(command.changeId());
        requireOtherModerator(change, command.rejectedBy(), command.moderatorWorkerId());
        requireText(command.reason(), "reason");
        require(command.reason().length() <= MAX_REASON, "reason", "must be at most " + MAX_REASON + " characters");
        require(!command.reason().matches("(?s).*[<>].*"), "reason", "must be plain text");
        apply(new ProfileChangeRejectedEvent(workerId, command.changeId(), change.kind(), change.section(),
                change.entryId(), command.reason().strip(), command.rejectedBy(), command.rejectedAt()));
    }

    @EventSourcingHandler
    void on(WorkerRegisteredEvent event) {
        workerId = event.workerId();
        email = event.personalData().email();
        mobile = event.personalData().mobile();
        profileVersion = 1;
    }

    @EventSourcingHandler
    void on(WorkerAccountLinkedEvent event) {
        accounts.add(event.accountId());
    }

    @EventSourcingHandler
    void on(ContactsUpdatedEvent event) {
        email = event.email();
        mobile = event.mobile();
        profileVersion = event.profileVersion();
    }

    @EventSourcingHandler
    void on(ProfileChangeSubmittedEvent event) {
        pending.put(event.changeId(), new PendingChange(event.kind(), event.section(), event.entryId(),
                event.entry(), event.submittedBy()));
    }

    @EventSourcingHandler
    void on(ProfileChangeApprovedEvent event) {
        pending.remove(event.changeId());
        if (event.kind() == ChangeKind.REMOVE) {
            entries.remove(event.entryId());
        } else {
            entries.put(event.entryId(), event.entry());
        }
        profileVersion = event.profileVersion();
    }

    @EventSourcingHandler
    void on(ProfileChangeRejectedEvent event) {
        pending.remove(event.changeId());
    }

    /**
     * Crypto-shredding: the key goes first, then the event records it, so a failure in between leaves the data
     * erased and a retry records it. Nothing else of the record changes; a repeated order is a no-op.
     */
    @CommandHandler
    void handle(ErasePersonalDataCommand command, PersonalDataVault vault) {
        if (personalDataErased) {
            return;
        }
        requireText(command.reason(), "reason");
        require(command.reason().length() <= MAX_REASON, "reason", "must be at most " + MAX_REASON + " characters");
        require(!command.reason().matches("(?s).*[<>].*"), "reason", "must be plain text");
        require(!command.reason().matches(PERSONAL_DATA_LOOKALIKE), "reason",
                "must not quote personal data (document numbers, e-mail addresses, phone numbers)");
        vault.shred(workerId);
        apply(new PersonalDataErasedEvent(workerId, command.reason().strip(), command.erasedBy(),
                command.erasedAt()));
    }

    @EventSourcingHandler
    void on(PersonalDataErasedEvent event) {
        personalDataErased = true;
        email = null;
        mobile = null;
    }

    // --- the login account's status, as auth-service reports it ---

    /** When auth-service changed the account status last recorded here; null before the first report. */
    private Instant accountStatusAt;

    /**
     * Reports arrive at least once and, from several accounts or after a retry, not always in order: the newest by
     * auth-service's time wins, and a repeated or older one records nothing.
     */
    @CommandHandler
    void handle(RecordAccountStatusCommand command) {
        require(command.changedAt() != null, "changedAt", "is required");
        requireText(command.status(), "status");
        if (accountStatusAt != null && !command.changedAt().isAfter(accountStatusAt)) {
            return;
        }
        apply(new AccountStatusRecordedEvent(workerId, command.accountId(), command.status(), command.changedAt()));
    }

    @EventSourcingHandler
    void on(AccountStatusRecordedEvent event) {
        accountStatusAt = event.changedAt();
    }

    /** The entry with what the law fixes filled in, whatever the submitter sent. */
    private static RecordEntry lawful(RecordEntry entry) {
        return entry instanceof AccreditationEntry a ? a.withLawfulEndDate() : entry;
    }

    /** One specialty cannot be accredited twice for the same days. */
    private void requireNoOverlap(String entryId, RecordEntry entry) {
        if (!(entry instanceof AccreditationEntry candidate)) {
            return;
        }
        boolean overlaps = entries.entrySet().stream()
                .filter(e -> !e.getKey().equals(entryId))
                .map(Map.Entry::getValue)
                .filter(AccreditationEntry.class::isInstance)
                .map(AccreditationEntry.class::cast)
                .filter(other -> other.specialtyCode().equals(candidate.specialtyCode()))
                .anyMatch(other -> candidate.protocolDate().isBefore(other.endDate())
                        && other.protocolDate().isBefore(candidate.endDate()));
        require(!overlaps, "entry.protocolDate", "overlaps another accreditation period in this specialty");
    }

    /**
     * Nobody moderates their own record: not by the worker id their token carries, nor a change their account
     * submitted (a worker later made administrator keeps the account, and their token need not carry the
     * worker id).
     */
    private void requireOtherModerator(PendingChange change, String moderator, String moderatorWorkerId) {
        if (workerId.equals(moderatorWorkerId) || Objects.equals(change.submittedBy(), moderator)) {
            throw new OwnRecordModerationException();
        }
    }

    private PendingChange pendingChange(String changeId) {
        PendingChange change = pending.get(changeId);
        require(change != null, "changeId", "is not awaiting moderation");
        return change;
    }

    private static void require(boolean condition, String field, String message) {
        if (!condition) {
            throw new BusinessRuleException(field, message);
        }
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new BusinessRuleException(field, "is required");
        }
    }

    private record PendingChange(ChangeKind kind, RecordSection section, String entryId, RecordEntry entry,
                                 String submittedBy) {
    }

    // --- employment: reported by employers through the employer-service, not moderated ---

    /** The employments the employers reported, by the employer's employment id. */
    private final Map<String, HeldEmployment> employments = new HashMap<>();

    @CommandHandler
    void handle(RecordEmploymentCommand command, EmploymentDictionaries dictionaries) {
        require(command.recordedAt() != null, "recordedAt", "is required");
        new EmploymentRules(dictionaries).checkTerms(command.employmentId(), command.version(), command.terms(),
                command.recordedBy(), day(command.recordedAt()));
        EmploymentTerms terms = command.terms().normalised();
        HeldEmployment held = employments.get(command.employmentId());
        if (held != null) {
            require(command.version() <= held.version(), "employmentId",
                    "is already recorded; a later version is a correction");
            requireSameAtSameVersion(held, command.version(), held.terms().equals(terms));
            return; // delivered again, or older than what the record holds
        }
        apply(new EmploymentRecordedEvent(workerId, command.employmentId(), command.version(), terms,
                command.recordedBy(), command.recordedAt(), profileVersion + 1));
    }

    @CommandHandler
    void handle(CorrectEmploymentCommand command, EmploymentDictionaries dictionaries) {
        require(command.correctedAt() != null, "correctedAt", "is required");
        new EmploymentRules(dictionaries).checkTerms(command.employmentId(), command.version(), command.terms(),
                command.correctedBy(), day(command.correctedAt()));
        EmploymentTerms terms = command.terms().normalised();
        HeldEmployment held = heldEmployment(command.employmentId());
        require(held.terms().organizationId().equals(terms.organizationId()), "organization.id",
                "must stay the organisation the employment was recorded with");
        if (command.version() <= held.version()) {
            requireSameAtSameVersion(held, command.version(), held.terms().equals(terms));
            return;
        }
        require(held.endDate() == null || !held.endDate().isBefore(terms.startDate()), "startDate",
                "must not be after the end date");
        apply(new EmploymentCorrectedEvent(workerId, command.employmentId(), command.version(), terms,
                command.correctedBy(), command.correctedAt(), profileVersion + 1));
    }

    @CommandHandler
    void handle(EndEmploymentCommand command, EmploymentDictionaries dictionaries) {
        require(command.endedAt() != null, "endedAt", "is required");
        new EmploymentRules(dictionaries).checkEnd(command.employmentId(), command.version(), command.endDate(),
                command.endedBy(), day(command.endedAt()));
        HeldEmployment held = heldEmployment(command.employmentId());
        require(held.terms().organizationId().equals(command.organizationId()), "organizationId",
                "is not the organisation the employment was recorded with");
        if (command.version() <= held.version()) {
            requireSameAtSameVersion(held, command.version(), command.endDate().equals(held.endDate()));
            return;
        }
        require(!command.endDate().isBefore(held.terms().startDate()), "endDate", "must not be before the start date");
        apply(new EmploymentEndedEvent(workerId, command.employmentId(), command.version(), command.endDate(),
                command.endedBy(), command.endedAt(), profileVersion + 1));
    }

    @EventSourcingHandler
    void on(EmploymentRecordedEvent event) {
        employments.put(event.employmentId(), new HeldEmployment(event.version(), event.terms(), null));
        profileVersion = event.profileVersion();
    }

    @EventSourcingHandler
    void on(EmploymentCorrectedEvent event) {
        HeldEmployment held = employments.get(event.employmentId());
        employments.put(event.employmentId(), new HeldEmployment(event.version(), event.terms(), held.endDate()));
        profileVersion = event.profileVersion();
    }

    @EventSourcingHandler
    void on(EmploymentEndedEvent event) {
        HeldEmployment held = employments.get(event.employmentId());
        employments.put(event.employmentId(), new HeldEmployment(event.version(), held.terms(), event.endDate()));
        profileVersion = event.profileVersion();
    }

    private HeldEmployment heldEmployment(String employmentId) {
        HeldEmployment held = employments.get(employmentId);
        require(held != null, "employmentId", "is not an employment of this record");
        return held;
    }

    /** Two reports of one version must agree: the employer never issues one version twice with other content. */
    private static void requireSameAtSameVersion(HeldEmployment held, long version, boolean sameContent) {
        require(version != held.version() || sameContent, "version",
                "was already recorded with other content");
    }

    private static LocalDate day(Instant at) {
        return at.atZone(MOSCOW).toLocalDate();
    }

    /** @param endDate null while the employment lasts */
    private record HeldEmployment(long version, EmploymentTerms terms, LocalDate endDate) {
    }

    // --- licence expiry notices (rules in LicenseNoticeRules) ---

    /** Every expiry notice issued, so each goes out once however often, and by whichever replica, it is asked. */
    private final Set<IssuedLicenseNotice> issuedLicenseNotices = new HashSet<>();

    @CommandHandler
    LicenseNoticeOutcome handle(IssueLicenseNoticeCommand command) {
        LicenseNoticeRules.Decision decision = LicenseNoticeRules.decide(workerId, command, entries,
                issuedLicenseNotices);
        if (decision.event() != null) {
            apply(decision.event());
        }
        return decision.outcome();
    }

    @EventSourcingHandler
    void on(LicenseExpiringSoonEvent event) {
        issuedLicenseNotices.add(new IssuedLicenseNotice(event.entryId(), event.endDate(), event.threshold()));
    }

    @EventSourcingHandler
    void on(LicenseExpiredEvent event) {
        issuedLicenseNotices.add(new IssuedLicenseNotice(event.entryId(), event.endDate(),
                LicenseNoticeThreshold.END_DATE));
    }
}
