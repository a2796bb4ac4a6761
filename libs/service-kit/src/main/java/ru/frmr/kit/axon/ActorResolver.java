package ru.frmr.kit.axon;

/**
 * Who is acting: recorded on every command and event (CloudEvents {@code actor}). The kit's default is
 * {@link ru.frmr.kit.security.SecurityContextActorResolver}: the account of the request's access token.
 */
@FunctionalInterface
public interface ActorResolver {

    String ANONYMOUS = "anonymous";

    String currentActor();
}
