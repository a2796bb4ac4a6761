package ru.frmr.kit.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import ru.frmr.infra.embedded.MutableClock;

class AesGcmPersonalDataCipherTest {

    private static final String SNILS = "112-233-445 95";

    private final InMemoryDataKeyStore store = new InMemoryDataKeyStore();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final MasterKeyRing ring = TestKeys.ring("mk-1");
    private final PersonalDataCipher cipher = cipher(ring);

    private PersonalDataCipher cipher(MasterKeyRing masterKeys) {
        return new AesGcmPersonalDataCipher(masterKeys, store, clock, Duration.ofSeconds(30), 100);
    }

    @Test
    void roundTripsAValueInASelfDescribingToken() {
        String token = cipher.encrypt("w-1", SNILS);

        assertThat(token).matches("pd1:1:[A-Za-z0-9_-]+").doesNotContain("112");
        assertThat(cipher.isEncrypted(token)).isTrue();
        assertThat(cipher.isEncrypted(SNILS)).isFalse();
        assertThat(cipher.decrypt("w-1", token)).contains(SNILS);
        assertThat(cipher.decrypt("w-1", cipher.encrypt("w-1", "Иванова Анна, +7 900 000-00-00")))
                .contains("Иванова Анна, +7 900 000-00-00");
        assertThat(cipher.decrypt("w-1", cipher.encrypt("w-1", ""))).contains("");
    }

    @Test
    void usesAFreshIvForEveryValue() {
        assertThat(cipher.encrypt("w-1", SNILS)).isNotEqualTo(cipher.encrypt("w-1", SNILS));
    }

    @Test
    void keepsOneDataKeyPerSubjectWrappedUnderTheMasterKey() {
        cipher.encrypt("w-1", SNILS);
        cipher.encrypt("w-1", "more");
        cipher.encrypt("w-2", SNILS);

        assertThat(store.records).containsOnlyKeys("w-1", "w-2");
        StoredDataKey stored = store.records.get("w-1");
        assertThat(stored.generation()).isEqualTo(1);
        assertThat(stored.masterKeyId()).isEqualTo("mk-1");
        assertThat(stored.wrappedKey()).hasSize(12 + 32 + 16);
        assertThat(stored.toString()).doesNotContain("[B@").contains("mk-1");
    }

    @Test
    void theLoserOfAKeyCreationRaceUsesTheWinnersKey() {
        PersonalDataCipher winner = cipher(ring);
        String[] winnersToken = new String[1];
        DataKeyStore racing = new DataKeyStore() {
            @Override
            public Optional<StoredDataKey> find(String subjectId) {
                return store.find(subjectId);
            }

            @Override
            public boolean insertIfAbsent(StoredDataKey key) {
                winnersToken[0] = winner.encrypt(key.subjectId(), "winner's value");
                return store.insertIfAbsent(key);
            }

            @Override
            public void shred(String subjectId) {
                store.shred(subjectId);
            }

            @Override
            public boolean replaceTombstone(StoredDataKey replacement) {
                return store.replaceTombstone(replacement);
            }

            @Override
            public boolean rewrap(StoredDataKey current, String masterKeyId, byte[] wrappedKey) {
                return store.rewrap(current, masterKeyId, wrappedKey);
            }
        };
        PersonalDataCipher loser = new AesGcmPersonalDataCipher(ring, racing, clock, Duration.ofSeconds(30), 100);

        String losersToken = loser.encrypt("w-1", SNILS);

        assertThat(winner.decrypt("w-1", losersToken)).contains(SNILS);
        assertThat(loser.decrypt("w-1", winnersToken[0])).contains("winner's value");
        assertThat(store.records).hasSize(1);
    }

    @Test
    void aValueMovedToAnotherSubjectDoesNotDecrypt() {
        String token = cipher.encrypt("w-1", SNILS);
        cipher.encrypt("w-2", "w-2 has a key too");

        assertThatThrownBy(() -> cipher.decrypt("w-2", token))
                .isInstanceOf(PersonalDataIntegrityException.class)
                .hasMessageContaining("another subject")
                .hasMessageNotContaining(token);
    }

    @Test
    void detectsATamperedToken() {
        String token = cipher.encrypt("w-1", SNILS);
        byte[] sealed = Base64.getUrlDecoder().decode(token.substring("pd1:1:".length()));
        sealed[sealed.length - 20] ^= 1;
        String tampered = "pd1:1:" + Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);

        assertThatThrownBy(() -> cipher.decrypt("w-1", tampered))
                .isInstanceOf(PersonalDataIntegrityException.class).hasMessageContaining("altered");
        assertThatThrownBy(() -> cipher.decrypt("w-1", token.substring(0, 12)))
                .isInstanceOf(PersonalDataIntegrityException.class);
        assertThatThrownBy(() -> cipher.decrypt("w-1", "pd1:1:not base64!"))
                .isInstanceOf(PersonalDataIntegrityException.class).hasMessageContaining("Malformed");
        assertThatThrownBy(() -> cipher.decrypt("w-1", "pd1:0:" + token.substring(6)))
                .isInstanceOf(PersonalDataIntegrityException.class);
        assertThatThrownBy(() -> cipher.decrypt("w-1", "pd1:2:" + token.substring(6)))
                .isInstanceOf(PersonalDataIntegrityException.class).hasMessageContaining("generation");
        assertThatThrownBy(() -> cipher.decrypt("w-1", SNILS))
                .isInstanceOf(PersonalDataIntegrityException.class).hasMessageNotContaining(SNILS);
    }

    @Test
    void passesNullThrough() {
        assertThat(cipher.encrypt("w-1", null)).isNull();
        assertThat(cipher.decrypt("w-1", null)).isEmpty();
        assertThat(cipher.isEncrypted(null)).isFalse();
        assertThat(store.records).isEmpty();
        assertThatThrownBy(() -> cipher.encrypt(null, SNILS)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cipher.encrypt(" ", SNILS)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unwrapsKeysOfARetiredMasterKeyAndRewrapsThemUnderTheCurrentOne() {
        String oldMaster = TestKeys.randomMasterKey();
        String newMaster = TestKeys.randomMasterKey();
        PersonalDataCipher before = cipher(new MasterKeyRing("mk-1", oldMaster, Map.of()));
        String first = before.encrypt("w-1", SNILS);
        String second = before.encrypt("w-2", SNILS);

        PersonalDataCipher withoutOldKey = cipher(new MasterKeyRing("mk-2", newMaster, Map.of()));
        assertThatThrownBy(() -> withoutOldKey.decrypt("w-1", first))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("mk-1, which is not configured");

        PersonalDataCipher after = cipher(new MasterKeyRing("mk-2", newMaster, Map.of("mk-1", oldMaster)));
        assertThat(after.decrypt("w-1", first)).contains(SNILS);
        assertThat(store.records.get("w-1").masterKeyId()).isEqualTo("mk-2");
        assertThat(store.records.get("w-2").masterKeyId()).isEqualTo("mk-1");
        after.encrypt("w-3", SNILS);
        assertThat(store.records.get("w-3").masterKeyId()).isEqualTo("mk-2");

        PersonalDataCipher retired = cipher(new MasterKeyRing("mk-2", newMaster, Map.of()));
        assertThat(retired.decrypt("w-1", first)).contains(SNILS);
        assertThatThrownBy(() -> retired.decrypt("w-2", second)).hasMessageContaining("mk-1");
    }

    @Test
    void aWrongMasterKeyUnderTheSameIdFailsClearly() {
        String token = cipher.encrypt("w-1", SNILS);
        PersonalDataCipher wrong = cipher(TestKeys.ring("mk-1"));

        assertThatThrownBy(() -> wrong.decrypt("w-1", token))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not unwrap");
    }

    @Test
    void shreddingMakesTheSubjectsValuesUnreadableAndLeavesOthersAlone() {
        String snils = cipher.encrypt("w-1", SNILS);
        String phone = cipher.encrypt("w-1", "+7 900 000-00-00");
        String other = cipher.encrypt("w-2", SNILS);

        cipher.shred("w-1");
        cipher.shred("w-1");

        assertThat(cipher.decrypt("w-1", snils)).isEmpty();
        assertThat(cipher.decrypt("w-1", phone)).isEmpty();
        assertThat(cipher.decrypt("w-2", other)).contains(SNILS);
        assertThat(store.records.get("w-1").shredded()).isTrue();
        assertThat(store.records.get("w-1").wrappedKey()).isNull();
    }

    @Test
    void refusesToEncryptForAShreddedSubject() {
        cipher.encrypt("w-1", SNILS);
        cipher.shred("w-1");
        cipher.shred("never-seen");

        assertThatThrownBy(() -> cipher.encrypt("w-1", SNILS)).isInstanceOf(SubjectShreddedException.class);
        assertThatThrownBy(() -> cipher.encrypt("never-seen", SNILS))
                .isInstanceOf(SubjectShreddedException.class).hasMessageNotContaining(SNILS);
        assertThat(cipher.encrypt("w-1", null)).isNull();
    }

    @Test
    void reinstatingGivesANewKeyGenerationAndOldValuesStayUnreadable() {
        String old = cipher.encrypt("w-1", SNILS);
        cipher.shred("w-1");
        cipher.reinstate("w-1");
        cipher.reinstate("w-1");

        String fresh = cipher.encrypt("w-1", "new СНИЛС");
        assertThat(fresh).startsWith("pd1:2:");
        assertThat(cipher.decrypt("w-1", fresh)).contains("new СНИЛС");
        assertThat(cipher.decrypt("w-1", old)).isEmpty();
        assertThat(store.records.get("w-1").generation()).isEqualTo(2);

        cipher.reinstate("never-shredded");
        assertThat(store.records).doesNotContainKey("never-shredded");
    }

    @Test
    void aValueOfASubjectWithoutAnyKeyRecordIsUnreadable() {
        String token = cipher.encrypt("w-1", SNILS);
        store.records.clear();
        PersonalDataCipher coldReplica = cipher(ring);

        assertThat(coldReplica.decrypt("w-1", token)).isEmpty();
    }

    @Test
    void masterKeyConfigurationIsValidatedWithoutEchoingTheKey() {
        assertThatThrownBy(() -> new MasterKeyRing("mk", "c2hvcnQ=", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes").hasMessageNotContaining("c2hvcnQ=");
        assertThatThrownBy(() -> new MasterKeyRing("mk", "%%%", Map.of()))
                .hasMessageContaining("base64").hasMessageNotContaining("%%%");
        assertThatThrownBy(() -> new MasterKeyRing(" ", TestKeys.randomMasterKey(), Map.of()))
                .hasMessageContaining("master-key-id");
        String key = TestKeys.randomMasterKey();
        assertThatThrownBy(() -> new MasterKeyRing("mk", key, Map.of("mk", key)))
                .hasMessageContaining("both current and previous");
    }

    @Test
    void toStringsCarryNoSecrets() {
        String key = TestKeys.randomMasterKey();
        MasterKeyRing masterKeys = new MasterKeyRing("mk-2", key, Map.of("mk-1", TestKeys.randomMasterKey()));
        CryptoProperties properties = new CryptoProperties(key, "mk-2", Map.of("mk-1", key), null, null);

        assertThat(masterKeys.toString()).contains("mk-2", "mk-1").doesNotContain(key);
        assertThat(properties.toString()).contains("mk-2", "***").doesNotContain(key);
        assertThat(cipher(masterKeys).toString()).contains("mk-2").doesNotContain(key);
        assertThat(properties.keyCacheTtl()).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.keyCacheSize()).isEqualTo(10_000);
    }
}
