package ru.frmr.registry.query;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

import ru.frmr.registry.api.AccountStatusRecordedEvent;
import ru.frmr.registry.api.AccreditationEntry;
import ru.frmr.registry.api.AdditionalEducationEntry;
import ru.frmr.registry.api.AdditionalEducationKind;
import ru.frmr.registry.api.CertificateEntry;
import ru.frmr.registry.api.ChangeKind;
import ru.frmr.registry.api.EducationEntry;
import ru.frmr.registry.api.EmploymentContractKind;
import ru.frmr.registry.api.EmploymentCorrectedEvent;
import ru.frmr.registry.api.EmploymentEndedEvent;
import ru.frmr.registry.api.EmploymentRecordedEvent;
import ru.frmr.registry.api.EmploymentTerms;
import ru.frmr.registry.api.PersonalDataErasedEvent;
import ru.frmr.registry.api.PostgraduateEducationEntry;
import ru.frmr.registry.api.ProfileChangeApprovedEvent;
import ru.frmr.registry.api.QualificationCategoryEntry;
import ru.frmr.registry.api.RecordEntry;
import ru.frmr.registry.api.RecordSection;
import ru.frmr.registry.api.WorkerRegisteredEvent;
import ru.frmr.registry.reference.EmploymentDictionaries;
import ru.frmr.registry.reference.ReferenceDictionaries;
import ru.frmr.registry.search.PublicRegisterIndex;
import ru.frmr.registry.search.PublicWorkerDocument;

/**
 * Feeds the public register's search index from the record's events: names, approved entries and current
 * employers only, so pending changes and personal data never reach it. Each instance owns its index and tracks the event
 * store with an in-memory token, so it rebuilds the index from the events when it starts.
 *
 * <p>The register lists medical workers, not everyone who logged in: a person is in the index only while the record
 * holds at least one approved education or licence ({@link RecordSection#admitsToPublicRegister()}), the login
 * account is not blocked, and the personal data were not erased. Every event recomputes that and adds or removes
 * the person, so applying an event twice leaves the index as applying it once.
 */
@Component
@ProcessingGroup(PublicRegisterProjection.PROCESSING_GROUP)
public class PublicRegisterProjection {

    public static final String PROCESSING_GROUP = "public-register";

    private final PublicRegisterIndex index;
    private final ReferenceDictionaries dictionaries;
    private final Clock clock;
    private final Map<String, WorkerState> workers = new ConcurrentHashMap<>();

    PublicRegisterProjection(PublicRegisterIndex index, ReferenceDictionaries dictionaries, Clock clock) {
        this.index = index;
        this.dictionaries = dictionaries;
        this.clock = clock;
        // The token starts from scratch with every instance: so does the index.
        index.clear();
    }

    @EventHandler
    void on(WorkerRegisteredEvent event) {
        WorkerState state = new WorkerState(event.lastName(), event.firstName(), event.middleName());
        workers.put(event.workerId(), state);
        show(event.workerId(), state);
    }

    @EventHandler
    void on(AccountStatusRecordedEvent event) {
        WorkerState state = workers.get(event.workerId());
        if (state != null) {
            state.accountBlocked = event.blocked();
            show(event.workerId(), state);
        }
    }

    @EventHandler
    void on(PersonalDataErasedEvent event) {
        WorkerState state = workers.get(event.workerId());
        if (state != null) {
            state.erased = true;
            show(event.workerId(), state);
        }
    }

    @EventHandler
    void on(ProfileChangeApprovedEvent event) {
        WorkerState state = workers.get(event.workerId());
        if (state == null) {
            return;
        }
        if (event.kind() == ChangeKind.REMOVE) {
            state.entries.remove(event.entryId());
        } else {
            state.entries.put(event.entryId(), event.entry());
        }
        show(event.workerId(), state);
    }

    @EventHandler
    void on(EmploymentRecordedEvent event, EmploymentDictionaries dictionaries) {
        employmentChanged(event.workerId(), event.employmentId(), event.terms(), dictionaries);
    }

    @EventHandler
    void on(EmploymentCorrectedEvent event, EmploymentDictionaries dictionaries) {
        employmentChanged(event.workerId(), event.employmentId(), event.terms(), dictionaries);
    }

    @EventHandler
    void on(EmploymentEndedEvent event) {
        WorkerState state = workers.get(event.workerId());
        if (state == null) {
            return;
        }
        state.ended.add(event.employmentId());
        if (state.employments.remove(event.employmentId()) != null) {
            show(event.workerId(), state);
        }
    }

    /** The employment as the public register shows it: where, in which position, since when. */
    private void employmentChanged(String workerId, String employmentId, EmploymentTerms terms,
                                   EmploymentDictionaries dictionaries) {
        WorkerState state = workers.get(workerId);
        if (state == null || state.ended.contains(employmentId)) {
            return; // the public register shows current employers only; a corrected past one stays past
        }
        state.employments.put(employmentId, new CurrentEmployment(employmentId, terms.contractKind(),
                new PublicWorkerDocument.Employer(terms.organizationId(), terms.organizationName(),
                        terms.positionCode(), dictionaries.positionName(terms.positionCode()).orElse(null),
                        terms.regionCode(), terms.startDate())));
        show(workerId, state);
    }

    /** The person as the register shows them now, or out of the index when the register must not list them. */
    private void show(String workerId, WorkerState state) {
        if (state.listed()) {
            index.upsert(document(workerId, state));
        } else {
            index.delete(workerId);
        }
    }

    @ResetHandler
    void reset() {
        workers.clear();
        index.clear();
    }

    private PublicWorkerDocument document(String workerId, WorkerState state) {
        LocalDate today = LocalDate.now(clock);
        Set<String> specialtyCodes = new LinkedHashSet<>();
        List<PublicWorkerDocument.License> licenses = new ArrayList<>();
        for (RecordEntry entry : state.entries.values()) {
            if (entry instanceof CertificateEntry c) {
                specialtyCodes.add(c.specialtyCode());
                licenses.add(license(PublicWorkerDocument.LicenseKind.CERTIFICATE, c.specialtyCode(), c.endDate(), today));
            } else if (entry instanceof AccreditationEntry a) {
                specialtyCodes.add(a.specialtyCode());
                licenses.add(license(PublicWorkerDocument.LicenseKind.ACCREDITATION, a.specialtyCode(), a.endDate(),
                        today));
            } else if (entry instanceof EducationEntry e && e.specialtyCode() != null) {
                specialtyCodes.add(e.specialtyCode());
            } else if (entry instanceof QualificationCategoryEntry q && q.specialtyCode() != null) {
                specialtyCodes.add(q.specialtyCode());
            } else if (entry instanceof PostgraduateEducationEntry p && p.specialtyCode() != null) {
                specialtyCodes.add(p.specialtyCode());
            } else if (entry instanceof AdditionalEducationEntry a
                    && a.kind() == AdditionalEducationKind.PROFESSIONAL_RETRAINING) {
                // Retraining qualifies for a specialty; a повышение квалификации course only refreshes one.
                specialtyCodes.add(a.specialtyCode());
            }
        }
        List<PublicWorkerDocument.Specialty> specialties = specialtyCodes.stream()
                .map(code -> new PublicWorkerDocument.Specialty(code, dictionaries.specialtyName(code).orElse(null)))
                .toList();
        return new PublicWorkerDocument(workerId, state.lastName, state.firstName, state.middleName, specialties,
                licenses, null, null, state.currentEmployers());
    }

    private static PublicWorkerDocument.License license(PublicWorkerDocument.LicenseKind kind, String specialty,
                                                        LocalDate endDate, LocalDate today) {
        PublicWorkerDocument.LicenseStatus status = endDate != null && endDate.isBefore(today)
                ? PublicWorkerDocument.LicenseStatus.EXPIRED : PublicWorkerDocument.LicenseStatus.ACTIVE;
        return new PublicWorkerDocument.License(kind, specialty, status, endDate);
    }

    /** What the public register needs of one worker between events. */
    private static final class WorkerState {
        private final String lastName;
        private final String firstName;
        private final String middleName;
        private final Map<String, RecordEntry> entries = new LinkedHashMap<>();
        /** Employments not ended, by employment id. */
        private final Map<String, CurrentEmployment> employments = new LinkedHashMap<>();
        /** Employments that ended: a correction of one must not bring it back. */
        private final Set<String> ended = new HashSet<>();
        private boolean accountBlocked;
        private boolean erased;

        private WorkerState(String lastName, String firstName, String middleName) {
            this.lastName = lastName;
            this.firstName = firstName;
            this.middleName = middleName;
        }

        private boolean listed() {
            return !erased && !accountBlocked && entries.values().stream()
                    .map(RecordEntry::section).anyMatch(RecordSection::admitsToPublicRegister);
        }

        /** The main job first, then the longest held; the employment id settles the rest. */
        private List<PublicWorkerDocument.Employer> currentEmployers() {
            return employments.values().stream()
                    .sorted(Comparator.comparing((CurrentEmployment e) -> e.kind() != EmploymentContractKind.MAIN)
                            .thenComparing(e -> e.employer().since())
                            .thenComparing(CurrentEmployment::employmentId))
                    .map(CurrentEmployment::employer)
                    .toList();
        }
    }

    private record CurrentEmployment(String employmentId, EmploymentContractKind kind,
                                     PublicWorkerDocument.Employer employer) {
    }
}
