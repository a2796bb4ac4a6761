package ru.frmr.portal.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;

import org.junit.jupiter.api.Test;

class TokenSealTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    private final TokenSeal seal = new TokenSeal(KEY);

    @Test
    void aSealedTokenOpensOnlyForItsOwnLogin() {
        byte[] sealed = seal.seal("eyJ.token.value", "login-a");

        assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("token");
        assertThat(seal.open(sealed, "login-a")).isEqualTo("eyJ.token.value");
        assertThat(seal.open(sealed, "login-b")).isNull();
        assertThat(seal.seal("eyJ.token.value", "login-a")).isNotEqualTo(sealed);
    }

    @Test
    void anotherKeyOrAnAlteredValueOpensNothing() {
        byte[] sealed = seal.seal("value", "login");
        byte[] other = new byte[32];
        other[0] = 1;

        assertThat(new TokenSeal(Base64.getEncoder().encodeToString(other)).open(sealed, "login")).isNull();
        sealed[sealed.length - 1] ^= 1;
        assertThat(seal.open(sealed, "login")).isNull();
    }

    @Test
    void aKeyThatIsNot32BytesIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new TokenSeal(Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("frmr.portal.token-key");
        assertThatThrownBy(() -> new TokenSeal("not base64!")).hasMessageContaining("frmr.portal.token-key");
    }
}
