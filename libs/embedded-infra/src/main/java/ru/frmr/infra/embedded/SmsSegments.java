package ru.frmr.infra.embedded;

/**
 * How many parts an SMS takes, as operators bill it. Text in the GSM 7-bit alphabet: 160 characters in one part,
 * 153 per part when split (the rest carries the concatenation header), characters of the extension table counting
 * twice. Anything else (Cyrillic) goes as UCS-2: 70 characters in one part, 67 per part when split.
 */
public final class SmsSegments {

    /** The encoding a text goes out in. */
    public enum Encoding { GSM7, UCS2 }

    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENSION = "\f^{}\\[~]|€";

    private SmsSegments() {
    }

    public static Encoding encoding(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (GSM_BASIC.indexOf(c) < 0 && GSM_EXTENSION.indexOf(c) < 0) {
                return Encoding.UCS2;
            }
        }
        return Encoding.GSM7;
    }

    /** The parts {@code text} takes; 0 for an empty text. */
    public static int count(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        if (encoding(text) == Encoding.UCS2) {
            // UTF-16 code units: a character outside the BMP takes two, as on the air.
            return parts(text.length(), 70, 67);
        }
        int septets = 0;
        for (int i = 0; i < text.length(); i++) {
            septets += GSM_EXTENSION.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
        }
        return parts(septets, 160, 153);
    }

    private static int parts(int units, int single, int perPart) {
        return units <= single ? 1 : (units + perPart - 1) / perPart;
    }
}
