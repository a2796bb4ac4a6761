package ru.frmr.registry.expiry;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import ru.frmr.registry.api.LicenseNoticeThreshold;
import ru.frmr.registry.api.RecordSection;

/**
 * One scheduled expiry notice: a licence's end date and a threshold. The id is made of exactly these, so
 * scheduling the same notice twice (a replayed event, another replica) finds the one already there.
 * Dates are ISO strings, as in {@link ScheduledLicense}.
 */
@Document(LicenseNotice.COLLECTION)
record LicenseNotice(@Id String id, String workerId, String entryId, RecordSection section, String specialtyCode,
                     String endDate, LicenseNoticeThreshold threshold, String dueOn, NoticeState state) {

    static final String COLLECTION = "license_expiry_notices";

    static String idOf(String workerId, String entryId, String endDate, LicenseNoticeThreshold threshold) {
        return workerId + "/" + entryId + "/" + endDate + "/" + threshold;
    }
}
