package ru.frmr.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a person's browser does, without a browser: a cookie jar, redirects followed one by one (so
 * each hop can be inspected), and HTML forms filled in and posted with their hidden fields.
 */
final class Browser {

    record Page(int status, URI uri, String location, String body) {

        /** The first form's action and its hidden inputs (CSRF tokens and the like). */
        Form form() {
            Matcher formTag = Pattern.compile("<form[^>]*action=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE).matcher(body);
            if (!formTag.find()) {
                throw new IllegalStateException("No form on " + uri + ": " + body);
            }
            Map<String, String> hidden = new LinkedHashMap<>();
            Matcher input = Pattern.compile("<input[^>]*>", Pattern.CASE_INSENSITIVE).matcher(body);
            while (input.find()) {
                String tag = input.group();
                if (tag.toLowerCase().contains("type=\"hidden\"")) {
                    hidden.put(attribute(tag, "name"), attribute(tag, "value"));
                }
            }
            return new Form(uri.resolve(htmlUnescape(formTag.group(1))), hidden);
        }

        private static String attribute(String tag, String name) {
            Matcher m = Pattern.compile(name + "=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE).matcher(tag);
            return m.find() ? htmlUnescape(m.group(1)) : "";
        }
    }

    record Form(URI action, Map<String, String> hidden) {
    }

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    Page get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET().header("User-Agent", "FRMR e2e browser"));
    }

    Page post(URI uri, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .header("User-Agent", "FRMR e2e browser")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Page postJson(URI uri, String json, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .header("User-Agent", "FRMR e2e browser")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request);
    }

    /** Posts {@code form} with its hidden fields and {@code fields}. */
    Page submit(Form form, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(form.hidden());
        all.putAll(fields);
        return post(form.action(), all);
    }

    /** Follows redirects from {@code page} until a non-redirect answer or until {@code stopAt} is reached. */
    Page follow(Page page, String stopAtPrefix) {
        Page current = page;
        for (int hops = 0; hops < 10 && current.status() / 100 == 3; hops++) {
            URI next = current.uri().resolve(current.location());
            if (stopAtPrefix != null && next.toString().startsWith(stopAtPrefix)) {
                return current;
            }
            current = get(next);
        }
        return current;
    }

    CookieManager cookies() {
        return cookies;
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpRequest built = request.timeout(java.time.Duration.ofSeconds(60)).build();
            HttpResponse<String> r = http.send(built, HttpResponse.BodyHandlers.ofString());
            return new Page(r.statusCode(), built.uri(), r.headers().firstValue("Location").orElse(null), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String htmlUnescape(String s) {
        return s.replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<")
                .replace("&gt;", ">");
    }
}
