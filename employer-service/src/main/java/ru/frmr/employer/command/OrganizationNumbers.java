package ru.frmr.employer.command;

import java.util.regex.Pattern;

/**
 * The state registration numbers of a legal entity and their check digits, as the ФНС defines them: ОГРН (13 digits,
 * the 13th is the first twelve as a number modulo 11, modulo 10), an organisation's ИНН (10 digits, the 10th is a
 * weighted sum of the first nine modulo 11, modulo 10), КПП (9 characters: the tax office's 4 digits, a reason of 2
 * digits or capital Latin letters, a 3-digit number). A ФРМО identifier is an OID under the ФРМО's branch
 * {@code 1.2.643.5.1.13.13.12.2}, followed by the region and the organisation's number there.
 */
public final class OrganizationNumbers {

    /** The ФРМО's OID branch (register of medical organisations of the Unified State Health Information System). */
    public static final String FRMO_BRANCH = "1.2.643.5.1.13.13.12.2";

    private static final Pattern OGRN = Pattern.compile("[15]\\d{12}");
    private static final Pattern INN = Pattern.compile("\\d{10}");
    private static final Pattern KPP = Pattern.compile("\\d{4}[0-9A-Z]{2}\\d{3}");
    private static final Pattern FRMO_ID = Pattern.compile(Pattern.quote(FRMO_BRANCH)
            + "\\.([1-9]\\d?)\\.([1-9]\\d{0,9})(\\.[1-9]\\d{0,9}){0,3}");
    private static final int[] INN_WEIGHTS = {2, 4, 10, 3, 5, 9, 4, 6, 8};

    private OrganizationNumbers() {
    }

    /** An organisation's ОГРН (it starts with 1 or 5; 15-digit ОГРНИП belong to entrepreneurs, not here). */
    public static boolean ogrnValid(String ogrn) {
        if (ogrn == null || !OGRN.matcher(ogrn).matches()) {
            return false;
        }
        return Long.parseLong(ogrn.substring(0, 12)) % 11 % 10 == ogrn.charAt(12) - '0';
    }

    /** An organisation's 10-digit ИНН (12 digits are a person's). */
    public static boolean innValid(String inn) {
        if (inn == null || !INN.matcher(inn).matches()) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < INN_WEIGHTS.length; i++) {
            sum += (inn.charAt(i) - '0') * INN_WEIGHTS[i];
        }
        return sum % 11 % 10 == inn.charAt(9) - '0';
    }

    public static boolean kppValid(String kpp) {
        return kpp != null && KPP.matcher(kpp).matches();
    }

    public static boolean frmoIdValid(String frmoId) {
        return frmoId != null && frmoId.length() <= 128 && FRMO_ID.matcher(frmoId).matches();
    }

    /** The region number inside a valid ФРМО identifier (77 in {@code 1.2.643.5.1.13.13.12.2.77.7830}). */
    static int frmoRegion(String frmoId) {
        var matcher = FRMO_ID.matcher(frmoId);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a ФРМО identifier");
        }
        return Integer.parseInt(matcher.group(1));
    }
}
