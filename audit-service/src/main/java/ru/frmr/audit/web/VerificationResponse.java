package ru.frmr.audit.web;

import ru.frmr.audit.ledger.Verification;

/** {@code firstBrokenSequence} and {@code reason} are written as {@code null} when intact, never left out. */
record VerificationResponse(boolean intact, long entries, Long firstBrokenSequence, String reason) {

    static VerificationResponse of(Verification v) {
        return new VerificationResponse(v.intact(), v.entries(), v.firstBrokenSequence(),
                v.reason() == null ? null : v.reason().label());
    }
}
