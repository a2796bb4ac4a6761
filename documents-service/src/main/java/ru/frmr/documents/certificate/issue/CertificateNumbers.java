package ru.frmr.documents.certificate.issue;

import java.security.SecureRandom;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

/**
 * Справка numbers: 16 characters of Crockford base32 (80 bits) from a {@link SecureRandom}, never sequential, so
 * that the public verification does not let anyone walk the numbers. Each number is reserved once in its own
 * collection, whose {@code _id} makes it unique.
 */
@Component
public class CertificateNumbers {

    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    static final int LENGTH = 16;
    /** As printed ({@code XXXX-XXXX-XXXX-XXXX}) or without the hyphens; lower case is read as upper case. */
    private static final Pattern FORMAT = Pattern.compile("^[0-9A-HJKMNP-TV-Z]{4}(-?[0-9A-HJKMNP-TV-Z]{4}){3}$");

    private final MongoTemplate mongo;
    private final SecureRandom random = new SecureRandom();

    CertificateNumbers(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A fresh number, reserved for this request. */
    String reserve(String requestId) {
        while (true) {
            String number = draw();
            try {
                mongo.insert(new ReservedNumber(number, requestId));
                return number;
            } catch (DuplicateKeyException taken) {
                // 80 random bits make this all but impossible; draw again rather than issue a duplicate.
            }
        }
    }

    String draw() {
        char[] chars = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            chars[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new String(chars);
    }

    /**
     * The number in its stored form (16 characters, upper case, no hyphens), or null when {@code text} is not a
     * справка number.
     */
    public static String normalize(String text) {
        if (text == null) {
            return null;
        }
        String upper = text.strip().toUpperCase(java.util.Locale.ROOT);
        return FORMAT.matcher(upper).matches() ? upper.replace("-", "") : null;
    }

    @Document("certificate_numbers")
    record ReservedNumber(@Id String number, String requestId) {
    }
}
