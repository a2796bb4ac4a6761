package ru.frmr.auth.identity;

import java.time.LocalDate;
import java.util.List;

import ru.frmr.auth.api.IdentityDocument;

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
 * @param inn              the personal ИНН (12 digits) or null
 * @param citizenship      ISO 3166-1 alpha-3 ({@code RUS}) or null
 * @param identityDocument the verified identity document or null
 */
public record IdentifiedPerson(String subject, String lastName, String firstName, String middleName,
                               LocalDate birthDate, String gender, String snils, String email, String mobile,
                               boolean trusted, List<OrganisationRole> organisations, String inn,
                               String citizenship, IdentityDocument identityDocument) {

    public IdentifiedPerson {
        organisations = organisations == null ? List.of() : List.copyOf(organisations);
    }

    /** A person from a provider that vouches for no ИНН, citizenship or identity document (OIDC). */
    public IdentifiedPerson(String subject, String lastName, String firstName, String middleName,
                            LocalDate birthDate, String gender, String snils, String email, String mobile,
                            boolean trusted, List<OrganisationRole> organisations) {
        this(subject, lastName, firstName, middleName, birthDate, gender, snils, email, mobile, trusted,
                organisations, null, null, null);
    }

    @Override
    public String toString() {
        return "IdentifiedPerson[***]";
    }
}
