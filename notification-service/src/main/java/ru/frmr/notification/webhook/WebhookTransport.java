package ru.frmr.notification.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * POSTs one attempt. Redirects are never followed (a 3xx is a failed attempt: the agency fixes its URL, and a
 * redirect could lead past the address checks); the connect timeout and the answer timeout bound how long one
 * receiver can hold a sweep.
 */
public class WebhookTransport {

    private final HttpClient http;
    private final Duration readTimeout;

    WebhookTransport(Duration connectTimeout, Duration readTimeout) {
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(connectTimeout)
                .build();
        this.readTimeout = readTimeout;
    }

    /** @return the receiver's status code */
    int post(URI target, Map<String, String> headers, byte[] body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(readTimeout)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            // Only the status matters: the body is not read (a receiver streaming one without end would otherwise
            // hold the sweep past every timeout, which end once the headers are in).
            response.body().close();
            return response.statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
