package ru.frmr.notification.template;

/**
 * How many SMS parts a text takes. A text of GSM 03.38 characters only goes as 7-bit: 160 septets in one part, 153
 * per part when split (the rest carries the concatenation header); the extension table's characters ({@code ^ { } \ [
 * ~ ] | €}) take two septets and are never split between parts. Anything else (Cyrillic) makes the whole text UCS-2:
 * 70 UTF-16 units in one part, 67 per part, a surrogate pair kept whole.
 */
public final class SmsSegments {

    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENSION = "^{}\\[~]|€\f";

    private SmsSegments() {
    }

    public static boolean isGsm7(String text) {
        return text.chars().allMatch(c -> GSM_BASIC.indexOf(c) >= 0 || GSM_EXTENSION.indexOf(c) >= 0);
    }

    public static int count(String text) {
        if (text.isEmpty()) {
            return 1;
        }
        return isGsm7(text) ? parts(text, 160, 153, true) : parts(text, 70, 67, false);
    }

    /** Parts of {@code text} packed character by character, so that no two-unit character straddles two parts. */
    private static int parts(String text, int single, int perPart, boolean gsm) {
        int total = 0;
        int[] costs = new int[text.length()];
        int n = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int units = gsm ? (GSM_EXTENSION.indexOf(cp) >= 0 ? 2 : 1) : Character.charCount(cp);
            costs[n++] = units;
            total += units;
            i += Character.charCount(cp);
        }
        if (total <= single) {
            return 1;
        }
        int segments = 1;
        int used = 0;
        for (int i = 0; i < n; i++) {
            if (used + costs[i] > perPart) {
                segments++;
                used = 0;
            }
            used += costs[i];
        }
        return segments;
    }
}
