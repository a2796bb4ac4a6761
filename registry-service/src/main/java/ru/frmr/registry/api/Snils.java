package ru.frmr.registry.api;

import java.util.Optional;

/**
 * СНИЛС, the insurance account number: 9 digits and a 2-digit checksum. Shown as {@code 112-233-445 95}.
 * {@link #toString()} is masked so that a stray log statement cannot leak it.
 */
public final class Snils {

    /** Numbers up to this one were issued before checksums were introduced and are not checked. */
    private static final long LAST_UNCHECKED = 1_001_998L;

    private final String digits;

    private Snils(String digits) {
        this.digits = digits;
    }

    /** Parses {@code 112-233-445 95} or {@code 11223344595}; empty when the form or checksum is wrong. */
    public static Optional<Snils> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.strip();
        if (!trimmed.matches("\\d{3}-\\d{3}-\\d{3}[ -]\\d{2}|\\d{11}")) {
            return Optional.empty();
        }
        String digits = trimmed.replaceAll("\\D", "");
        return checksumMatches(digits) ? Optional.of(new Snils(digits)) : Optional.empty();
    }

    public static boolean isValid(String text) {
        return parse(text).isPresent();
    }

    static boolean checksumMatches(String digits) {
        long number = Long.parseLong(digits.substring(0, 9));
        int given = Integer.parseInt(digits.substring(9));
        if (number <= LAST_UNCHECKED) {
            return true;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (9 - i);
        }
        int expected = sum < 100 ? sum : (sum % 101) % 100;
        return expected == given;
    }

    /** The 11 digits, for storage and hashing. */
    public String digits() {
        return digits;
    }

    /** {@code 112-233-445 95}. */
    public String formatted() {
        return digits.substring(0, 3) + "-" + digits.substring(3, 6) + "-" + digits.substring(6, 9) + " "
                + digits.substring(9);
    }

    /** {@code ***-***-445 95}: enough for a person to recognise their own number, not enough to use it. */
    public String masked() {
        return "***-***-" + digits.substring(6, 9) + " " + digits.substring(9);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Snils other && other.digits.equals(digits);
    }

    @Override
    public int hashCode() {
        return digits.hashCode();
    }

    @Override
    public String toString() {
        return "Snils[***]";
    }
}
