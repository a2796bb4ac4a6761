package ru.frmr.kit.crypto;

/**
 * A token that is malformed, was altered, or belongs to another subject. Never raised for a shredded key,
 * which decrypts to empty. The message never carries the token or any plaintext.
 */
public class PersonalDataIntegrityException extends RuntimeException {

    public PersonalDataIntegrityException(String message) {
        super(message);
    }

    public PersonalDataIntegrityException(String message, Throwable cause) {
        super(message, cause);
    }
}
