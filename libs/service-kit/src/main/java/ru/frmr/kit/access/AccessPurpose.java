package ru.frmr.kit.access;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import ru.frmr.kit.error.InvalidParameterException;

/**
 * The purpose a reader states for opening one person's data: header {@value #HEADER} (percent-encoded UTF-8, so a
 * Russian text passes any proxy) or query parameter {@value #PARAMETER}; {@value #MIN}..{@value #MAX} characters.
 */
public final class AccessPurpose {

    public static final String HEADER = "X-Access-Purpose";
    public static final String PARAMETER = "purpose";
    public static final int MIN = 3;
    public static final int MAX = 300;

    /** Fixed purposes of the roles that do not state one. */
    public static final String HR_RECORDS = "кадровый учёт";
    public static final String SUPPORT_ANSWER = "ответ на обращение";
    /** An administrator deciding submitted changes: the queue and a worker's changes are that work itself. */
    public static final String MODERATION = "модерация изменений";
    /** Sending a справка by post: the postal queue shows name and address for the envelope. */
    public static final String POSTAL_DELIVERY = "отправка справки почтой";

    private AccessPurpose() {
    }

    /**
     * The stated purpose.
     *
     * @throws InvalidParameterException naming {@value #PARAMETER} when it is missing, malformed, too short or long
     */
    public static String stated(HttpServletRequest request) {
        String raw = Optional.ofNullable(request.getHeader(HEADER)).map(AccessPurpose::percentDecoded)
                .orElse(request.getParameter(PARAMETER));
        if (raw == null || raw.isBlank()) {
            throw new InvalidParameterException(PARAMETER, "state the purpose of opening this person's data ("
                    + HEADER + " header or purpose parameter)");
        }
        String purpose = raw.strip();
        int length = purpose.codePointCount(0, purpose.length());
        if (length < MIN || length > MAX) {
            throw new InvalidParameterException(PARAMETER, "must be " + MIN + " to " + MAX + " characters");
        }
        if (purpose.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidParameterException(PARAMETER, "must not contain control characters");
        }
        return purpose;
    }

    /** RFC 3986 percent-decoding as UTF-8 ({@code +} stays a plus sign, unlike form decoding). */
    static String percentDecoded(String value) {
        byte[] out = new byte[value.length()];
        int n = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%') {
                if (i + 2 >= value.length()) {
                    throw malformed();
                }
                int hi = Character.digit(value.charAt(i + 1), 16);
                int lo = Character.digit(value.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw malformed();
                }
                out[n++] = (byte) (hi * 16 + lo);
                i += 2;
            } else if (c < 0x80) {
                out[n++] = (byte) c;
            } else {
                throw malformed();
            }
        }
        var decoder = StandardCharsets.UTF_8.newDecoder();
        try {
            return decoder.decode(java.nio.ByteBuffer.wrap(out, 0, n)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw malformed();
        }
    }

    private static InvalidParameterException malformed() {
        return new InvalidParameterException(PARAMETER, "the " + HEADER + " header must be percent-encoded UTF-8");
    }
}
