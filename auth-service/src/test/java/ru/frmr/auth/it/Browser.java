package ru.frmr.auth.it;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One person's browser: a cookie jar, no automatic redirects, a user agent. Talks to auth-service directly
 * where the gateway would route it: the emulator redirects to the registered
 * {@code http://localhost:8080/api/auth/esia/callback}, which this browser sends to auth-service instead.
 */
final class Browser {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String auth;
    private final String userAgent;

    Browser(int authPort, String userAgent) {
        this.auth = "http://127.0.0.1:" + authPort;
        this.userAgent = userAgent;
    }

    /** {@code GET /api/auth/esia/login}: the emulator's authorization URL. */
    URI startLogin() {
        return redirect(get(auth + "/api/auth/esia/login"));
    }

    /**
     * {@code GET /api/auth/esia/login?challenge=…} as the portal sends the browser there: the answer, whose
     * {@code Location} is the emulator's authorization URL.
     */
    HttpResponse<String> startPortalLogin(String challenge) {
        return get(auth + "/api/auth/esia/login?challenge=" + challenge);
    }

    /** Through the emulator's login and code pages; the callback URL it sends the browser to (re-addressed). */
    URI signInAtEmulator(URI authorization, String login) {
        URI loginPage = redirect(get(authorization.toString()));
        URI codePage = redirect(postForm(loginPage, Map.of("login", login, "password", "Passw0rd!",
                "_csrf", csrf(get(loginPage.toString())))));
        return toAuthService(redirect(postForm(codePage, Map.of("code", "123456",
                "_csrf", csrf(get(codePage.toString()))))));
    }

    /** Where the gateway would send a request for the public callback address. */
    URI toAuthService(URI publicCallback) {
        return URI.create(auth + publicCallback.getRawPath()
                + (publicCallback.getRawQuery() == null ? "" : "?" + publicCallback.getRawQuery()));
    }

    HttpResponse<String> get(String url) {
        return send(request(url).GET().build());
    }

    HttpResponse<String> get(String path, String bearer) {
        return send(request(auth + path).header("Authorization", "Bearer " + bearer).GET().build());
    }

    HttpResponse<String> postJson(String path, String json, String bearer) {
        HttpRequest.Builder b = request(auth + path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return send(b.build());
    }

    HttpResponse<String> post(String path, String bearer) {
        HttpRequest.Builder b = request(auth + path).POST(HttpRequest.BodyPublishers.noBody());
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return send(b.build());
    }

    HttpResponse<String> delete(String path, String bearer) {
        return send(request(auth + path).header("Authorization", "Bearer " + bearer).DELETE().build());
    }

    /** {@code POST /api/auth/token} with this browser's refresh cookie. */
    HttpResponse<String> refresh() {
        return post("/api/auth/token", null);
    }

    Optional<String> cookie(String name) {
        return cookies.getCookieStore().get(URI.create(auth + "/api/auth")).stream()
                .filter(c -> c.getName().equals(name)).map(HttpCookie::getValue).findFirst();
    }

    /** Puts a cookie back, as an attacker holding a stolen value would. */
    void setCookie(String name, String value) {
        cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).toList()
                .forEach(c -> cookies.getCookieStore().remove(null, c));
        HttpCookie cookie = new HttpCookie(name, value);
        cookie.setPath("/api/auth");
        cookie.setVersion(0);
        cookies.getCookieStore().add(URI.create(auth + "/api/auth"), cookie);
    }

    String authBase() {
        return auth;
    }

    private HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("User-Agent", userAgent);
    }

    private HttpResponse<String> postForm(URI uri, Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri).header("User-Agent", userAgent)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static URI redirect(HttpResponse<?> response) {
        if (response.statusCode() / 100 != 3) {
            throw new AssertionError("expected a redirect from " + response.uri() + " but got "
                    + response.statusCode() + ": " + response.body());
        }
        return response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
    }

    static String csrf(HttpResponse<String> page) {
        Matcher m = CSRF.matcher(page.body());
        if (!m.find()) {
            throw new AssertionError("no CSRF token in " + page.uri() + ": " + page.body());
        }
        return m.group(1);
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        Arrays.stream(uri.getRawQuery().split("&")).map(p -> p.split("=", 2)).forEach(p ->
                params.put(p[0], URLDecoder.decode(p.length > 1 ? p[1] : "", StandardCharsets.UTF_8)));
        return params;
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }
}
