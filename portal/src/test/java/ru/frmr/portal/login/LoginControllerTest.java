package ru.frmr.portal.login;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoginControllerTest {

    @Test
    void theChallengeIsTheS256OfTheVerifierAsRfc7636Shows() {
        // RFC 7636, appendix B.
        assertThat(LoginController.challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"))
                .isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    }
}
