package ru.frmr.auth.login;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import ru.frmr.auth.error.AuthException;
import ru.frmr.auth.oidc.Pkce;
import ru.frmr.auth.session.Hashes;
import ru.frmr.auth.session.RefreshToken;

/**
 * One-time codes that hand the end of a portal login to the portal (an OAuth-style authorization code with PKCE):
 * the callback redirects the browser to the portal with the code, the portal redeems it server to server with the
 * verifier of the challenge it started the login with. 256 random bits, valid two minutes, single use: any attempt
 * to redeem, right or wrong, deletes it. Kept in Mongo (any replica may get the redemption), under the code's
 * SHA-256 only.
 * <p>
 * Why the secrets in a record, and the person's name an opened session hands to the portal, are sealed under a key
 * derived from the code itself (AES-256-GCM, key = SHA-256 of a label and the code): the code is stored only as its
 * hash, so the collection alone (a backup, a replica's disk, someone reading Mongo) yields no refresh token, no
 * pending login's secret and no name, and no
 * server-side key has to be managed for two minutes of storage. The alternative, storing only the session id and
 * making the first refresh token at redemption, would need the session aggregate to accept a token it did not
 * issue at opening; instead the sealed token is rotated at once when the portal redeems the code (see
 * {@code HandoffController}), so even it is spent before anyone could use it.
 */
@Component
public class LoginHandoffs {

    static final String COLLECTION = "login_handoffs";
    /** The portal redeems at once, server to server: two minutes cover a slow redirect, not a later replay. */
    static final Duration TTL = Duration.ofMinutes(2);
    private static final String SESSION_OPENED = "SESSION_OPENED";
    private static final String SECOND_FACTOR_REQUIRED = "SECOND_FACTOR_REQUIRED";
    private static final String ACTIVATION_REQUIRED = "ACTIVATION_REQUIRED";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder URL_DECODER = Base64.getUrlDecoder();
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final MongoTemplate mongo;
    private final Clock clock;

    LoginHandoffs(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        // The sweep deletes what expired by this field (not a TTL index: the embedded Mongo of local runs has none).
        mongo.getCollection(COLLECTION).createIndex(Indexes.ascending("expiresAt"));
    }

    /**
     * @param challenge the portal's S256 challenge the login was started with
     * @return the code for the portal's redirect, to be sent and then forgotten
     */
    String issue(LoginHandoff handoff, String challenge) {
        String code = Hashes.randomSecret();
        Instant now = clock.instant();
        Document record = new Document("_id", Hashes.sha256(code))
                .append("challenge", challenge)
                .append("expiresAt", Date.from(now.plus(TTL)));
        if (handoff instanceof LoginHandoff.SessionOpened opened) {
            record.append("status", SESSION_OPENED)
                    .append("secret", seal(code, SESSION_OPENED, opened.refreshToken().value()))
                    .append("person", sealName(code, opened.person()));
        } else if (handoff instanceof LoginHandoff.SecondFactorRequired pending) {
            record.append("status", SECOND_FACTOR_REQUIRED)
                    .append("secret", seal(code, SECOND_FACTOR_REQUIRED, pending.login()))
                    .append("sentTo", seal(code, "sentTo", pending.maskedEmail()))
                    .append("codeExpiresAt", pending.expiresAt() == null ? null : Date.from(pending.expiresAt()));
        } else if (handoff instanceof LoginHandoff.ActivationRequired activation) {
            record.append("status", ACTIVATION_REQUIRED)
                    .append("secret", seal(code, ACTIVATION_REQUIRED, activation.login()));
        }
        collection().insertOne(record);
        return code;
    }

    /**
     * Takes the handoff of {@code code} if {@code verifier} is the one its challenge was made from. The code is
     * gone afterwards whatever the outcome, so a wrong verifier cannot be retried against it.
     *
     * @throws AuthException 400 {@code invalid-handoff} for an unknown, used or expired code or a wrong verifier
     */
    public LoginHandoff redeem(String code, String verifier) {
        Document d = collection().findOneAndDelete(Filters.eq("_id", Hashes.sha256(code)));
        if (d == null || !d.getDate("expiresAt").toInstant().isAfter(clock.instant())
                || !MessageDigest.isEqual(Pkce.challenge(verifier).getBytes(StandardCharsets.US_ASCII),
                d.getString("challenge").getBytes(StandardCharsets.US_ASCII))) {
            throw invalid();
        }
        String status = d.getString("status");
        String secret = open(code, status, d.getString("secret"));
        return switch (status) {
            case SESSION_OPENED -> new LoginHandoff.SessionOpened(RefreshToken.parse(secret).orElseThrow(
                    LoginHandoffs::invalid), openName(code, d.get("person", Document.class)));
            case SECOND_FACTOR_REQUIRED -> new LoginHandoff.SecondFactorRequired(secret,
                    open(code, "sentTo", d.getString("sentTo")),
                    d.getDate("codeExpiresAt") == null ? null : d.getDate("codeExpiresAt").toInstant());
            case ACTIVATION_REQUIRED -> new LoginHandoff.ActivationRequired(secret);
            default -> throw invalid();
        };
    }

    /** Drops handoffs past their time (the embedded Mongo of local runs has no TTL indexes). */
    long purgeExpired(Instant now) {
        return collection().deleteMany(Filters.lt("expiresAt", Date.from(now))).getDeletedCount();
    }

    static AuthException invalid() {
        return new AuthException(HttpStatus.BAD_REQUEST, "invalid-handoff",
                "The login handoff code is unknown, used, expired or does not match the verifier; log in again.");
    }

    /** Each part of the name sealed on its own, labelled with its part, so that parts cannot be swapped. */
    private static Document sealName(String code, PersonName name) {
        if (name == null) {
            return null;
        }
        Document sealed = new Document();
        sealed.append("lastName", sealOrNull(code, "person.lastName", name.lastName()));
        sealed.append("firstName", sealOrNull(code, "person.firstName", name.firstName()));
        sealed.append("middleName", sealOrNull(code, "person.middleName", name.middleName()));
        return sealed;
    }

    /** @return the name, or null for a record without one (issued before the name was handed off) */
    private static PersonName openName(String code, Document sealed) {
        if (sealed == null) {
            return null;
        }
        return new PersonName(openOrNull(code, "person.lastName", sealed.getString("lastName")),
                openOrNull(code, "person.firstName", sealed.getString("firstName")),
                openOrNull(code, "person.middleName", sealed.getString("middleName")));
    }

    private static String sealOrNull(String code, String label, String value) {
        return value == null ? null : seal(code, label, value);
    }

    private static String openOrNull(String code, String label, String sealed) {
        return sealed == null ? null : open(code, label, sealed);
    }

    private static String seal(String code, String label, String value) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, code, iv);
            cipher.updateAAD(label.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
            return URL.encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    private static String open(String code, String label, String sealed) {
        if (sealed == null) {
            throw invalid();
        }
        byte[] bytes = URL_DECODER.decode(sealed);
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, code, Arrays.copyOf(bytes, IV_BYTES));
            cipher.updateAAD(label.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            // A record that does not open under its own code was altered: treated as no record at all.
            throw invalid();
        }
    }

    private static Cipher cipher(int mode, String code, byte[] iv) throws GeneralSecurityException {
        byte[] key = MessageDigest.getInstance("SHA-256")
                .digest(("frmr-login-handoff-seal:" + code).getBytes(StandardCharsets.UTF_8));
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
        return cipher;
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(COLLECTION);
    }
}
