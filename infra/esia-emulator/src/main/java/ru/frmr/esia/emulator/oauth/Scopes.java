package ru.frmr.esia.emulator.oauth;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/** ESIA's {@code scope}: names separated by spaces. */
public final class Scopes {

    private Scopes() {
    }

    public static List<String> parse(String scope) {
        return Arrays.stream(scope.trim().split(" +")).filter(s -> !s.isEmpty()).distinct().toList();
    }

    public static String format(Collection<String> scopes) {
        return String.join(" ", scopes);
    }
}
