package ru.frmr.registry.query;

import java.util.Locale;

/**
 * A person's name as the worker lookup compares it: {@code "иванова мария петровна"}, lower case, ё as е, single
 * spaces. Stored in {@link WorkerView#nameKey()}, so a lookup is an anchored prefix match of plain text, which
 * MongoDB answers from an ordinary index (a case-insensitive match could not use one; the embedded server has no
 * text search at all).
 */
public final class NameKey {

    private NameKey() {
    }

    /** The key of a full name; {@code middleName} may be null. */
    public static String of(String lastName, String firstName, String middleName) {
        return normalized(lastName + " " + firstName + (middleName == null ? "" : " " + middleName));
    }

    /** What a typed name becomes before it is matched against the start of keys. */
    public static String normalized(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT).replace('ё', 'е');
    }
}
