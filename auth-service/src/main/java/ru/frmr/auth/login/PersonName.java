package ru.frmr.auth.login;

import ru.frmr.auth.identity.IdentifiedPerson;

/**
 * The ФИО of a person as the identity provider reported it at this login, for the portal to greet people who have no
 * registry record (administrators, supervisors, auditors). Personal data: {@link #toString()} hides it, and it is
 * stored only sealed.
 *
 * @param middleName null where the person has none
 */
public record PersonName(String lastName, String firstName, String middleName) {

    /** @return the person's name, or null when the provider reported neither a last nor a first name */
    static PersonName of(IdentifiedPerson person) {
        if (blank(person.lastName()) && blank(person.firstName())) {
            return null;
        }
        return new PersonName(person.lastName(), person.firstName(), person.middleName());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    @Override
    public String toString() {
        return "PersonName[***]";
    }
}
