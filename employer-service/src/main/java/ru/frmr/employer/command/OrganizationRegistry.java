package ru.frmr.employer.command;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Service;

import ru.frmr.employer.api.CorrectMedicalOrganizationCommand;
import ru.frmr.employer.api.CorrectionResult;
import ru.frmr.employer.api.GrantHrRightCommand;
import ru.frmr.employer.api.OrganizationDetails;
import ru.frmr.employer.api.RegisterMedicalOrganizationCommand;
import ru.frmr.employer.api.RevokeHrRightCommand;
import ru.frmr.employer.query.OrganizationCard;
import ru.frmr.employer.query.OrganizationDirectory;
import ru.frmr.kit.error.ConflictException;

/**
 * The command side's entry points for medical organisations. A card is checked first, then its ОГРН claimed
 * ({@link OgrnClaims}), then the organisation's event stored; a rejected card leaves nothing, and a command that
 * fails after the claim gives the claim back. A claim held by an organisation that does not exist (a crash before its
 * event) or no longer has that ОГРН (a crash in the middle of a correction) is stale and taken over.
 */
@Service
public class OrganizationRegistry {

    private static final String TAKEN = "another medical organisation has this ОГРН";
    /** Far beyond how long a command takes; a claim this young may belong to a registration still under way. */
    private static final Duration IN_FLIGHT = Duration.ofMinutes(1);

    private final CommandGateway commands;
    private final EventStore eventStore;
    private final OgrnClaims claims;
    private final OrganizationDirectory directory;
    private final Clock clock;

    OrganizationRegistry(CommandGateway commands, EventStore eventStore, OgrnClaims claims,
                         OrganizationDirectory directory, Clock clock) {
        this.commands = commands;
        this.eventStore = eventStore;
        this.claims = claims;
        this.directory = directory;
        this.clock = clock;
    }

    /** A new random organisation id (a random UUID), for an organisation an administrator adds. */
    public static String newOrganizationId() {
        return UUID.randomUUID().toString();
    }

    /**
     * @return the card as registered (normalised)
     * @throws ConflictException when the id or the ОГРН is taken
     */
    public OrganizationDetails register(String organizationId, OrganizationDetails details, String registeredBy) {
        OrganizationDetails card = checked(details);
        if (exists(organizationId)) {
            throw new ConflictException("organizationId", "a medical organisation with this id exists");
        }
        claim(card.ogrn(), organizationId);
        try {
            commands.sendAndWait(new RegisterMedicalOrganizationCommand(organizationId, card, registeredBy,
                    clock.instant()));
        } catch (AggregateStreamCreationException | ConcurrencyException e) {
            // Another registration of the same id won; the claim stays with that id, which now exists.
            throw new ConflictException("organizationId", "a medical organisation with this id exists");
        } catch (RuntimeException e) {
            claims.release(card.ogrn(), organizationId);
            throw e;
        }
        return card;
    }

    /**
     * @return the card after the correction (the same version when it changed nothing)
     * @throws ConflictException when the version is stale or the new ОГРН is another organisation's
     */
    public OrganizationCard correct(String organizationId, OrganizationDetails details, long expectedVersion,
                        String correctedBy) {
        OrganizationDetails card = checked(details);
        // Claimed before the card changes, so no other organisation can take the ОГРН in between; the previous one
        // is given back after, as the aggregate (not the read model, which may lag) names it.
        boolean newClaim = !claims.holder(card.ogrn()).map(organizationId::equals).orElse(false);
        if (newClaim) {
            claim(card.ogrn(), organizationId);
        }
        CorrectionResult result;
        try {
            result = commands.sendAndWait(new CorrectMedicalOrganizationCommand(organizationId, card,
                    expectedVersion, correctedBy, clock.instant()));
        } catch (RuntimeException e) {
            if (newClaim) {
                claims.release(card.ogrn(), organizationId);
            }
            throw e;
        }
        if (!result.previousOgrn().equals(card.ogrn())) {
            claims.release(result.previousOgrn(), organizationId);
        }
        return new OrganizationCard(organizationId, card.name(), card.ogrn(), card.inn(), card.kpp(), card.frmoId(),
                card.regionCode(), card.address(), result.version());
    }

    /** Idempotent: a held right is not granted twice. Straight to the aggregate (unknown id: 404). */
    public void grantHrRight(String organizationId, String accountId, String chiefAccountId) {
        commands.sendAndWait(new GrantHrRightCommand(organizationId, accountId, chiefAccountId, clock.instant()));
    }

    /** Idempotent: revoking a right nobody holds records nothing. */
    public void revokeHrRight(String organizationId, String accountId, String chiefAccountId) {
        commands.sendAndWait(new RevokeHrRightCommand(organizationId, accountId, chiefAccountId, clock.instant()));
    }

    public boolean exists(String organizationId) {
        return eventStore.lastSequenceNumberFor(organizationId).isPresent();
    }

    private static OrganizationDetails checked(OrganizationDetails details) {
        OrganizationDetails card = OrganizationRules.normalized(details);
        OrganizationRules.check(card);
        return card;
    }

    private void claim(String ogrn, String organizationId) {
        Optional<OgrnClaims.Claim> held = claims.claim(ogrn, organizationId);
        while (held.isPresent()) {
            OgrnClaims.Claim other = held.get();
            if (!stale(other)) {
                throw new ConflictException("ogrn", TAKEN);
            }
            if (claims.takeOver(ogrn, other.organizationId(), organizationId)) {
                return;
            }
            held = claims.claim(ogrn, organizationId);
        }
    }

    /**
     * The holder does not exist, or its card (as the read model knows it) has another ОГРН. A claim younger than
     * {@link #IN_FLIGHT} is never stale: its registration or correction may still be on its way.
     */
    private boolean stale(OgrnClaims.Claim claim) {
        if (claim.claimedAt().isAfter(clock.instant().minus(IN_FLIGHT))) {
            return false;
        }
        if (!exists(claim.organizationId())) {
            return true;
        }
        return directory.find(claim.organizationId()).map(card -> !card.ogrn().equals(claim.ogrn())).orElse(false);
    }
}
