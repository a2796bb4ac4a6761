package ru.frmr.auth.api;

/**
 * The account's answer to the contacts a login reported.
 *
 * @param codeEmail       where one-time codes go: the e-mail the account holds (plain; never stored), null when it
 *                        holds none
 * @param changeId        the contact change waiting for confirmation (started now or before), null when none waits
 */
public record ContactReport(String codeEmail, String changeId) {

    @Override
    public String toString() {
        return "ContactReport[changeId=" + changeId + "]";
    }
}
