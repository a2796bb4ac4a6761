package ru.frmr.infra.localstack;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.sun.net.httpserver.HttpServer;

import ru.frmr.infra.embedded.EmbeddedSmsGateway;
import ru.frmr.infra.embedded.EmbeddedSmtp;

/**
 * The local stack's mailbox: a page listing what the platform sent to the local SMTP server (one-time
 * codes, notices) and to the SMS emulator (with each text's segment count), newest first, so a developer can log in
 * as a test person and see what the platform tells people. Local runs only.
 */
final class MailboxPage implements AutoCloseable {

    private static final DateTimeFormatter MOSCOW_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss")
            .withZone(ZoneId.of("Europe/Moscow"));

    private final HttpServer server;

    private MailboxPage(HttpServer server) {
        this.server = server;
    }

    static MailboxPage serve(EmbeddedSmtp smtp, EmbeddedSmsGateway sms, String host, int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
            server.createContext("/", exchange -> {
                byte[] body = render(smtp.messages(), sms.messages()).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.getResponseHeaders().set("Cache-Control", "no-store");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return new MailboxPage(server);
        } catch (IOException e) {
            throw new StartupException("Cannot serve the mailbox page on " + host + ":" + port, e);
        }
    }

    static String render(List<EmbeddedSmtp.Mail> mails, List<EmbeddedSmsGateway.Sms> texts) {
        List<EmbeddedSmtp.Mail> newestFirst = new ArrayList<>(mails);
        Collections.reverse(newestFirst);
        StringBuilder html = new StringBuilder("<!doctype html><meta charset=utf-8><title>FRMR local mailbox</title>"
                + "<h1>FRMR local mailbox</h1><p>" + mails.size() + " message(s)</p>");
        for (EmbeddedSmtp.Mail mail : newestFirst) {
            html.append("<article><h2>").append(escape(mail.subject())).append("</h2><p>To: ")
                    .append(escape(String.join(", ", mail.to()))).append("</p><pre>")
                    .append(escape(mail.text())).append("</pre></article>");
        }
        List<EmbeddedSmsGateway.Sms> newestTextsFirst = new ArrayList<>(texts);
        Collections.reverse(newestTextsFirst);
        html.append("<h1>SMS</h1><p>").append(texts.size()).append(" message(s)</p><table><tr><th>To</th>")
                .append("<th>Text</th><th>Segments</th><th>Received (Moscow)</th></tr>");
        for (EmbeddedSmsGateway.Sms sms : newestTextsFirst) {
            html.append("<tr><td>").append(escape(sms.to())).append("</td><td><pre>").append(escape(sms.text()))
                    .append("</pre></td><td>").append(sms.segments()).append(" (").append(sms.encoding())
                    .append(")</td><td>").append(MOSCOW_TIME.format(sms.receivedAt())).append("</td></tr>");
        }
        html.append("</table>");
        return html.toString();
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
