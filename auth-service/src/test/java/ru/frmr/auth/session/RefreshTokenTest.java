package ru.frmr.auth.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class RefreshTokenTest {

    private static final String SID = UUID.randomUUID().toString();

    @Test
    void roundTripsAndHidesItsSecret() {
        RefreshToken token = RefreshToken.issue(SID);
        assertThat(RefreshToken.parse(token.value())).contains(token);
        assertThat(token.toString()).doesNotContain(token.secret());
        assertThat(token.hash()).matches("[0-9a-f]{64}").doesNotContain(token.secret());
    }

    @Test
    void everyTokenIsNew() {
        assertThat(RefreshToken.issue(SID).secret()).isNotEqualTo(RefreshToken.issue(SID).secret());
    }

    @Test
    void rejectsAnythingElse() {
        assertThat(RefreshToken.parse(null)).isEmpty();
        assertThat(RefreshToken.parse("")).isEmpty();
        assertThat(RefreshToken.parse(SID)).isEmpty();
        assertThat(RefreshToken.parse("not-a-uuid." + "a".repeat(43))).isEmpty();
        assertThat(RefreshToken.parse(SID + "." + "a".repeat(42))).isEmpty();
        assertThat(RefreshToken.parse(SID + "." + "a".repeat(42) + "$")).isEmpty();
    }
}
