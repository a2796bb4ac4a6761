package ru.frmr.auth.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import ru.frmr.auth.MutableClock;
import ru.frmr.auth.TestMongo;
import ru.frmr.auth.error.AuthException;
import ru.frmr.auth.oidc.Pkce;
import ru.frmr.auth.session.Hashes;
import ru.frmr.auth.session.RefreshToken;

class LoginHandoffsTest {

    private static final TestMongo MONGO = new TestMongo();
    private static final String VERIFIER = "dBjftJeZ4CVP-mJ92K9L.2f~Tz0s_ta1k8T6-wq7Qbs5";
    private static final String CHALLENGE = Pkce.challenge(VERIFIER);

    private MutableClock clock;
    private MongoTemplate mongo;
    private LoginHandoffs handoffs;

    @AfterAll
    static void stopMongo() {
        MONGO.close();
    }

    @BeforeEach
    void setUp() {
        clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
        mongo = MONGO.template("handoffs_" + System.nanoTime());
        handoffs = new LoginHandoffs(mongo, clock);
    }

    @Test
    void theChallengeIsTheS256OfTheVerifier() {
        // Computed independently: base64url(sha256(verifier)) without padding, as RFC 7636 defines S256.
        assertThat(CHALLENGE).isEqualTo("eOGTXCdjegV_x0sUYc7PFccXI8OXhwdsjcsGoSvcG4Y");
    }

    @Test
    void aSessionHandoffIsStoredUnderTheCodesHashWithTheRefreshTokenAndTheNameSealed() {
        RefreshToken refresh = RefreshToken.issue("0b7c9a3e-1f2d-4c5b-8a9e-123456789abc");
        PersonName name = new PersonName("Кузнецов", "Игорь", "Олегович");
        String code = handoffs.issue(new LoginHandoff.SessionOpened(refresh, name), CHALLENGE);

        assertThat(code).matches("[A-Za-z0-9_-]{43}");
        Document stored = mongo.getCollection(LoginHandoffs.COLLECTION).find().first();
        assertThat(stored.getString("_id")).isEqualTo(Hashes.sha256(code));
        assertThat(stored.toJson()).doesNotContain(code).doesNotContain(refresh.secret())
                .doesNotContain(refresh.value()).doesNotContain("Кузнецов").doesNotContain("Игорь")
                .doesNotContain("Олегович");
        Document sealedName = stored.get("person", Document.class);
        assertThat(sealedName.keySet()).containsExactlyInAnyOrder("lastName", "firstName", "middleName");
        assertThat(sealedName.values()).allSatisfy(part -> assertThat((String) part).matches("[A-Za-z0-9_-]{40,}"));

        LoginHandoff redeemed = handoffs.redeem(code, VERIFIER);
        assertThat(redeemed).isInstanceOf(LoginHandoff.SessionOpened.class);
        assertThat(((LoginHandoff.SessionOpened) redeemed).refreshToken()).isEqualTo(refresh);
        assertThat(((LoginHandoff.SessionOpened) redeemed).person()).isEqualTo(name);
        assertThat(redeemed.toString()).doesNotContain("Кузнецов").doesNotContain(refresh.secret());
    }

    @Test
    void aPersonWithoutAMiddleNameComesBackWithoutOne() {
        RefreshToken refresh = RefreshToken.issue("0b7c9a3e-1f2d-4c5b-8a9e-123456789abc");
        String code = handoffs.issue(new LoginHandoff.SessionOpened(refresh, new PersonName("Иванова", "Мария",
                null)), CHALLENGE);
        assertThat(handoffs.redeem(code, VERIFIER)).isEqualTo(new LoginHandoff.SessionOpened(refresh,
                new PersonName("Иванова", "Мария", null)));
    }

    @Test
    void aSessionHandoffStoredWithoutANameIsRedeemedWithoutOne() {
        RefreshToken refresh = RefreshToken.issue("0b7c9a3e-1f2d-4c5b-8a9e-123456789abc");
        String code = handoffs.issue(new LoginHandoff.SessionOpened(refresh, new PersonName("Иванова", "Мария",
                null)), CHALLENGE);
        // As a record issued before the name was handed off looks.
        mongo.getCollection(LoginHandoffs.COLLECTION).updateOne(new Document("_id", Hashes.sha256(code)),
                new Document("$unset", new Document("person", "")));
        assertThat(handoffs.redeem(code, VERIFIER)).isEqualTo(new LoginHandoff.SessionOpened(refresh, null));
    }

    @Test
    void aNameMovedFromAnotherRecordDoesNotOpen() {
        RefreshToken refresh = RefreshToken.issue("0b7c9a3e-1f2d-4c5b-8a9e-123456789abc");
        String first = handoffs.issue(new LoginHandoff.SessionOpened(refresh, new PersonName("Иванова", "Мария",
                null)), CHALLENGE);
        String second = handoffs.issue(new LoginHandoff.SessionOpened(refresh, new PersonName("Кузнецов", "Игорь",
                "Олегович")), CHALLENGE);
        Document other = mongo.getCollection(LoginHandoffs.COLLECTION)
                .find(new Document("_id", Hashes.sha256(second))).first();
        mongo.getCollection(LoginHandoffs.COLLECTION).updateOne(new Document("_id", Hashes.sha256(first)),
                new Document("$set", new Document("person", other.get("person"))));
        assertInvalid(() -> handoffs.redeem(first, VERIFIER));
    }

    @Test
    void aCodeWorksOnce() {
        String code = handoffs.issue(new LoginHandoff.ActivationRequired("login-secret"), CHALLENGE);
        assertThat(handoffs.redeem(code, VERIFIER)).isEqualTo(new LoginHandoff.ActivationRequired("login-secret"));
        assertInvalid(() -> handoffs.redeem(code, VERIFIER));
    }

    @Test
    void aWrongVerifierBurnsTheCode() {
        String code = handoffs.issue(new LoginHandoff.ActivationRequired("login-secret"), CHALLENGE);
        assertInvalid(() -> handoffs.redeem(code, VERIFIER.replace('d', 'e')));
        assertInvalid(() -> handoffs.redeem(code, VERIFIER));
        assertThat(mongo.getCollection(LoginHandoffs.COLLECTION).countDocuments()).isZero();
    }

    @Test
    void aCodeIsValidTwoMinutes() {
        String inTime = handoffs.issue(new LoginHandoff.ActivationRequired("a"), CHALLENGE);
        String late = handoffs.issue(new LoginHandoff.ActivationRequired("b"), CHALLENGE);
        clock.advance(Duration.ofMinutes(2).minusSeconds(1));
        assertThat(handoffs.redeem(inTime, VERIFIER)).isEqualTo(new LoginHandoff.ActivationRequired("a"));
        clock.advance(Duration.ofSeconds(1));
        assertInvalid(() -> handoffs.redeem(late, VERIFIER));
    }

    @Test
    void aSecondFactorHandoffCarriesThePendingLoginAndWhereTheCodeWent() {
        Instant codeExpires = clock.instant().plus(Duration.ofMinutes(5));
        String code = handoffs.issue(new LoginHandoff.SecondFactorRequired("pending-login-secret", "k***@frmr.test",
                codeExpires), CHALLENGE);
        Document stored = mongo.getCollection(LoginHandoffs.COLLECTION).find().first();
        assertThat(stored.toJson()).doesNotContain("pending-login-secret").doesNotContain("frmr.test");

        assertThat(handoffs.redeem(code, VERIFIER)).isEqualTo(new LoginHandoff.SecondFactorRequired(
                "pending-login-secret", "k***@frmr.test", codeExpires));
    }

    @Test
    void aRecordDoesNotOpenUnderAnotherCode() {
        String code = handoffs.issue(new LoginHandoff.ActivationRequired("secret"), CHALLENGE);
        String other = Hashes.randomSecret();
        // Someone with write access moves the record under the hash of a code they know: it does not open.
        Document stored = mongo.getCollection(LoginHandoffs.COLLECTION).findOneAndDelete(
                new Document("_id", Hashes.sha256(code)));
        stored.put("_id", Hashes.sha256(other));
        mongo.getCollection(LoginHandoffs.COLLECTION).insertOne(stored);
        assertInvalid(() -> handoffs.redeem(other, VERIFIER));
    }

    @Test
    void expiredHandoffsArePurged() {
        handoffs.issue(new LoginHandoff.ActivationRequired("old"), CHALLENGE);
        clock.advance(Duration.ofMinutes(3));
        handoffs.issue(new LoginHandoff.ActivationRequired("new"), CHALLENGE);
        assertThat(handoffs.purgeExpired(clock.instant())).isEqualTo(1);
        assertThat(mongo.getCollection(LoginHandoffs.COLLECTION).countDocuments()).isEqualTo(1);
    }

    private static void assertInvalid(Runnable redeem) {
        assertThatThrownBy(redeem::run).isInstanceOfSatisfying(AuthException.class, e -> {
            assertThat(e.kind()).isEqualTo("invalid-handoff");
            assertThat(e.status().value()).isEqualTo(400);
        });
    }
}
