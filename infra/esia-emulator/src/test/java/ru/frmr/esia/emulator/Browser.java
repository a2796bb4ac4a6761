package ru.frmr.esia.emulator;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A person's browser: keeps the emulator's session cookie, does not follow redirects, fills in the forms. */
final class Browser {

    private static final Pattern CSRF = Pattern.compile("<input type=\"hidden\" name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET().build());
    }

    HttpResponse<String> get(URI uri, String bearerToken) {
        return send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + bearerToken).GET().build());
    }

    HttpResponse<String> post(URI uri, Map<String, String> form) {
        return send(HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(EsiaClient.form(form)))
                .build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * From the authorization URI through the login and code pages, the way a person clicks through them.
     *
     * @return where the emulator finally sends the browser: the client's redirect URI with code and state
     */
    URI signIn(URI authorization, String login) {
        URI loginPage = expectRedirect(get(authorization));
        URI codePage = expectRedirect(post(loginPage, Map.of("login", login, "password", "Passw0rd!",
                "_csrf", csrf(get(loginPage)))));
        return expectRedirect(post(codePage, Map.of("code", "123456", "_csrf", csrf(get(codePage)))));
    }

    static URI expectRedirect(HttpResponse<?> response) {
        if (response.statusCode() != 302) {
            throw new AssertionError("expected a 302 from " + response.uri() + " but got " + response.statusCode()
                    + ": " + response.body());
        }
        return response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
    }

    static String csrf(HttpResponse<String> page) {
        Matcher matcher = CSRF.matcher(page.body());
        if (!matcher.find()) {
            throw new AssertionError("no CSRF token in the page from " + page.uri() + ": " + page.body());
        }
        return matcher.group(1);
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        Arrays.stream(uri.getRawQuery().split("&")).map(p -> p.split("=", 2)).forEach(p ->
                params.put(p[0], URLDecoder.decode(p.length > 1 ? p[1] : "", StandardCharsets.UTF_8)));
        return params;
    }
}
