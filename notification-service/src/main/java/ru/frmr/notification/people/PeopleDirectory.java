package ru.frmr.notification.people;

import java.util.Optional;
import java.util.Set;

/** Who is who, as the routing of notices asks it: accounts of workers, HR of organisations, names. */
public interface PeopleDirectory {

    Optional<String> accountOfWorker(String workerId);

    boolean isWorkerErased(String workerId);

    /** The accounts holding the HR right of the organisation now. */
    Set<String> hrAccountsOf(String organizationId);

    Optional<SealedAddressBook.Organization> organization(String organizationId);

    /** «Мария Петровна», how the account's person is addressed, when known. */
    Optional<String> nameOf(String accountId);
}
