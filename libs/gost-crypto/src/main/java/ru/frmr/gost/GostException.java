package ru.frmr.gost;

/** A GOST operation failed for a reason no caller can fix at run time (missing algorithm, bad key). */
public class GostException extends RuntimeException {

    public GostException(String message, Throwable cause) {
        super(message, cause);
    }

    public GostException(String message) {
        super(message);
    }
}
