package ru.frmr.notification.sms;

import java.net.http.HttpClient;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The SMS gateway's HTTP API: {@code POST {base-url}/api/v1/messages {"clientMessageId","to","text"}} answered
 * {@code 202 {"id","segments"}}; the gateway dedupes on {@code clientMessageId}.
 */
@Component
class HttpSmsGateway implements SmsGateway {

    private final RestClient http;

    HttpSmsGateway(SmsProperties properties, RestClient.Builder builder) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(properties.timeout()).build());
        requests.setReadTimeout(properties.timeout());
        this.http = builder.clone().baseUrl(properties.baseUrl().toString()).requestFactory(requests).build();
    }

    @Override
    public SmsReceipt send(String clientMessageId, String to, String text) {
        try {
            JsonNode answer = http.post().uri("/api/v1/messages").contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("clientMessageId", clientMessageId, "to", to, "text", text))
                    .retrieve().body(JsonNode.class);
            if (answer == null || !answer.hasNonNull("id") || !answer.path("segments").canConvertToInt()) {
                throw new SmsUnavailableException("The SMS gateway's answer has no id or segments", null);
            }
            return new SmsReceipt(answer.get("id").asText(), answer.get("segments").asInt());
        } catch (HttpClientErrorException.TooManyRequests busy) {
            throw new SmsUnavailableException("The SMS gateway asks to slow down", busy);
        } catch (HttpClientErrorException refused) {
            throw new SmsRejectedException("The SMS gateway refused the message: " + refused.getStatusCode());
        } catch (RestClientException unreachable) {
            throw new SmsUnavailableException("The SMS gateway is unavailable", unreachable);
        }
    }
}
