package ru.frmr.registry.search;

import java.util.Locale;
import java.util.Set;

/**
 * One public register search, validated on construction so that whatever builds it (the web
 * layer, a test) gets an {@link IllegalArgumentException} naming the offending parameter.
 *
 * @param q            free-text name query; blank means "no name criterion", results then sort by name
 * @param specialty    specialty code the worker holds
 * @param region       region code (two digits) of a current employer
 * @param organization organization id of a current employer
 * @param status       status of the right to practise, from the worker's certificates and accreditations on
 *                     the day of the search: {@code ACTIVE} (one is valid), {@code EXPIRED} (there are some, none
 *                     valid), {@code NONE} (none at all); combined with {@code specialty} it is the status in that
 *                     specialty. Not the login account's status: a blocked login says nothing about whether the
 *                     person may practise, and is no public register data.
 * @param page         zero-based page number
 * @param size         page size
 */
public record PublicSearchQuery(
        String q, String specialty, String region, String organization, String status, int page, int size) {

    public static final int MAX_QUERY_LENGTH = 100;
    public static final int MAX_FILTER_LENGTH = 64;
    public static final int MAX_PAGE_SIZE = 100;
    /** Deep paging costs memory proportional to page*size; beyond this, clients must narrow the query. */
    public static final int MAX_WINDOW = 10_000;
    public static final int DEFAULT_PAGE_SIZE = 20;

    public static final String ACTIVE = "ACTIVE";
    public static final String EXPIRED = "EXPIRED";
    public static final String NONE = "NONE";

    private static final Set<String> STATUSES = Set.of(ACTIVE, EXPIRED, NONE);

    public PublicSearchQuery {
        q = bounded("q", q, MAX_QUERY_LENGTH);
        specialty = bounded("specialty", specialty, MAX_FILTER_LENGTH);
        region = bounded("region", region, MAX_FILTER_LENGTH);
        organization = bounded("organization", organization, MAX_FILTER_LENGTH);
        status = bounded("status", status, MAX_FILTER_LENGTH);
        if (status != null) {
            status = status.toUpperCase(Locale.ROOT);
            if (!STATUSES.contains(status)) {
                throw new IllegalArgumentException("status must be one of ACTIVE, EXPIRED, NONE");
            }
        }
        if (page < 0) {
            throw new IllegalArgumentException("page must not be negative");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_PAGE_SIZE);
        }
        if ((long) page * size > MAX_WINDOW) {
            throw new IllegalArgumentException("page*size must not exceed " + MAX_WINDOW);
        }
    }

    /** A first page of {@link #DEFAULT_PAGE_SIZE} hits for a name, without filters. */
    public static PublicSearchQuery byName(String q) {
        return new PublicSearchQuery(q, null, null, null, null, 0, DEFAULT_PAGE_SIZE);
    }

    boolean hasName() {
        return q != null;
    }

    private static String bounded(String parameter, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > maxLength) {
            throw new IllegalArgumentException(parameter + " must be at most " + maxLength + " characters");
        }
        return trimmed;
    }
}
