package ru.frmr.esia.emulator.person;

import java.time.LocalDate;
import java.util.List;

/** A test person with everything the person API can tell about them; all of it verified, as ESIA marks it. */
public record Person(long oid, String login, String lastName, String firstName, String middleName,
                     LocalDate birthDate, Gender gender, String snils, String inn, String email, String mobile,
                     Passport passport, List<OrganisationRole> roles) {

    public Person {
        roles = List.copyOf(roles);
    }
}
