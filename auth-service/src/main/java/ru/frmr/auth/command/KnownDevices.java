package ru.frmr.auth.command;

import java.util.LinkedHashSet;
import java.util.Set;

import org.axonframework.eventsourcing.EventSourcingHandler;

import ru.frmr.auth.api.LoginSucceededEvent;
import ru.frmr.auth.session.Hashes;

/**
 * The devices an account has logged in from, so a login from another one can be told to the person. Only the most
 * recent {@link #MAX} count: once that many other devices were used after it, a device is new again, which keeps
 * the aggregate's state small whatever an account does. Kept as SHA-256 of the label, the same for every login from
 * that browser and system.
 *
 * <p>An account that logged in only before devices were recorded knows none: its next login is its "first" and
 * not new, so nobody is told about a device merely because this list started late.
 */
class KnownDevices {

    static final int MAX = 20;

    /** Least recently used first. */
    private final Set<String> keys = new LinkedHashSet<>();

    /** Whether a login from {@code device} is to be announced as a new device. */
    boolean isNew(String device) {
        return device != null && !keys.isEmpty() && !keys.contains(keyOf(device));
    }

    @EventSourcingHandler
    void on(LoginSucceededEvent event) {
        if (event.device() == null) {
            return;
        }
        String key = keyOf(event.device());
        keys.remove(key);
        keys.add(key);
        if (keys.size() > MAX) {
            keys.remove(keys.iterator().next());
        }
    }

    private static String keyOf(String device) {
        return Hashes.sha256(device);
    }
}
