package ru.frmr.registry.command;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import ru.frmr.kit.error.BusinessRuleException;
import ru.frmr.registry.api.AccreditationEntry;
import ru.frmr.registry.api.CertificateEntry;
import ru.frmr.registry.api.IssueLicenseNoticeCommand;
import ru.frmr.registry.api.LicenseExpiredEvent;
import ru.frmr.registry.api.LicenseExpiringSoonEvent;
import ru.frmr.registry.api.LicenseNoticeOutcome;
import ru.frmr.registry.api.LicenseNoticeThreshold;
import ru.frmr.registry.api.RecordEntry;
import ru.frmr.registry.api.RecordSection;

/**
 * Whether a licence's expiry notice goes out. The record decides, not the scheduler: whatever a sweeper
 * believes (a stale schedule, a second replica, a retry after a crash), a notice is issued only while the
 * entry is an approved licence with that end date, the notice is due, it has not been issued, no nearer
 * notice has, and the worker has not renewed the licence.
 */
final class LicenseNoticeRules {

    private LicenseNoticeRules() {
    }

    /** The outcome and, only for {@link LicenseNoticeOutcome#ISSUED}, the event to apply. */
    record Decision(LicenseNoticeOutcome outcome, Object event) {

        private static Decision not(LicenseNoticeOutcome outcome) {
            return new Decision(outcome, null);
        }
    }

    static Decision decide(String workerId, IssueLicenseNoticeCommand command, Map<String, RecordEntry> entries,
                           Set<IssuedLicenseNotice> issued) {
        required(command.entryId(), "entryId");
        required(command.threshold(), "threshold");
        required(command.endDate(), "endDate");
        required(command.today(), "today");
        LicenseNoticeThreshold threshold = command.threshold();
        LocalDate endDate = command.endDate();
        if (issued.contains(new IssuedLicenseNotice(command.entryId(), endDate, threshold))) {
            return Decision.not(LicenseNoticeOutcome.ALREADY_ISSUED);
        }
        Optional<Licence> licence = Licence.of(entries.get(command.entryId()))
                .filter(l -> l.endDate().equals(endDate));
        if (licence.isEmpty()) {
            return Decision.not(LicenseNoticeOutcome.NOT_IN_RECORD);
        }
        if (command.today().isBefore(threshold.dueOn(endDate))) {
            return Decision.not(LicenseNoticeOutcome.NOT_DUE);
        }
        if (renewed(command.entryId(), licence.get(), entries)) {
            return Decision.not(LicenseNoticeOutcome.RENEWED);
        }
        boolean nearerIssued = issued.stream().anyMatch(n -> n.entryId().equals(command.entryId())
                && n.endDate().equals(endDate) && n.threshold().daysBefore() < threshold.daysBefore());
        if (nearerIssued || threshold.supersededOn(endDate, command.today())) {
            return Decision.not(LicenseNoticeOutcome.SUPERSEDED);
        }
        Licence l = licence.get();
        Object event = threshold == LicenseNoticeThreshold.END_DATE
                ? new LicenseExpiredEvent(workerId, command.entryId(), l.section(), l.specialtyCode(), endDate)
                : new LicenseExpiringSoonEvent(workerId, command.entryId(), l.section(), l.specialtyCode(), endDate,
                        threshold, (int) ChronoUnit.DAYS.between(command.today(), endDate));
        return new Decision(LicenseNoticeOutcome.ISSUED, event);
    }

    /** Renewed: another approved licence of the same kind and specialty ends later. */
    private static boolean renewed(String entryId, Licence licence, Map<String, RecordEntry> entries) {
        return entries.entrySet().stream()
                .filter(e -> !e.getKey().equals(entryId))
                .flatMap(e -> Licence.of(e.getValue()).stream())
                .anyMatch(other -> other.section() == licence.section()
                        && other.specialtyCode().equals(licence.specialtyCode())
                        && other.endDate().isAfter(licence.endDate()));
    }

    private static void required(Object value, String field) {
        if (value == null) {
            throw new BusinessRuleException(field, "is required");
        }
    }

    /** The part of an entry that makes it a licence; other entries are none. */
    private record Licence(RecordSection section, String specialtyCode, LocalDate endDate) {

        static Optional<Licence> of(RecordEntry entry) {
            if (entry instanceof CertificateEntry c && c.endDate() != null) {
                return Optional.of(new Licence(RecordSection.CERTIFICATES, c.specialtyCode(), c.endDate()));
            }
            if (entry instanceof AccreditationEntry a && a.endDate() != null) {
                return Optional.of(new Licence(RecordSection.ACCREDITATION, a.specialtyCode(), a.endDate()));
            }
            return Optional.empty();
        }
    }
}
