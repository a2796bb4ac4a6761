package ru.frmr.portal.api;

/** The gateway could not be reached or did not answer in time: the page cannot be built now. */
public class PlatformUnavailableException extends RuntimeException {

    public PlatformUnavailableException(Throwable cause) {
        super("the platform did not answer", cause);
    }
}
