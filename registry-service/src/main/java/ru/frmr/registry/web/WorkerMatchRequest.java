package ru.frmr.registry.web;

/**
 * What an employer's HR officer knows of a person they want to link: the СНИЛС and the birth date. Both are kept as
 * the text that came, and checked by {@link WorkerMatchController}, so that no parser's or validator's message (they
 * quote the rejected value) can carry them into a log; {@link #toString()} hides both for the same reason.
 *
 * @param snils     {@code 112-233-445 95} or 11 digits
 * @param birthDate {@code YYYY-MM-DD}
 */
public record WorkerMatchRequest(String snils, String birthDate) {

    @Override
    public String toString() {
        return "WorkerMatchRequest[***]";
    }
}
