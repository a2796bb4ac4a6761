package ru.frmr.kit.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class SnilsIndexKeysTest {

    private static final String SNILS = "11223344595";
    private static final String OLD = "old-key-0123456789abcdef0123456789abcdef";
    private static final String NEW = "new-key-0123456789abcdef0123456789abcdef";

    @Test
    void theDigestNamesItsKeyAndDependsOnIt() {
        SnilsIndexKeys before = new SnilsIndexKeys("k1", OLD, Map.of());
        SnilsIndexKeys after = new SnilsIndexKeys("k2", NEW, Map.of("k1", OLD));

        assertThat(before.current(SNILS).keyId()).isEqualTo("k1");
        assertThat(after.current(SNILS).keyId()).isEqualTo("k2");
        assertThat(after.current(SNILS).value()).isNotEqualTo(before.current(SNILS).value());
        assertThat(after.all(SNILS)).containsExactly(after.current(SNILS), before.current(SNILS));
        assertThat(after.digest("k1", SNILS)).contains(before.current(SNILS));
        assertThat(after.digest("k0", SNILS)).isEmpty();
        assertThat(after.current(SNILS).qualified()).startsWith("k2:").doesNotContain(SNILS);
    }

    @Test
    void refusesShortKeysAndMalformedСнилс() {
        assertThatThrownBy(() -> new SnilsIndexKeys("k1", "short", Map.of()))
                .hasMessageContaining(SnilsIndexKeys.KEY);
        assertThatThrownBy(() -> new SnilsIndexKeys("k1", NEW, Map.of("k1", OLD)))
                .hasMessageContaining("both current and previous");
        assertThatThrownBy(() -> new SnilsIndexKeys("k1", NEW, Map.of()).current("112-233-445 95"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aServiceWithoutTheKeyRefusesToStartNamingTheProperty() {
        assertThatThrownBy(() -> SnilsIndexKeys.fromEnvironment(new MockEnvironment(), "registry-service"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("frmr.identity.snils-index.key")
                .hasMessageContaining("FRMR_IDENTITY_SNILS_INDEX_KEY")
                .hasMessageNotContaining(NEW);
    }

    @Test
    void readsCurrentAndPreviousKeysFromTheConfiguration() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("frmr.identity.snils-index.key", NEW)
                .withProperty("frmr.identity.snils-index.key-id", "k2")
                .withProperty("frmr.identity.snils-index.previous-keys.k1", OLD);

        SnilsIndexKeys keys = SnilsIndexKeys.fromEnvironment(environment, "auth-service");

        assertThat(keys.currentId()).isEqualTo("k2");
        assertThat(keys.digest("k1", SNILS)).contains(new SnilsIndexKeys("k1", OLD, Map.of()).current(SNILS));
        assertThat(keys.toString()).doesNotContain(NEW).doesNotContain(OLD);
    }
}
