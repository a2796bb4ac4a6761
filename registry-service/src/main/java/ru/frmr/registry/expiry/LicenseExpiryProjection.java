package ru.frmr.registry.expiry;

import java.time.LocalDate;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

import ru.frmr.registry.api.AccreditationEntry;
import ru.frmr.registry.api.CertificateEntry;
import ru.frmr.registry.api.ChangeKind;
import ru.frmr.registry.api.ProfileChangeApprovedEvent;
import ru.frmr.registry.api.RecordEntry;

/**
 * Keeps the persisted schedule of licence notices in step with the approved record: a certificate or
 * accreditation approved, corrected or removed reschedules that worker's notices (see {@link ExpirySchedule}).
 * Runs in its own tracking processor, so the schedule survives restarts and one replica at a time writes it;
 * every write is idempotent, so a replay or a re-delivery changes nothing.
 */
@Component
@ProcessingGroup(LicenseExpiryProjection.PROCESSING_GROUP)
class LicenseExpiryProjection {

    static final String PROCESSING_GROUP = "license-expiry";

    private final ScheduledLicenses licenses;
    private final LicenseNotices notices;

    LicenseExpiryProjection(ScheduledLicenses licenses, LicenseNotices notices) {
        this.licenses = licenses;
        this.notices = notices;
    }

    @EventHandler
    void on(ProfileChangeApprovedEvent event, @SequenceNumber long sequence) {
        String id = ScheduledLicense.idOf(event.workerId(), event.entryId());
        String approvedOn = LocalDate.ofInstant(event.approvedAt(), ExpirySchedule.REGISTRY_ZONE).toString();
        if (event.kind() == ChangeKind.REMOVE) {
            if (!isLicenseSection(event)) {
                return;
            }
            licenses.applyIfNewer(new ScheduledLicense(id, event.workerId(), event.entryId(), event.section(), null,
                    null, approvedOn, true, sequence));
        } else {
            LicenseTerms terms = LicenseTerms.of(event.entry());
            if (terms == null) {
                return;
            }
            licenses.applyIfNewer(new ScheduledLicense(id, event.workerId(), event.entryId(), event.section(),
                    terms.specialtyCode(), terms.endDate().toString(), approvedOn, false, sequence));
        }
        notices.reconcile(event.workerId(), ExpirySchedule.noticesFor(licenses.of(event.workerId())));
    }

    private static boolean isLicenseSection(ProfileChangeApprovedEvent event) {
        return switch (event.section()) {
            case CERTIFICATES, ACCREDITATION -> true;
            default -> false;
        };
    }

    /** What the schedule needs of a licence entry; null for entries that are no licence. */
    private record LicenseTerms(String specialtyCode, LocalDate endDate) {

        static LicenseTerms of(RecordEntry entry) {
            if (entry instanceof CertificateEntry c && c.endDate() != null) {
                return new LicenseTerms(c.specialtyCode(), c.endDate());
            }
            if (entry instanceof AccreditationEntry a && a.endDate() != null) {
                return new LicenseTerms(a.specialtyCode(), a.endDate());
            }
            return null;
        }
    }
}
