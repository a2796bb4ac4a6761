package ru.frmr.auth.login;

import java.time.Clock;
import java.time.Instant;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import ru.frmr.auth.qes.QesChallenges;
import ru.frmr.auth.secondfactor.OneTimeCodes;

/**
 * Deletes started logins, pending second factors, one-time codes, signature challenges and login handoffs past their
 * time. Every read checks expiry itself, so this only keeps the collections small.
 */
@Component
class ExpiredRecordsPurge {

    private final AuthorizationRequests started;
    private final PendingLogins pending;
    private final OneTimeCodes codes;
    private final QesChallenges challenges;
    private final LoginHandoffs handoffs;
    private final Clock clock;

    ExpiredRecordsPurge(AuthorizationRequests started, PendingLogins pending, OneTimeCodes codes,
                        QesChallenges challenges, LoginHandoffs handoffs, Clock clock) {
        this.handoffs = handoffs;
        this.started = started;
        this.pending = pending;
        this.codes = codes;
        this.challenges = challenges;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT5M")
    void purge() {
        Instant now = clock.instant();
        started.purgeExpired(now);
        pending.purgeExpired(now);
        codes.purgeExpired(now);
        challenges.purgeExpired(now);
        handoffs.purgeExpired(now);
    }
}
