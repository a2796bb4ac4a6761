package ru.frmr.audit.ledger.verification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ru.frmr.audit.ledger.LedgerQueries;
import ru.frmr.audit.ledger.Verification;
import ru.frmr.audit.ledger.checkpoint.CheckpointAudit;
import ru.frmr.audit.ledger.checkpoint.CheckpointVerification;
import ru.frmr.audit.ledger.checkpoint.Checkpoints;
import ru.frmr.kit.observability.CachedValue;

/**
 * Verifies the ledger on a schedule, so a broken chain is an alert and not a surprise at the next audit: the hash
 * chain from the first entry, then the stored entries against the latest signed checkpoint (which recomputes the
 * tree's root from them). One replica at a time (ShedLock); each result is appended to {@value #COLLECTION} (insert
 * only, like everything of the ledger's: a history of the checks, 288 small documents a day), and every replica's
 * gauges show the newest, so they agree, and a restart does not forget a failure:
 * {@code frmr_audit_chain_verified} (1 passed, 0 failed or never run) and
 * {@code frmr_audit_chain_verified_at_seconds} (when; 0 never).
 */
public class LedgerVerifications {

    static final String LOCK_NAME = "audit-verification";
    static final String COLLECTION = "audit_verifications";
    static final String VERIFIED = "frmr.audit.chain.verified";
    static final String VERIFIED_AT = "frmr.audit.chain.verified_at";

    private static final Logger log = LoggerFactory.getLogger(LedgerVerifications.class);
    private static final String PASSED = "passed";
    private static final String AT = "at";
    private static final String ENTRIES = "entries";

    private final LedgerQueries ledger;
    private final Checkpoints checkpoints;
    private final CheckpointAudit checkpointAudit;
    private final MongoCollection<Document> results;
    private final Clock clock;
    private final LockingTaskExecutor locks;
    private final Duration lockAtMostFor;
    private final Duration lockAtLeastFor;
    private final CachedValue verified;
    private final CachedValue verifiedAt;

    public LedgerVerifications(LedgerQueries ledger, Checkpoints checkpoints, CheckpointAudit checkpointAudit,
                               MongoCollection<Document> results, Clock clock, LockProvider lockProvider,
                               Duration lockAtMostFor, Duration lockAtLeastFor) {
        this.ledger = ledger;
        this.checkpoints = checkpoints;
        this.checkpointAudit = checkpointAudit;
        this.results = results;
        results.createIndex(Indexes.descending(AT));
        this.clock = clock;
        this.locks = new DefaultLockingTaskExecutor(lockProvider);
        this.lockAtMostFor = lockAtMostFor;
        this.lockAtLeastFor = lockAtLeastFor;
        this.verified = new CachedValue(VERIFIED, () -> last().map(r -> r.passed() ? 1.0 : 0.0).orElse(0.0),
                CachedValue.DEFAULT_TTL, clock);
        this.verifiedAt = new CachedValue(VERIFIED_AT,
                () -> last().map(r -> r.at().toEpochMilli() / 1000.0).orElse(0.0), CachedValue.DEFAULT_TTL, clock);
    }

    public void registerGauges(MeterRegistry registry) {
        Gauge.builder(VERIFIED, verified, CachedValue::getAsDouble).strongReference(true)
                .description("1 when the ledger's last periodic verification passed, 0 when it failed or none ran")
                .register(registry);
        Gauge.builder(VERIFIED_AT, verifiedAt, CachedValue::getAsDouble).strongReference(true).baseUnit("seconds")
                .description("Unix time of the ledger's last periodic verification, 0 before the first")
                .register(registry);
    }

    /**
     * One verification, unless another replica is verifying right now or verified less than an interval ago (the
     * lock is held for nearly an interval, see {@link VerificationProperties#lockAtLeastFor()}).
     */
    public void verify() {
        // The lock's times are ShedLock's wall clock, not the injected one: the replicas compare them.
        locks.executeWithLock((Runnable) this::verifyWithoutLock,
                new LockConfiguration(ClockProvider.now(), LOCK_NAME, lockAtMostFor, lockAtLeastFor));
    }

    /** One verification without the lock: the chain, then the tree against the latest checkpoint; stores the result. */
    public boolean verifyWithoutLock() {
        Verification chain = ledger.verify();
        boolean passed = chain.intact();
        if (passed) {
            // CheckpointAudit logs what differs; LedgerQueries has logged a broken chain.
            passed = checkpoints.latest()
                    .map(latest -> checkpointAudit.verify(latest.note()))
                    .map(CheckpointVerification::consistent)
                    .orElse(true);
        }
        Instant at = clock.instant();
        results.insertOne(new Document(PASSED, passed).append(AT, Date.from(at)).append(ENTRIES, chain.entries()));
        if (passed) {
            log.info("Audit ledger verified: {} entries intact", chain.entries());
        } else {
            log.warn("Audit ledger verification failed");
        }
        return passed;
    }

    Optional<Result> last() {
        Document document = results.find().sort(Sorts.descending(AT)).limit(1).first();
        return Optional.ofNullable(document)
                .map(d -> new Result(d.getBoolean(PASSED, false), d.getDate(AT).toInstant()));
    }

    record Result(boolean passed, Instant at) {
    }
}
