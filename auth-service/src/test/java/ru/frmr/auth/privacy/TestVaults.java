package ru.frmr.auth.privacy;

import ru.frmr.kit.identity.WorkerIds;

/** Vaults for unit tests, over the deterministic {@link FakePersonalDataCipher}. */
public final class TestVaults {

    public static final WorkerIds WORKER_IDS = new WorkerIds("test-only-worker-id-key-0123456789abcdef");

    private TestVaults() {
    }

    public static PersonalDataVault vault() {
        return new PersonalDataVault(new FakePersonalDataCipher(), WORKER_IDS);
    }

    public static PersonalDataVault vault(FakePersonalDataCipher cipher) {
        return new PersonalDataVault(cipher, WORKER_IDS);
    }
}
