package ru.frmr.notification.support.web;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import ru.frmr.contracts.notification.NotificationChannel;
import ru.frmr.contracts.notification.SupportTopic;
import ru.frmr.kit.error.InvalidParameterException;
import ru.frmr.kit.error.NotFoundException;

/**
 * The checks of what a person sends, made before a ticket number is drawn: a refused filing uses none. Each names
 * the field and never echoes the value.
 */
final class FilingInput {

    static final int TEXT_MIN = 10;
    static final int TEXT_MAX = 4000;
    static final int ANSWER_MIN = 2;
    static final int MAX_DOCUMENTS = 10;
    static final int EMAIL_MAX = 254;
    /** A pragmatic address check (local@domain.tld): what a mail server would try to deliver to. */
    private static final Pattern EMAIL = Pattern.compile(
            "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.[A-Za-z]{2,63}$");
    private static final Pattern UUID = Pattern.compile("^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$");

    private FilingInput() {
    }

    static SupportTopic topic(String value) {
        try {
            if (value != null) {
                return SupportTopic.valueOf(value);
            }
        } catch (IllegalArgumentException unknown) {
            // Reported below, like a missing one.
        }
        throw new InvalidParameterException("topic", "must be one of " + Arrays.toString(SupportTopic.values()));
    }

    static String text(String value, int min) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.length() < min || stripped.length() > TEXT_MAX) {
            throw new InvalidParameterException("text", "must be " + min + " to " + TEXT_MAX + " characters");
        }
        return stripped;
    }

    /** EMAIL or INBOX (the cabinet); without logging in only EMAIL, which is also the default then. */
    static NotificationChannel answerChannel(String value, boolean signedIn) {
        if (!signedIn && value == null) {
            return NotificationChannel.EMAIL;
        }
        if ("EMAIL".equals(value)) {
            return NotificationChannel.EMAIL;
        }
        if ("INBOX".equals(value) && signedIn) {
            return NotificationChannel.INBOX;
        }
        throw new InvalidParameterException("answerChannel", signedIn ? "must be EMAIL or INBOX"
                : "must be EMAIL: without logging in the answer goes to the e-mail address given");
    }

    static String email(String value) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.length() > EMAIL_MAX || !EMAIL.matcher(stripped).matches()) {
            throw new InvalidParameterException("email", "must be an e-mail address like name@example.ru");
        }
        return stripped;
    }

    /**
     * The documents the portal will attach (documents-service attaches them, and this service lists what arrives):
     * checked for shape only.
     */
    static void documentIds(List<String> values) {
        if (values == null) {
            return;
        }
        if (values.size() > MAX_DOCUMENTS) {
            throw new InvalidParameterException("documentIds", "at most " + MAX_DOCUMENTS + " documents");
        }
        for (String id : values) {
            if (id == null || !UUID.matcher(id).matches()) {
                throw new InvalidParameterException("documentIds", "must be document ids (UUIDs)");
            }
        }
    }

    /** An id that cannot be a request's is as unknown as any other. */
    static String requestId(String value) {
        if (value == null || !UUID.matcher(value).matches()) {
            throw new NotFoundException("No such request.");
        }
        return value;
    }
}
