package ru.frmr.notification.people;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The official mailboxes of the supervisory authorities, by region code (two digits), and {@code default} for a
 * region without its own. Where none is configured, supervisors are not told by e-mail.
 */
@ConfigurationProperties("frmr.notification.supervision")
public record SupervisionProperties(Map<String, String> mailboxes) {

    public SupervisionProperties {
        mailboxes = mailboxes == null ? Map.of() : Map.copyOf(mailboxes);
    }

    String mailboxOf(String regionCode) {
        String own = regionCode == null ? null : mailboxes.get(regionCode);
        return own != null && !own.isBlank() ? own : mailboxes.get("default");
    }
}
