package ru.frmr.esia.emulator.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class GrantTest {

    private final Grant grant = new Grant("FRMR_LK", 1L, "sid", List.of("openid", "fullname", "snils"),
            Instant.EPOCH);

    @Test
    void aTokenRequestMayNarrowTheScope() {
        assertThat(grant.narrowedTo(List.of("openid", "snils")).scopes()).containsExactly("openid", "snils");
    }

    @Test
    void aTokenRequestMayNotWidenIt() {
        assertThatThrownBy(() -> grant.narrowedTo(List.of("openid", "inn")))
                .isInstanceOfSatisfying(EsiaException.class,
                        e -> assertThat(e.description()).startsWith("ESIA-007019: "));
    }
}
