package ru.frmr.registry.web;

/** The caller may do this, but only with a token confirmed by a recent step-up one-time code. */
class StepUpRequiredException extends RuntimeException {

    StepUpRequiredException() {
        super("Confirm this action with a one-time code first.");
    }
}
