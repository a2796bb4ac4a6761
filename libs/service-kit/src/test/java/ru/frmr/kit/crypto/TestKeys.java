package ru.frmr.kit.crypto;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/** Master keys for tests: fresh random bytes, never a literal secret in the source. */
final class TestKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TestKeys() {
    }

    static String randomMasterKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    static MasterKeyRing ring(String id) {
        return new MasterKeyRing(id, randomMasterKey(), Map.of());
    }
}
