package ru.frmr.registry.api;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Creates a worker's record under the person's registry number ({@code workerId}, random, claimed for this
 * СНИЛС in the registry's private index beforehand). {@code snils} is the 11-digit form.
 * {@code mobile} ({@code +7XXXXXXXXXX}) may be null. The personal data arrive in plain text: the record checks
 * them and stores them sealed.
 *
 * @param gender           {@code M}, {@code F} or null
 * @param citizenship      ISO 3166-1 alpha-3 ({@code RUS}) or null
 * @param inn              the person's 12-digit ИНН, or null
 * @param identityDocument null when unknown
 */
public record RegisterWorkerCommand(@TargetAggregateIdentifier String workerId, String lastName, String firstName,
                                    String middleName, LocalDate birthDate, String snils, String email,
                                    String mobile, String gender, String citizenship, String inn,
                                    IdentityDocument identityDocument) {

    @Override
    public String toString() {
        return "RegisterWorkerCommand[workerId=" + workerId + "]";
    }
}
