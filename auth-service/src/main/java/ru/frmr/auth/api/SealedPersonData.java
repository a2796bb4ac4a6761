package ru.frmr.auth.api;

import java.time.LocalDate;

/**
 * {@link PersonData} as auth-service stores it: СНИЛС, e-mail, mobile, ИНН and the identity document's fields
 * are personal data tokens sealed under the person's own key ({@code PersonalDataVault}); names, birth date,
 * gender and citizenship stay plain, as in the registry. Field names are those of {@link PersonData}, so a
 * revision-1 event's plain values read into this shape unchanged.
 */
public record SealedPersonData(String lastName, String firstName, String middleName, LocalDate birthDate,
                               String gender, String snils, String email, String mobile, String inn,
                               String citizenship, SealedIdentityDocument identityDocument) {

    @Override
    public String toString() {
        return "SealedPersonData[***]";
    }
}
