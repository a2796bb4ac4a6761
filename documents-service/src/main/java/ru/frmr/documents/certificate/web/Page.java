package ru.frmr.documents.certificate.web;

import java.util.List;

import ru.frmr.kit.error.InvalidParameterException;

/** A page of a list: {@code page} from 0, {@code size} 1 to 100. */
record Page<T>(List<T> items, int page, int size, long total) {

    static final int MAX_SIZE = 100;
    /** Keeps {@code page * size} within the int skip the Mongo driver takes. */
    static final int MAX_PAGE = 100_000;

    static void check(int page, int size) {
        if (page < 0 || page > MAX_PAGE) {
            throw new InvalidParameterException("page", "must be 0 to " + MAX_PAGE);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidParameterException("size", "must be 1 to " + MAX_SIZE);
        }
    }
}
