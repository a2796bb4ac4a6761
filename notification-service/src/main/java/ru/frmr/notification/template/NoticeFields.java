package ru.frmr.notification.template;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import ru.frmr.notification.notice.NoticeKind;

/**
 * The fields each kind's templates may use, with the longest display value each may have: a longer value is cut
 * there when rendered, so the SMS parts computed at start with every field at its maximum hold for every notice.
 * {@value #GREETING} is every kind's: the salutation the router adds («Здравствуйте, Мария Петровна!»).
 */
public final class NoticeFields {

    public static final String GREETING = "greeting";

    private static final int ORGANIZATION = 200;
    private static final int DATE = 10;
    private static final int MOMENT = 30;

    private final Map<NoticeKind, Map<String, Integer>> declared = new EnumMap<>(NoticeKind.class);

    private NoticeFields() {
    }

    public static NoticeFields standard() {
        NoticeFields f = new NoticeFields();
        f.declare(NoticeKind.LICENSE_EXPIRING, "licenceKind", 40, "specialty", 120, "endDate", DATE, "daysLeft", 4);
        f.declare(NoticeKind.LICENSE_EXPIRED, "licenceKind", 40, "specialty", 120, "endDate", DATE);
        f.declare(NoticeKind.CHANGE_APPROVED, "section", 60);
        f.declare(NoticeKind.CHANGE_REJECTED, "section", 60, "reason", 1000);
        f.declare(NoticeKind.ACCOUNT_LOCKED, "lockedUntil", MOMENT);
        f.declare(NoticeKind.ACCOUNT_UNLOCKED, "at", MOMENT);
        f.declare(NoticeKind.ACCOUNT_BLOCKED, "at", MOMENT);
        f.declare(NoticeKind.ACCOUNT_UNBLOCKED, "at", MOMENT);
        f.declare(NoticeKind.ACCOUNT_ACTIVATED, "at", MOMENT);
        f.declare(NoticeKind.NEW_DEVICE_LOGIN, "device", 60, "at", MOMENT);
        f.declare(NoticeKind.CONTACTS_CHANGED, "changed", 60, "at", MOMENT);
        f.declare(NoticeKind.LINK_REQUESTED, "organization", ORGANIZATION);
        f.declare(NoticeKind.LINK_ANSWERED, "organization", ORGANIZATION, "outcome", 60);
        f.declare(NoticeKind.DISCREPANCY_RAISED, "organization", ORGANIZATION, "field", 60, "dueDate", DATE);
        f.declare(NoticeKind.DISCREPANCY_ANSWERED, "organization", ORGANIZATION, "outcome", 60);
        f.declare(NoticeKind.DISCREPANCY_OVERDUE, "organization", ORGANIZATION, "dueDate", DATE);
        f.declare(NoticeKind.CERTIFICATE_READY, "certificateType", 60, "number", 40);
        f.declare(NoticeKind.CERTIFICATE_SENT, "number", 40, "channel", 40, "trackingNumber", 40);
        f.declare(NoticeKind.CERTIFICATE_REFUSED, "certificateType", 60, "reason", 1000);
        f.declare(NoticeKind.SUPPORT_REQUEST_RECEIVED, "ticketNumber", 20);
        f.declare(NoticeKind.SUPPORT_ANSWERED, "ticketNumber", 20, "answer", 2000);
        f.declare(NoticeKind.SECURITY_ALERT, "rule", 80, "subject", 80, "count", 12, "threshold", 12,
                "windowStart", MOMENT, "windowEnd", MOMENT);
        return f;
    }

    private void declare(NoticeKind kind, Object... namesAndLengths) {
        Map<String, Integer> fields = new LinkedHashMap<>();
        fields.put(GREETING, 80);
        for (int i = 0; i < namesAndLengths.length; i += 2) {
            fields.put((String) namesAndLengths[i], (Integer) namesAndLengths[i + 1]);
        }
        declared.put(kind, Map.copyOf(fields));
    }

    /** The kind's fields and their maximum lengths (UTF-16 units, as an SMS counts them). */
    public Map<String, Integer> of(NoticeKind kind) {
        return declared.getOrDefault(kind, Map.of(GREETING, 80));
    }
}
