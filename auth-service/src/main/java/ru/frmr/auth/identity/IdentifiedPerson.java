package ru.frmr.auth.identity;

import java.time.LocalDate;
import java.util.List;

/**
 * A person as the identity provider vouches for them.
 *
 * @param subject       stable id at the provider; for ESIA the person's oid
 * @param gender        {@code M}, {@code F} or null
 * @param snils         11 digits
 * @param email         verified e-mail or null
 * @param mobile        verified mobile number or null
 * @param trusted       whether the provider confirmed the identity (ESIA: a confirmed account)
 * @param organisations the organisations the person acts for
 */
public record IdentifiedPerson(String subject, String lastName, String firstName, String middleName,
                               LocalDate birthDate, String gender, String snils, String email, String mobile,
                               boolean trusted, List<OrganisationRole> organisations) {

    public IdentifiedPerson {
        organisations = organisations == null ? List.of() : List.copyOf(organisations);
    }

    @Override
    public String toString() {
        return "IdentifiedPerson[***]";
    }
}
