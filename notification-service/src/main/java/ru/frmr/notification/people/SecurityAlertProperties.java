package ru.frmr.notification.people;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The security staff's mailboxes that receive the audit service's anomaly alerts, by a name of the deployment's
 * choosing ({@code soc: soc@example.ru}). Where none is configured, alerts are told to no one by e-mail (they stay
 * in the audit service's list). The platform's accounts carry no roles here (auth-service grants them per login),
 * so the alerts cannot go to the inboxes of auditors and administrators.
 */
@ConfigurationProperties("frmr.notification.security-alerts")
public record SecurityAlertProperties(Map<String, String> mailboxes) {

    public SecurityAlertProperties {
        mailboxes = mailboxes == null ? Map.of() : Map.copyOf(mailboxes);
    }
}
