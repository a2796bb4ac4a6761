package ru.frmr.esia.emulator.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SignedRequestTest {

    @Test
    void authorizationSignsClientScopeScopeOrgTimestampStateAndRedirectUri() {
        SignedRequest request = new SignedRequest("FRMR_LK", "HASH", "SECRET", "openid usr_org", "org", "TS", "ST",
                "http://cb", "");

        assertThat(request.signedText()).isEqualTo("FRMR_LKopenid usr_orgorgTSSThttp://cb");
    }

    @Test
    void tokenRequestsAppendTheCodeOrRefreshTokenAndAnAbsentScopeOrgIsEmpty() {
        SignedRequest request = new SignedRequest("FRMR_LK", "HASH", "SECRET", "openid", "", "TS", "ST", "http://cb",
                "CODE");

        assertThat(request.signedText()).isEqualTo("FRMR_LKopenidTSSThttp://cbCODE");
    }
}
