package ru.frmr.rules.token;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;

import com.nimbusds.jose.jwk.JWKSet;

/** Reads the key set from auth-service's JWKS endpoint, bounded in time so a stalled one fails fast. */
public final class HttpKeySetFetcher implements CoolingDownKeySet.Fetcher {

    private static final int MAX_BODY_CHARS = 64 * 1024;

    private final URI jwksUri;
    private final Duration timeout;
    private final HttpClient http;

    public HttpKeySetFetcher(URI jwksUri, Duration timeout) {
        this.jwksUri = jwksUri;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public JWKSet fetch() throws IOException, ParseException {
        HttpRequest request = HttpRequest.newBuilder(jwksUri).timeout(timeout)
                .header("Accept", "application/json").GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while fetching the key set", e);
        }
        if (response.statusCode() != 200) {
            throw new IOException("The key set endpoint answered " + response.statusCode());
        }
        if (response.body().length() > MAX_BODY_CHARS) {
            throw new IOException("The key set is larger than " + MAX_BODY_CHARS + " characters");
        }
        return JWKSet.parse(response.body());
    }
}
