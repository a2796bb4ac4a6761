package ru.frmr.contracts.auth;

import java.time.Instant;
import java.time.LocalDate;

import ru.frmr.contracts.IntegrationEvent;

/**
 * Internal: a person logged in for the first time and got an account; the registry creates their
 * record from these ESIA data. Carries personal data, so it is never a public contract and never
 * leaves {@code frmr.auth.events}; the audit ledger keeps only its digest.
 *
 * @param medicalWorker    the person logs in as a medical worker, so the registry keeps a record of them (and
 *                         answers with {@code WorkerAccountLinked}); false for e.g. a supervisor
 * @param snils            11 digits
 * @param inn              the personal ИНН, 12 digits, or null when ESIA has none
 * @param citizenship      ISO 3166-1 alpha-3 ({@code RUS}) or null
 * @param identityDocument the person's verified identity document, or null when ESIA gave none
 */
public record AccountProvisioned(String accountId, boolean medicalWorker, String esiaOid, String lastName,
                                 String firstName, String middleName, LocalDate birthDate, String gender,
                                 String snils, String email, String mobile, Instant provisionedAt, String inn,
                                 String citizenship, IdentityDocument identityDocument)
        implements IntegrationEvent {

    @Override
    public String subject() {
        return accountId;
    }

    @Override
    public String toString() {
        return "AccountProvisioned[accountId=" + accountId + "]";
    }
}
