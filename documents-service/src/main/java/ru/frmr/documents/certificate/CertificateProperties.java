package ru.frmr.documents.certificate;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of справки ({@code frmr.documents.certificates}).
 *
 * @param publicBaseUrl  where the public verification page is ({@code <base>/verify/<number>}, the QR code's link);
 *                       no default: each deployment names its own
 * @param validFor       how long a справка is valid from its issue date (Moscow)
 * @param mail           the e-mail delivery's retries
 */
@Validated
@ConfigurationProperties("frmr.documents.certificates")
public record CertificateProperties(@NotNull URI publicBaseUrl, Duration validFor, Mail mail) {

    public CertificateProperties {
        validFor = validFor == null ? Duration.ofDays(30) : validFor;
        mail = mail == null ? new Mail(null, null, null, null, null, null) : mail;
    }

    /** The QR code's link for a справка number. */
    public String verificationUrl(String groupedNumber) {
        String base = publicBaseUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/verify/" + groupedNumber;
    }

    /**
     * @param from          the sender's address
     * @param sweepInterval how often each replica looks for e-mails due
     * @param firstRetry    the pause after the first failed attempt; doubled after each further one
     * @param maxRetry      the longest pause between attempts
     * @param lockAtMostFor how long a replica that died mid-sweep keeps the others from sweeping
     * @param sweepEnabled  false: this replica never sends (tests that drive the sweeper by hand)
     */
    public record Mail(String from, Duration sweepInterval, Duration firstRetry, Duration maxRetry,
                       Duration lockAtMostFor, Boolean sweepEnabled) {

        public Mail {
            from = from == null ? "noreply@frmr.local" : from;
            sweepInterval = sweepInterval == null ? Duration.ofSeconds(2) : sweepInterval;
            firstRetry = firstRetry == null ? Duration.ofSeconds(30) : firstRetry;
            maxRetry = maxRetry == null ? Duration.ofMinutes(30) : maxRetry;
            lockAtMostFor = lockAtMostFor == null ? Duration.ofMinutes(5) : lockAtMostFor;
            sweepEnabled = sweepEnabled == null || sweepEnabled;
        }
    }
}
