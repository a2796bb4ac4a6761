package ru.frmr.notification.delivery.send;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * E-mail notices ({@code frmr.notification.mail}); the SMTP server itself is Spring's {@code spring.mail.*}.
 *
 * @param from the sender's address
 */
@ConfigurationProperties("frmr.notification.mail")
public record NoticeMailProperties(String from) {

    public NoticeMailProperties {
        from = from == null ? "noreply@frmr.local" : from;
    }
}
