package ru.frmr.registry.expiry;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import ru.frmr.registry.api.LicenseNoticeThreshold;

/**
 * Which notices a worker's licences should have. A licence renewed by a later one of the same kind and
 * specialty has none (the record applies the same rule when asked to issue one). Notices whose day had
 * passed when the licence was approved are skipped, except the nearest: a certificate approved 20 days before
 * its end gets the 30-day notice (saying 20 days left), not the 90-day one as well. A licence that had ended
 * before it was approved gets none: it is history, not news.
 */
final class ExpirySchedule {

    /** Licence days are the registry's days: Moscow time, as the law's deadlines are. */
    static final ZoneId REGISTRY_ZONE = ZoneId.of("Europe/Moscow");

    private ExpirySchedule() {
    }

    static List<LicenseNotice> noticesFor(Collection<ScheduledLicense> licenses) {
        List<LicenseNotice> notices = new ArrayList<>();
        for (ScheduledLicense license : licenses) {
            if (renewed(license, licenses)) {
                continue;
            }
            LocalDate endDate = LocalDate.parse(license.endDate());
            LocalDate approvedOn = LocalDate.parse(license.approvedOn());
            for (LicenseNoticeThreshold threshold : LicenseNoticeThreshold.values()) {
                notices.add(new LicenseNotice(
                        LicenseNotice.idOf(license.workerId(), license.entryId(), license.endDate(), threshold),
                        license.workerId(), license.entryId(), license.section(), license.specialtyCode(),
                        license.endDate(), threshold, threshold.dueOn(endDate).toString(),
                        initialState(threshold, endDate, approvedOn)));
            }
        }
        return notices;
    }

    private static NoticeState initialState(LicenseNoticeThreshold threshold, LocalDate endDate, LocalDate approvedOn) {
        boolean endedBeforeApproval = endDate.isBefore(approvedOn);
        return endedBeforeApproval || threshold.supersededOn(endDate, approvedOn)
                ? NoticeState.SKIPPED : NoticeState.PENDING;
    }

    static boolean renewed(ScheduledLicense license, Collection<ScheduledLicense> licenses) {
        return licenses.stream().anyMatch(other -> !other.entryId().equals(license.entryId())
                && other.section() == license.section()
                && other.specialtyCode().equals(license.specialtyCode())
                && other.endDate().compareTo(license.endDate()) > 0);
    }
}
