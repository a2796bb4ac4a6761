package ru.frmr.infra.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EmbeddedSmsGatewayTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final EmbeddedSmsGateway gateway = EmbeddedSmsGateway.start("127.0.0.1", 0);

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void acceptsAMessageCountsItsSegmentsAndDedupesOnTheClientId() throws Exception {
        String text = "Срок вашей аккредитации истекает через 30 дней. Продлите её в личном кабинете ФРМР.";
        HttpResponse<String> first = post("""
                {"clientMessageId":"n-1","to":"+79161234567","text":"%s"}""".formatted(text));
        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(first.body()).contains("\"segments\":2");
        HttpResponse<String> again = post("""
                {"clientMessageId":"n-1","to":"+79161234567","text":"%s"}""".formatted(text));
        assertThat(again.body()).isEqualTo(first.body());

        assertThat(gateway.messagesTo("+79161234567")).singleElement().satisfies(sms -> {
            assertThat(sms.text()).isEqualTo(text);
            assertThat(sms.segments()).isEqualTo(2);
            assertThat(sms.encoding()).isEqualTo(SmsSegments.Encoding.UCS2);
        });
        HttpResponse<String> list = HTTP.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl()
                + "/api/v1/messages")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(list.body()).contains("\"to\":\"+79161234567\"", "\"segments\":2");
    }

    @Test
    void refusesAMalformedMessageNamingTheFields() throws Exception {
        HttpResponse<String> response = post("""
                {"clientMessageId":"n-2","to":"not a number","text":""}""");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("to", "text");
        assertThat(gateway.messages()).isEmpty();
    }

    @Test
    void stoppedItRefusesConnectionsAndRestartedItKeepsWhatItHad() throws Exception {
        post("""
                {"clientMessageId":"n-3","to":"+79161234567","text":"Code 1"}""");
        gateway.stop();
        assertThatThrownBy(() -> post("""
                {"clientMessageId":"n-4","to":"+79161234567","text":"Code 2"}""")).isInstanceOf(ConnectException.class);
        gateway.restart();
        assertThat(post("""
                {"clientMessageId":"n-4","to":"+79161234567","text":"Code 2"}""").statusCode()).isEqualTo(202);
        assertThat(gateway.messages()).extracting(EmbeddedSmsGateway.Sms::clientMessageId)
                .containsExactly("n-3", "n-4");
    }

    private HttpResponse<String> post(String json) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/api/v1/messages"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
