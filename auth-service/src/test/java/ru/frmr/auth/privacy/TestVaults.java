package ru.frmr.auth.privacy;

import java.util.Map;
import java.util.Optional;

import ru.frmr.kit.identity.LegacyWorkerIds;
import ru.frmr.kit.identity.SnilsIndexKeys;

/** Vaults for unit tests, over the deterministic {@link FakePersonalDataCipher}. */
public final class TestVaults {

    public static final SnilsIndexKeys SNILS_INDEX_KEYS = new SnilsIndexKeys("test-1",
            "test-only-snils-index-key-0123456789abcdef", Map.of());
    public static final LegacyWorkerIds LEGACY_WORKER_IDS =
            new LegacyWorkerIds("test-only-worker-id-key-0123456789abcdef");

    private TestVaults() {
    }

    public static PersonalDataVault vault() {
        return vault(new FakePersonalDataCipher());
    }

    public static PersonalDataVault vault(FakePersonalDataCipher cipher) {
        return new PersonalDataVault(cipher, SNILS_INDEX_KEYS, Optional.of(LEGACY_WORKER_IDS));
    }
}
