package ru.frmr.auth.identity;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpStatus;

/**
 * One HTTP exchange with an identity provider: a transport failure becomes a 502 problem, the answer's
 * body is parsed as JSON when it is JSON. What an error answer means is each provider's own business.
 */
public final class ProviderExchange {

    /** @param body the parsed body, or null when it is not JSON */
    public record Answer(int status, JsonNode body) {
    }

    private ProviderExchange() {
    }

    /** @param provider how the person-facing message names the provider, e.g. "ESIA" */
    public static Answer send(HttpClient http, ObjectMapper json, HttpRequest request, String provider) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IdentityProviderException(HttpStatus.BAD_GATEWAY, "identity-provider-unavailable",
                    provider + " could not be reached.", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IdentityProviderException(HttpStatus.BAD_GATEWAY, "identity-provider-unavailable",
                    "Interrupted while waiting for " + provider + ".", null);
        }
        JsonNode body;
        try {
            body = json.readTree(response.body());
        } catch (IOException notJson) {
            body = null;
        }
        return new Answer(response.statusCode(), body);
    }
}
