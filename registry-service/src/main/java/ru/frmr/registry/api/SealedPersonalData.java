package ru.frmr.registry.api;

/**
 * The worker's personal data as the registry stores it, in events and read models: each value a token of
 * {@code ru.frmr.kit.crypto.PersonalDataCipher} sealed under the worker's own data key, so that erasing the
 * key leaves none of it readable. Events stored before revision 2 of {@link WorkerRegisteredEvent} (development
 * data only) carry plain values here; readers tell the two apart by the token prefix.
 *
 * @param snils            the 11 digits, sealed
 * @param inn              null when the worker has none on record
 * @param identityDocument null when the worker has none on record
 * @param mobile           null when the worker gave none
 */
public record SealedPersonalData(String snils, String inn, SealedIdentityDocument identityDocument, String email,
                                 String mobile) {

    @Override
    public String toString() {
        return "SealedPersonalData[***]";
    }
}
