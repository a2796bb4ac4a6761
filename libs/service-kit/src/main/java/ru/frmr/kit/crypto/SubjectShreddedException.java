package ru.frmr.kit.crypto;

/** Encrypting for a subject whose data key was shredded; see {@link PersonalDataCipher#reinstate(String)}. */
public class SubjectShreddedException extends IllegalStateException {

    public SubjectShreddedException(String subjectId) {
        super("The personal data key of subject " + subjectId + " was shredded; reinstate the subject first");
    }
}
