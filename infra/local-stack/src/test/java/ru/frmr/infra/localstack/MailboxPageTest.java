package ru.frmr.infra.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import ru.frmr.infra.embedded.EmbeddedSmsGateway;
import ru.frmr.infra.embedded.EmbeddedSmtp;
import ru.frmr.infra.embedded.SmsSegments;

class MailboxPageTest {

    @Test
    void listsNewestFirstAndEscapesMarkup() {
        String html = MailboxPage.render(List.of(
                new EmbeddedSmtp.Mail(List.of("a@frmr.test"), "first", "one"),
                new EmbeddedSmtp.Mail(List.of("b@frmr.test"), "second <b>", "<script>x</script>")), List.of());
        assertThat(html).contains("2 message(s)");
        assertThat(html.indexOf("second")).isLessThan(html.indexOf("first"));
        assertThat(html).contains("second &lt;b&gt;").doesNotContain("<script>");
    }

    @Test
    void listsTextsNewestFirstWithTheirSegmentsAndMoscowTime() {
        String html = MailboxPage.render(List.of(), List.of(
                new EmbeddedSmsGateway.Sms("1", "c-1", "+79160000001", "Код: 1", 1, SmsSegments.Encoding.UCS2,
                        Instant.parse("2026-03-02T09:00:00Z")),
                new EmbeddedSmsGateway.Sms("2", "c-2", "+79160000002", "<b>Срок</b>", 2, SmsSegments.Encoding.UCS2,
                        Instant.parse("2026-03-02T09:05:00Z"))));
        assertThat(html).contains("2 message(s)", "+79160000001", "2 (UCS2)", "02.03.2026 12:00:00");
        assertThat(html.indexOf("+79160000002")).isLessThan(html.indexOf("+79160000001"));
        assertThat(html).contains("&lt;b&gt;Срок").doesNotContain("<b>Срок");
    }
}
