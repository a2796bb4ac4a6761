package ru.frmr.observability;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The few calls of Prometheus' HTTP API the check makes. */
public final class PrometheusClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    /**
     * The outcome of an instant query.
     *
     * @param error  Prometheus' error ({@code bad_data: parse error ...}), null when it answered
     * @param series how many series it answered (a scalar or string counts as one)
     * @param first  the value of the first series or of the scalar, NaN when there is none
     */
    public record QueryResult(String error, int series, double first) {
    }

    /**
     * One scrape target as Prometheus sees it.
     *
     * @param service   its {@code service} label
     * @param health    {@code up}, {@code down} or {@code unknown} (not scraped yet)
     * @param lastError why the last scrape failed, empty when it did not
     */
    public record Target(String service, String scrapeUrl, String health, String lastError) {
    }

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** @param baseUrl such as {@code http://127.0.0.1:9090} */
    public PrometheusClient(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** Whether Prometheus answers {@code /-/ready} (it has loaded its storage and serves queries). */
    public boolean isReady() {
        try {
            return send(HttpRequest.newBuilder(URI.create(baseUrl + "/-/ready")).GET()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    public List<Target> targets() throws IOException {
        JsonNode data = data(send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/targets?state=active"))
                .GET()));
        List<Target> targets = new ArrayList<>();
        for (JsonNode t : data.path("activeTargets")) {
            targets.add(new Target(t.path("labels").path("service").asText(""), t.path("scrapeUrl").asText(""),
                    t.path("health").asText(""), t.path("lastError").asText("")));
        }
        return targets;
    }

    /** An instant query at the current time. */
    public QueryResult query(String expression) throws IOException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/query"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("query=" + encode(expression))));
        JsonNode body = body(response);
        if (!"success".equals(body.path("status").asText())) {
            return new QueryResult(body.path("errorType").asText("error") + ": " + body.path("error").asText(
                    response.body()), 0, Double.NaN);
        }
        JsonNode data = body.path("data");
        String type = data.path("resultType").asText();
        JsonNode result = data.path("result");
        boolean single = type.equals("scalar") || type.equals("string");
        int series = single ? 1 : result.size();
        // A sample is [time, "value"]; a vector's series carry it as "value" (a matrix's as "values", not read).
        JsonNode sample = single ? result : result.path(0).path("value");
        double first = Double.NaN;
        if (sample.size() == 2) {
            try {
                first = Double.parseDouble(sample.get(1).asText());
            } catch (NumberFormatException e) {
                // A string result: no number.
            }
        }
        return new QueryResult(null, series, first);
    }

    /** The values of a label, among the series {@code match} selects (all series when it is empty). */
    public List<String> labelValues(String label, String match) throws IOException {
        String url = baseUrl + "/api/v1/label/" + encode(label) + "/values"
                + (match.isBlank() ? "" : "?match[]=" + encode(match));
        JsonNode data = data(send(HttpRequest.newBuilder(URI.create(url)).GET()));
        List<String> values = new ArrayList<>();
        data.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static JsonNode data(HttpResponse<String> response) throws IOException {
        JsonNode body = body(response);
        if (!"success".equals(body.path("status").asText())) {
            throw new IOException("Prometheus answered " + response.statusCode() + ": " + response.body());
        }
        return body.path("data");
    }

    private static JsonNode body(HttpResponse<String> response) throws IOException {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IOException("Prometheus answered " + response.statusCode() + " with no JSON: "
                    + response.body(), e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        try {
            return http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
