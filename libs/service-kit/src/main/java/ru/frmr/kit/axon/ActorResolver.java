package ru.frmr.kit.axon;

/**
 * Who is acting: recorded on every command and event (CloudEvents {@code actor}). Identity plugs in
 * its own implementation; without it every request is anonymous.
 */
@FunctionalInterface
public interface ActorResolver {

    String ANONYMOUS = "anonymous";

    String currentActor();
}
