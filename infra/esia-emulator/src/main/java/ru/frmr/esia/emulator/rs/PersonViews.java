package ru.frmr.esia.emulator.rs;

import java.time.format.DateTimeFormatter;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import ru.frmr.esia.emulator.person.OrganisationRole;
import ru.frmr.esia.emulator.person.Passport;
import ru.frmr.esia.emulator.person.Person;

/** The person API's JSON, shaped as ESIA's REST API answers. */
final class PersonViews {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    static final String VERIFIED = "VERIFIED";
    static final long EMAIL_ID = 1;
    static final long MOBILE_ID = 2;
    static final long PASSPORT_ID = 1;

    private PersonViews() {
    }

    /** Fields the token's scopes do not cover are left out, as ESIA leaves them out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PersonView(String firstName, String lastName, String middleName, String birthDate, String gender,
                      String snils, String inn, boolean trusted, String citizenship) {

        static PersonView of(Person person, AccessGrant grant) {
            boolean fullName = grant.has("fullname");
            return new PersonView(fullName ? person.firstName() : null, fullName ? person.lastName() : null,
                    fullName ? person.middleName() : null,
                    grant.has("birthdate") ? DATE.format(person.birthDate()) : null,
                    grant.has("gender") ? person.gender().name() : null,
                    grant.has("snils") ? person.snils() : null,
                    grant.has("inn") ? person.inn() : null,
                    true, "RUS");
        }
    }

    record ContactView(long id, String type, String vrfStu, String value) {

        static ContactView email(Person person) {
            return new ContactView(EMAIL_ID, "EML", VERIFIED, person.email());
        }

        static ContactView mobile(Person person) {
            return new ContactView(MOBILE_ID, "MBT", VERIFIED, person.mobile());
        }
    }

    record DocumentView(long id, String type, String vrfStu, String series, String number, String issueDate,
                        String issueId, String issuedBy) {

        static DocumentView of(Passport passport) {
            return new DocumentView(PASSPORT_ID, "RF_PASSPORT", VERIFIED, passport.series(), passport.number(),
                    DATE.format(passport.issueDate()), passport.issueId(), passport.issuedBy());
        }
    }

    record RoleView(long oid, String fullName, String ogrn, boolean chief, boolean admin, boolean active) {

        static RoleView of(OrganisationRole role) {
            return new RoleView(role.oid(), role.fullName(), role.ogrn(), role.chief(), role.admin(), role.active());
        }
    }

    /**
     * ESIA's collection: with {@code embed=(elements)} the elements themselves, otherwise links to them.
     */
    record Collection(int size, List<?> elements) {

        static Collection of(List<?> elements) {
            return new Collection(elements.size(), elements);
        }
    }
}
