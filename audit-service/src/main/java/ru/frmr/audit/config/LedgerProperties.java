package ru.frmr.audit.config;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Tunables of the ledger.
 *
 * @param maxAppendAttempts lost races for the next sequence one append tolerates before it fails and the
 *                          consumer retries it with back-off
 * @param verifyBatchSize   entries per cursor batch when verifying the chain
 */
@Validated
@ConfigurationProperties("frmr.audit.ledger")
public record LedgerProperties(@DefaultValue("50") @Min(1) int maxAppendAttempts,
                               @DefaultValue("500") @Min(1) int verifyBatchSize) {
}
