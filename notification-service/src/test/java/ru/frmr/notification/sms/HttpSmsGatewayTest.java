package ru.frmr.notification.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

import ru.frmr.infra.embedded.EmbeddedSmsGateway;

/** The HTTP client of the SMS gateway against the emulator that speaks the same API. */
class HttpSmsGatewayTest {

    private final EmbeddedSmsGateway emulator = EmbeddedSmsGateway.start("127.0.0.1", 0);
    private final HttpSmsGateway gateway = new HttpSmsGateway(new SmsProperties(URI.create(emulator.baseUrl()),
            Duration.ofSeconds(2)), RestClient.builder());

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void sendsAndAnswersTheGatewaysIdAndSegmentsOncePerClientMessageId() {
        String text = "Вход в личный кабинет ФРМР с нового устройства: Chrome, Linux. Если это были не вы, смените пароль.";
        SmsGateway.SmsReceipt first = gateway.send("n-1", "+79161234567", text);
        SmsGateway.SmsReceipt again = gateway.send("n-1", "+79161234567", text);

        assertThat(first.segments()).isEqualTo(2);
        assertThat(again).isEqualTo(first);
        assertThat(emulator.messages()).singleElement().satisfies(sms -> assertThat(sms.text()).isEqualTo(text));
    }

    @Test
    void aMessageTheGatewayRefusesIsRejectedWithoutItsNumber() {
        assertThatThrownBy(() -> gateway.send("n-2", "12-34", "Код: 1"))
                .isInstanceOf(SmsRejectedException.class)
                .hasMessageNotContaining("12-34");
    }

    @Test
    void aGatewayThatIsDownIsUnavailable() {
        emulator.stop();
        assertThatThrownBy(() -> gateway.send("n-3", "+79161234567", "Код: 1"))
                .isInstanceOf(SmsUnavailableException.class);
    }
}
