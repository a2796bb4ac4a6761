package ru.frmr.esia.emulator.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ScopesTest {

    @Test
    void scopesAreSeparatedBySpacesInOrderWithoutRepeats() {
        assertThat(Scopes.parse(" openid  fullname openid ")).containsExactly("openid", "fullname");
        assertThat(Scopes.format(List.of("openid", "fullname"))).isEqualTo("openid fullname");
    }
}
