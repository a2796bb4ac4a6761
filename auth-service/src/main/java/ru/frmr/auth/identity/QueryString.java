package ru.frmr.auth.identity;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code application/x-www-form-urlencoded} with spaces as {@code %20}: ESIA's space-separated scopes and
 * its timestamp ({@code ... +0300}) must arrive exactly as signed, whichever decoder the other side uses.
 */
public final class QueryString {

    private QueryString() {
    }

    public static String of(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
