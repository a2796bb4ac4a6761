package ru.frmr.kit.error;

/** The addressed resource does not exist (404). The message must not carry personal data. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
