package ru.frmr.kit.access;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;

import ru.frmr.contracts.access.AccessedData;
import ru.frmr.contracts.access.PersonalDataAccessed;
import ru.frmr.kit.security.Roles;

/**
 * Records that someone other than the person read the person's non-public data ({@code PersonalDataAccessed} on
 * {@code frmr.access.events}). Call it after the data is loaded and before it is returned: the record is stored in
 * {@link AccessOutbox} first and a failure there fails the read, so no data leaves without its record. The
 * {@link AccessRelay} publishes the records. Records never hold the data itself.
 */
public class AccessLog {

    private final AccessOutbox outbox;
    private final String service;
    private final Clock clock;
    private final MeterRegistry meters;

    public AccessLog(AccessOutbox outbox, String service, Clock clock, MeterRegistry meters) {
        this.outbox = outbox;
        this.service = service;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * Why this caller opens one person's data: stated by an administrator, supervisor, auditor or agency
     * ({@link AccessPurpose#stated}), fixed for HR and support.
     *
     * @throws ru.frmr.kit.error.InvalidParameterException naming {@code purpose} when a purpose must be stated and
     *                                                     is missing or malformed
     */
    public String purposeOf(AccessCaller caller, HttpServletRequest request) {
        if (caller.mustStatePurpose()) {
            return AccessPurpose.stated(request);
        }
        return Roles.SUPPORT.equals(caller.role()) ? AccessPurpose.SUPPORT_ANSWER : AccessPurpose.HR_RECORDS;
    }

    /** One read of one person's data by {@code caller}. */
    public void record(AccessCaller caller, String workerId, AccessedData what, String purpose) {
        recordEach(caller, List.of(workerId), what, purpose);
    }

    /** A list that shows several people: one record per person shown (duplicates once). */
    public void recordEach(AccessCaller caller, Collection<String> workerIds, AccessedData what, String purpose) {
        var at = clock.instant();
        List<PersonalDataAccessed> records = new LinkedHashSet<>(workerIds).stream()
                .map(workerId -> new PersonalDataAccessed(UUID.randomUUID().toString(), workerId, caller.actor(), what,
                        purpose, service, at))
                .toList();
        outbox.add(records);
        meters.counter("frmr.access.recorded", "what", what.name(), "role", caller.role())
                .increment(records.size());
    }
}
