package ru.frmr.auth.agency;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * A SCRAM password: 32 random bytes from {@link SecureRandom}, base64url (43 characters). It exists only in memory,
 * on its way to the broker and into the one HTTP answer that shows it; {@link #toString()} hides it so that no log
 * line or exception message can carry it.
 */
public record KafkaPassword(String value) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int BYTES = 32;

    public static KafkaPassword random() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return new KafkaPassword(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    @Override
    public String toString() {
        return "KafkaPassword[***]";
    }
}
