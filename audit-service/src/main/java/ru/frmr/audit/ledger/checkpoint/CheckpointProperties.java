package ru.frmr.audit.ledger.checkpoint;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Signed checkpoints of the audit tree ({@code frmr.audit.checkpoints}).
 *
 * @param origin        the log's name, the checkpoint's first line ({@code frmr.ru/audit/v1})
 * @param keyName       the signature's key name; the origin when not set
 * @param signingKey    the Ed25519 private key, base64 of its PKCS#8 DER (bare or PEM); no default (a deployment
 *                      configures its own; the repository's development key is refused outside local and test)
 * @param everyEntries  a checkpoint once the tree grew by this many entries since the last one
 * @param every         or once this long passed since the last one and the tree grew at all
 * @param sweepInterval how often each replica looks (one at a time, under a ShedLock lock)
 * @param sweepEnabled  false: this replica never makes or publishes checkpoints
 * @param lockAtMostFor how long a replica that died mid-sweep keeps the others from sweeping
 */
@Validated
@ConfigurationProperties("frmr.audit.checkpoints")
public record CheckpointProperties(@NotBlank String origin, String keyName, @NotBlank String signingKey,
                                   @Min(1) Integer everyEntries, Duration every, Duration sweepInterval,
                                   Boolean sweepEnabled, Duration lockAtMostFor) {

    public CheckpointProperties {
        keyName = keyName == null || keyName.isBlank() ? origin : keyName;
        everyEntries = everyEntries == null ? 1000 : everyEntries;
        every = every == null ? Duration.ofMinutes(1) : every;
        sweepInterval = sweepInterval == null ? Duration.ofSeconds(1) : sweepInterval;
        sweepEnabled = sweepEnabled == null || sweepEnabled;
        lockAtMostFor = lockAtMostFor == null ? Duration.ofMinutes(5) : lockAtMostFor;
    }
}
