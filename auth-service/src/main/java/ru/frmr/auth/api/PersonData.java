package ru.frmr.auth.api;

import java.time.LocalDate;

/**
 * A person as the identity provider described them at provisioning.
 *
 * @param gender           {@code M}, {@code F} or null
 * @param snils            11 digits
 * @param inn              the personal ИНН (12 digits), or null: the provider may have none; absent in events
 *                         stored before it was fetched
 * @param citizenship      ISO 3166-1 alpha-3 ({@code RUS}) or null
 * @param identityDocument the verified identity document, or null
 */
public record PersonData(String lastName, String firstName, String middleName, LocalDate birthDate, String gender,
                         String snils, String email, String mobile, String inn, String citizenship,
                         IdentityDocument identityDocument) {

    @Override
    public String toString() {
        return "PersonData[***]";
    }
}
