package ru.frmr.infra.localstack;

/** The stack cannot come up; the message alone tells the developer what to do. */
final class StartupException extends RuntimeException {

    StartupException(String message) {
        super(message);
    }

    StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
