package ru.frmr.portal.api;

/** A sensitive change needs a fresh one-time code first (no step-up token, or the service found it too old). */
public class StepUpRequiredException extends RuntimeException {

    public StepUpRequiredException() {
        super("a fresh step-up is required");
    }
}
