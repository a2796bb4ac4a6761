package ru.frmr.auth.token;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Keeps the signing key set current on every replica: at start and every minute after. */
@Component
class KeyRotation {

    private final SigningKeyStore keys;

    KeyRotation(SigningKeyStore keys) {
        this.keys = keys;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        keys.ensureKeys();
    }

    @Scheduled(fixedDelayString = "${frmr.auth.signing-keys.check-interval:PT1M}", initialDelayString = "PT1M")
    void check() {
        keys.ensureKeys();
    }
}
