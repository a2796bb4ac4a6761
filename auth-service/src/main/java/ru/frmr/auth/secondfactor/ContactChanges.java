package ru.frmr.auth.secondfactor;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import ru.frmr.auth.api.CodeCheck;
import ru.frmr.auth.api.CodePurpose;
import ru.frmr.auth.api.ContactConfirmation;
import ru.frmr.auth.api.ContactReport;
import ru.frmr.auth.command.Accounts;
import ru.frmr.auth.error.AuthException;
import ru.frmr.auth.observability.AuthMetrics;
import ru.frmr.auth.query.AccountView;
import ru.frmr.auth.query.AuthQueries;
import ru.frmr.auth.token.VerifiedToken;

/**
 * New contacts reported by the identity provider, confirmed through the e-mail the account held before: the holder
 * of that address gets a notice with a code, and entering the code in the cabinet (or an administrator's word)
 * makes the new e-mail the one codes go to. Wrong codes count toward the account's lock like any other.
 */
@Service
public class ContactChanges {

    private final OneTimeCodes codes;
    private final CodeMailer mailer;
    private final Accounts accounts;
    private final AuthQueries queries;
    private final AuthMetrics metrics;

    ContactChanges(OneTimeCodes codes, CodeMailer mailer, Accounts accounts, AuthQueries queries,
                   AuthMetrics metrics) {
        this.codes = codes;
        this.mailer = mailer;
        this.accounts = accounts;
        this.queries = queries;
        this.metrics = metrics;
    }

    /**
     * A login reported new contacts, or still reports ones that wait: the held e-mail is told, with a fresh code that
     * confirms them. At every such login, so a code that expired unread, or a notice that could not be mailed, is
     * made good by the next login; within half a minute of the last one nothing more is sent.
     */
    public void announce(String accountId, ContactReport report) {
        if (report.changeId() == null || report.codeEmail() == null) {
            return;
        }
        OneTimeCodes.IssuedCode issued;
        try {
            issued = codes.issue(key(accountId), accountId, CodePurpose.CONTACT_CHANGE, report.changeId());
        } catch (AuthException tooSoon) {
            if (!"too-many-requests".equals(tooSoon.kind())) {
                throw tooSoon;
            }
            return;
        }
        mailer.sendContactChangeNotice(accountId, report.codeEmail(), issued.code());
    }

    /**
     * The person enters the code mailed to their previous e-mail.
     *
     * @param clientAddress as the web layer reads it; hashed before the account records a wrong code
     */
    public void confirm(VerifiedToken caller, String code, String clientAddress) {
        String changeId = queries.account(caller.accountId()).map(AccountView::pendingContactChangeId)
                .orElseThrow(() -> new AuthException(HttpStatus.CONFLICT,
                        "no-contact-change", "No change of contacts waits for confirmation."));
        boolean matched = codes.consume(key(caller.accountId()), code, changeId);
        CodeCheck check = accounts.verifyCode(caller.accountId(), matched, CodePurpose.CONTACT_CHANGE,
                clientAddress);
        switch (check.outcome()) {
            case ACCEPTED -> accounts.confirmContactChange(caller.accountId(), changeId,
                    ContactConfirmation.PREVIOUS_EMAIL);
            case WRONG -> throw AuthException.wrongCode(check.remaining());
            case LOCKED -> {
                if (check.justLocked()) {
                    metrics.lockout();
                }
                throw AuthException.locked(check.lockedUntil());
            }
            default -> throw AuthException.forbidden("The account may not confirm changes now.");
        }
    }

    /** A registry administrator vouches for the waiting change. */
    public void confirmByAdministrator(String accountId) {
        accounts.confirmContactChange(accountId, null, ContactConfirmation.ADMINISTRATOR);
    }

    private static String key(String accountId) {
        return "contact-change:" + accountId;
    }
}
