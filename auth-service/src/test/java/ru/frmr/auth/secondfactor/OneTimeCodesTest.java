package ru.frmr.auth.secondfactor;

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
import ru.frmr.auth.api.CodePurpose;
import ru.frmr.auth.error.AuthException;

class OneTimeCodesTest {

    private static final TestMongo MONGO = new TestMongo();
    private static final String DEVICE = OneTimeCodes.binding("cookie", "Firefox");

    private MutableClock clock;
    private MongoTemplate mongo;
    private OneTimeCodes codes;

    @AfterAll
    static void stopMongo() {
        MONGO.close();
    }

    @BeforeEach
    void setUp() {
        clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
        mongo = MONGO.template("codes_" + System.nanoTime());
        codes = new OneTimeCodes(mongo, "pepper", Duration.ofMinutes(5), clock);
    }

    @Test
    void aCodeIsSixDigitsAndStoredOnlyAsAHash() {
        String code = codes.issue("login:x", "acc", CodePurpose.SECOND_FACTOR, DEVICE).code();
        assertThat(code).matches("\\d{6}");
        Document stored = mongo.getCollection(OneTimeCodes.COLLECTION).find().first();
        assertThat(stored.toJson()).doesNotContain(code).doesNotContain("Firefox");
    }

    @Test
    void theRightCodeWorksOnce() {
        String code = codes.issue("login:x", "acc", CodePurpose.SECOND_FACTOR, DEVICE).code();
        assertThat(codes.consume("login:x", code, DEVICE)).isTrue();
        assertThatThrownBy(() -> codes.consume("login:x", code, DEVICE)).isInstanceOf(AuthException.class);
    }

    @Test
    void aWrongCodeLeavesTheRightOneUsable() {
        String code = codes.issue("login:x", "acc", CodePurpose.SECOND_FACTOR, DEVICE).code();
        String wrong = code.equals("000000") ? "000001" : "000000";
        assertThat(codes.consume("login:x", wrong, DEVICE)).isFalse();
        assertThat(codes.consume("login:x", code, DEVICE)).isTrue();
    }

    @Test
    void aCodeExpiresAfterFiveMinutes() {
        String code = codes.issue("login:x", "acc", CodePurpose.SECOND_FACTOR, DEVICE).code();
        clock.advance(Duration.ofMinutes(5));
        assertThatThrownBy(() -> codes.consume("login:x", code, DEVICE))
                .isInstanceOfSatisfying(AuthException.class, e -> assertThat(e.kind()).isEqualTo("code-expired"));
    }

    @Test
    void aCodeWorksOnlyOnTheDeviceThatAskedForIt() {
        String code = codes.issue("login:x", "acc", CodePurpose.SECOND_FACTOR, DEVICE).code();
        assertThatThrownBy(() -> codes.consume("login:x", code, OneTimeCodes.binding("cookie", "Chrome")))
                .isInstanceOf(AuthException.class);
        assertThat(codes.consume("login:x", code, DEVICE)).isTrue();
    }

    @Test
    void aNewCodeReplacesTheOldOneButNotWithinHalfAMinute() {
        String first = codes.issue("login:x", "acc", CodePurpose.SECOND_FACTOR, DEVICE).code();
        assertThatThrownBy(() -> codes.issue("login:x", "acc", CodePurpose.SECOND_FACTOR, DEVICE))
                .isInstanceOfSatisfying(AuthException.class, e -> assertThat(e.status().value()).isEqualTo(429));
        clock.advance(Duration.ofSeconds(31));
        String second = codes.issue("login:x", "acc", CodePurpose.SECOND_FACTOR, DEVICE).code();
        if (!first.equals(second)) {
            assertThat(codes.consume("login:x", first, DEVICE)).isFalse();
        }
        assertThat(codes.consume("login:x", second, DEVICE)).isTrue();
    }

    @Test
    void expiredCodesArePurged() {
        codes.issue("login:x", "acc", CodePurpose.SECOND_FACTOR, DEVICE);
        clock.advance(Duration.ofMinutes(6));
        assertThat(codes.purgeExpired(clock.instant())).isEqualTo(1);
    }
}
