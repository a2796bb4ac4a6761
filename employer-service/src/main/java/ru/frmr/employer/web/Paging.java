package ru.frmr.employer.web;

import java.util.List;
import java.util.regex.Pattern;

import ru.frmr.kit.error.InvalidParameterException;

/** Pages of the employer API: {@code page} from 0, {@code size} 1 to 100, answered as {items, page, size, total}. */
final class Paging {

    static final int MAX_SIZE = 100;
    /**
     * Far beyond any list here, and low enough that {@code page * size} fits the {@code int} skip the Mongo driver
     * takes (Spring Data casts the long): a larger offset wrapped around to a negative skip, which MongoDB refuses
     * (a 500).
     */
    static final int MAX_PAGE = 100_000;
    static final String DEFAULT_SIZE = "20";
    /** Organisation, worker, request and employment ids: what the path rules and the aggregates expect. */
    static final String ID_REGEX = "[A-Za-z0-9_-]{1,64}";
    static final String ID_MESSAGE = "must be 1 to 64 letters, digits, '-' or '_'";
    static final Pattern ID = Pattern.compile(ID_REGEX);

    private Paging() {
    }

    record Page<T>(List<T> items, int page, int size, long total) {
    }

    static void check(int page, int size) {
        if (page < 0 || page > MAX_PAGE) {
            throw new InvalidParameterException("page", "must be 0 to " + MAX_PAGE);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidParameterException("size", "must be 1 to " + MAX_SIZE);
        }
    }

    static void checkId(String value, String name) {
        if (value == null || !ID.matcher(value).matches()) {
            throw new InvalidParameterException(name, ID_MESSAGE);
        }
    }
}
