package ru.frmr.auth.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import ru.frmr.auth.AuthPropertiesMother;
import ru.frmr.auth.MutableClock;
import ru.frmr.auth.TestMongo;
import ru.frmr.auth.api.PlatformRole;
import ru.frmr.auth.api.SessionClaims;
import ru.frmr.auth.privacy.FakePersonalDataCipher;
import ru.frmr.auth.privacy.PersonalDataVault;
import ru.frmr.auth.privacy.TestVaults;
import ru.frmr.contracts.auth.LoginMethod;

/** The pending login keeps the e-mail and the name sealed under the person's data key. */
class PendingLoginsTest {

    private static final TestMongo MONGO = new TestMongo();
    private static final String BROWSER = "browser-hash";
    private static final SessionClaims ADMIN = new SessionClaims(List.of(PlatformRole.REGISTRY_ADMIN), null, null);
    private static final PersonName NAME = new PersonName("Кузнецов", "Игорь", "Олегович");

    private final FakePersonalDataCipher cipher = new FakePersonalDataCipher();
    private final PersonalDataVault vault = TestVaults.vault(cipher);
    private MongoTemplate mongo;
    private PendingLogins pending;
    private String subject;

    @AfterAll
    static void stopMongo() {
        MONGO.close();
    }

    @BeforeEach
    void setUp() {
        mongo = MONGO.template("pending_" + System.nanoTime());
        pending = new PendingLogins(mongo, AuthPropertiesMother.defaults(),
                new MutableClock(Instant.parse("2026-11-25T10:00:00Z")), vault);
        subject = vault.subjectFor("11111111145");
    }

    @Test
    void theNameIsSealedAndComesBack() {
        pending.save(BROWSER, login(NAME));

        Document stored = mongo.getCollection(PendingLogins.COLLECTION).find().first();
        Document sealedName = stored.get("person", Document.class);
        assertThat(sealedName.getString("lastName")).startsWith("pd1:").isNotEqualTo("Кузнецов");
        assertThat(vault.open(subject, sealedName.getString("lastName"))).hasValue("Кузнецов");
        assertThat(stored.toJson()).doesNotContain("Кузнецов").doesNotContain("Игорь").doesNotContain("Олегович");
        assertThat(pending.find(BROWSER, PendingLogins.Stage.SECOND_FACTOR)).get()
                .extracting(PendingLogins.PendingLogin::person).isEqualTo(NAME);
        assertThat(login(NAME).toString()).doesNotContain("Кузнецов");
    }

    @Test
    void aLoginWhosePersonWasErasedIsNoLongerWaiting() {
        pending.save(BROWSER, login(NAME));
        cipher.shred(subject);
        assertThat(pending.find(BROWSER, PendingLogins.Stage.SECOND_FACTOR)).isEmpty();
    }

    @Test
    void aLoginSavedWithoutANameHasNone() {
        pending.save(BROWSER, login(NAME));
        // As a pending login saved before the name was kept looks.
        mongo.getCollection(PendingLogins.COLLECTION).updateOne(new Document("_id", BROWSER),
                new Document("$unset", new Document("person", "")));
        assertThat(pending.find(BROWSER, PendingLogins.Stage.SECOND_FACTOR)).get()
                .satisfies(login -> {
                    assertThat(login.person()).isNull();
                    assertThat(login.email()).isEqualTo("kuznetsov.admin@frmr.test");
                });
    }

    private PendingLogins.PendingLogin login(PersonName name) {
        return new PendingLogins.PendingLogin(PendingLogins.Stage.SECOND_FACTOR, "esia:1000299657", LoginMethod.ESIA,
                ADMIN, subject, "kuznetsov.admin@frmr.test", name);
    }
}
