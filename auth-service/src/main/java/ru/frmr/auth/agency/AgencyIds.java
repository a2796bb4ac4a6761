package ru.frmr.auth.agency;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/** Agency ids ({@code ag-} and 12 lower-case base32 characters, 60 random bits) and their Kafka user names. */
public final class AgencyIds {

    public static final String PATTERN = "^ag-[a-z2-7]{12}$";
    private static final Pattern ID = Pattern.compile(PATTERN);
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
    private static final SecureRandom RANDOM = new SecureRandom();

    private AgencyIds() {
    }

    public static String newId() {
        StringBuilder id = new StringBuilder("ag-");
        for (int i = 0; i < 12; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }

    public static boolean isValid(String agencyId) {
        return agencyId != null && ID.matcher(agencyId).matches();
    }

    /** The agency's SCRAM user: {@code agency-<agencyId without "ag-">}. */
    public static String kafkaUsername(String agencyId) {
        return "agency-" + agencyId.substring("ag-".length());
    }

    /** Consumer groups the agency may use start with this (a PREFIXED ACL). */
    public static String groupPrefix(String username) {
        return username + ".";
    }
}
