package ru.frmr.infra.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import ru.frmr.infra.embedded.EmbeddedSmtp;

class MailboxPageTest {

    @Test
    void listsNewestFirstAndEscapesMarkup() {
        String html = MailboxPage.render(List.of(
                new EmbeddedSmtp.Mail(List.of("a@frmr.test"), "first", "one"),
                new EmbeddedSmtp.Mail(List.of("b@frmr.test"), "second <b>", "<script>x</script>")));
        assertThat(html).contains("2 message(s)");
        assertThat(html.indexOf("second")).isLessThan(html.indexOf("first"));
        assertThat(html).contains("second &lt;b&gt;").doesNotContain("<script>");
    }
}
