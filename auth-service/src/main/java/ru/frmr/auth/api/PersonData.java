package ru.frmr.auth.api;

import java.time.LocalDate;

/**
 * A person as the identity provider described them at provisioning.
 *
 * @param gender {@code M}, {@code F} or null
 * @param snils  11 digits
 */
public record PersonData(String lastName, String firstName, String middleName, LocalDate birthDate, String gender,
                         String snils, String email, String mobile) {

    @Override
    public String toString() {
        return "PersonData[***]";
    }
}
