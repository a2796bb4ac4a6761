package ru.frmr.auth.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import ru.frmr.auth.api.EndSessionCommand;
import ru.frmr.auth.api.OpenSessionCommand;
import ru.frmr.auth.api.RefreshTokenRotatedEvent;
import ru.frmr.auth.api.RotateRefreshTokenCommand;
import ru.frmr.auth.api.Rotation;
import ru.frmr.auth.api.SessionClaims;
import ru.frmr.auth.api.SessionEndReason;
import ru.frmr.auth.api.SessionEndedEvent;
import ru.frmr.auth.api.SessionOpenedEvent;
import ru.frmr.kit.error.BusinessRuleException;

/**
 * One login session and its refresh-token family. Rotation is a command on this aggregate, so two
 * replicas presenting the same token at once are serialised by the event store's unique index: the
 * loser is retried, finds the token already spent and ends the session as a reuse. Every refresh token
 * the session ever had is remembered (by hash), which is what detects a stolen, already-rotated one. Such a reuse is
 * the one end a session records by itself (at once, in the same serialised command); every other end is the
 * account's decision, carried here by {@code SessionEnding}.
 */
@Aggregate
class Session {

    @AggregateIdentifier
    private String sessionId;
    private String accountId;
    private SessionClaims claims;
    private String currentHash;
    private final Set<String> spentHashes = new HashSet<>();
    private Instant openedAt;
    private Instant lastSeenAt;
    private boolean ended;

    Session() {
        // for Axon: rebuilt from events
    }

    @CommandHandler
    Session(OpenSessionCommand command) {
        if (command.accountId() == null || command.claims() == null || command.claims().roles().isEmpty()) {
            throw new BusinessRuleException("claims", "a session needs an account and at least one role");
        }
        if (command.refreshHash() == null || !command.refreshHash().matches("[0-9a-f]{64}")) {
            throw new BusinessRuleException("refreshHash", "must be a SHA-256 hex digest");
        }
        apply(new SessionOpenedEvent(command.sessionId(), command.accountId(), command.method(), command.claims(),
                command.refreshHash(), command.userAgent(), command.ip(), command.at()));
    }

    @CommandHandler
    Rotation handle(RotateRefreshTokenCommand command, SessionPolicy policy) {
        if (accountId == null) {
            // The id named another kind of aggregate: a forged token.
            return Rotation.of(Rotation.Outcome.UNKNOWN);
        }
        if (ended) {
            return Rotation.of(Rotation.Outcome.ENDED);
        }
        if (spentHashes.contains(command.presentedHash())) {
            end(SessionEndReason.REFRESH_TOKEN_REUSE, command.at());
            return Rotation.of(Rotation.Outcome.REUSED);
        }
        if (!command.presentedHash().equals(currentHash)) {
            return Rotation.of(Rotation.Outcome.UNKNOWN);
        }
        if (!policy.isLive(openedAt, lastSeenAt, command.at())) {
            // Refused, not ended here: which sessions end for their time is the account's decision (the sweeper asks
            // it), so the account's count of open sessions stays exact.
            return Rotation.of(Rotation.Outcome.EXPIRED);
        }
        apply(new RefreshTokenRotatedEvent(sessionId, accountId, command.newHash(), command.at()));
        return new Rotation(Rotation.Outcome.ROTATED, accountId, claims);
    }

    @CommandHandler
    void handle(EndSessionCommand command) {
        if (accountId != null && !ended) {
            end(command.reason(), command.at());
        }
    }

    private void end(SessionEndReason reason, Instant at) {
        apply(new SessionEndedEvent(sessionId, accountId, reason, at));
    }

    @EventSourcingHandler
    void on(SessionOpenedEvent event) {
        sessionId = event.sessionId();
        accountId = event.accountId();
        claims = event.claims();
        currentHash = event.refreshHash();
        openedAt = event.at();
        lastSeenAt = event.at();
    }

    @EventSourcingHandler
    void on(RefreshTokenRotatedEvent event) {
        spentHashes.add(currentHash);
        currentHash = event.newHash();
        lastSeenAt = event.at();
    }

    @EventSourcingHandler
    void on(SessionEndedEvent event) {
        ended = true;
    }
}
