package ru.frmr.registry.api;

import java.util.Optional;

/**
 * A person's ИНН, the taxpayer number: 10 digits and two check digits (a 10-digit ИНН belongs to an
 * organisation, never to a person). {@link #toString()} is masked so that a stray log statement cannot leak it.
 */
public final class Inn {

    private static final int[] FIRST_CHECK_WEIGHTS = {7, 2, 4, 10, 3, 5, 9, 4, 6, 8};
    private static final int[] SECOND_CHECK_WEIGHTS = {3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8};

    private final String digits;

    private Inn(String digits) {
        this.digits = digits;
    }

    /** Parses the 12 digits of a person's ИНН; empty when the form or either check digit is wrong. */
    public static Optional<Inn> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String digits = text.strip();
        if (!digits.matches("\\d{12}")) {
            return Optional.empty();
        }
        return checkDigit(digits, FIRST_CHECK_WEIGHTS) == digits.charAt(10) - '0'
                && checkDigit(digits, SECOND_CHECK_WEIGHTS) == digits.charAt(11) - '0'
                ? Optional.of(new Inn(digits)) : Optional.empty();
    }

    public static boolean isValid(String text) {
        return parse(text).isPresent();
    }

    /** The weighted sum of the digits before the check digit, modulo 11, modulo 10. */
    private static int checkDigit(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        return sum % 11 % 10;
    }

    public String digits() {
        return digits;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Inn other && other.digits.equals(digits);
    }

    @Override
    public int hashCode() {
        return digits.hashCode();
    }

    @Override
    public String toString() {
        return "Inn[***]";
    }
}
