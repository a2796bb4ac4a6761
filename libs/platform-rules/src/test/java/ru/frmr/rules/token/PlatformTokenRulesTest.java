package ru.frmr.rules.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.proc.JWTProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import ru.frmr.infra.embedded.jwt.BadToken;
import ru.frmr.infra.embedded.jwt.TestJwtIssuer;
import ru.frmr.infra.embedded.jwt.TestToken;

/** The rules against tokens from a real key-set endpoint. */
class PlatformTokenRulesTest {

    private static final TestJwtIssuer ISSUER = TestJwtIssuer.shared();

    private final JWTProcessor<SecurityContext> rules = PlatformTokenRules.processor(
            new CoolingDownKeySet(new HttpKeySetFetcher(URI.create(ISSUER.jwksUri()), Duration.ofSeconds(5)),
                    Duration.ofSeconds(30), Duration.ofMinutes(5), Clock.systemUTC()),
            new TokenPolicy(TestToken.ISSUER, TestToken.AUDIENCE, Duration.ofSeconds(30)), Clock.systemUTC());

    @Test
    void aTokenAsAuthServiceIssuesItPasses() throws Exception {
        TestToken token = TestToken.worker("w-1");

        var claims = rules.process(JWTParser.parse(ISSUER.mint(token)), null);

        assertThat(claims.getSubject()).isEqualTo(token.subject());
        assertThat(claims.getStringClaim(TokenClaims.WORKER_ID)).isEqualTo("w-1");
        assertThat(claims.getStringListClaim(TokenClaims.ROLES)).containsExactly("WORKER");
    }

    @ParameterizedTest
    @EnumSource(BadToken.class)
    void everyKindOfBadTokenFails(BadToken kind) {
        assertThatThrownBy(() -> rules.process(JWTParser.parse(ISSUER.mint(kind, TestToken.withRoles("WORKER"))), null))
                .isInstanceOf(BadJOSEException.class);
    }

    @Test
    void aBlankSubjectFails() {
        assertThatThrownBy(() -> rules.process(JWTParser.parse(ISSUER.mint(TestToken.withRoles("WORKER")
                .withSubject(" "))), null)).isInstanceOf(BadJOSEException.class);
    }
}
