package ru.frmr.infra.embedded;

import java.nio.file.Path;

import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend made to keep what it acknowledged. The stock backend opens its MVStore with
 * the default one-second background commit, so a reply can leave before the write reaches the file and a
 * killed process loses up to a second of acknowledged writes. Here the MVStore has no background commit;
 * instead every command (OP_MSG, legacy query, or command) commits and syncs the file before its reply
 * goes out, whenever the store holds anything not yet on disk.
 *
 * <p>Why reads commit too: a reader (the Kafka relay's tracking query above all) may see another connection's
 * write whose own commit is still waiting for the lock. Committing before the reader's reply means nothing a
 * client has seen, acknowledged to it or not, can be taken back by a crash, so the relay never publishes an
 * event the event store could lose.
 *
 * <p>Commits are serialised by one lock; a command that finds nothing unsaved once it holds the lock was
 * covered by the commit before it (group commit), so concurrent writers share one sync.
 */
final class DurableH2Backend extends H2Backend {

    private static final int RETENTION_MILLIS = 1_000;
    // The background writer that is switched off also compacted: every so many commits, live pages of
    // chunks that are mostly dead are rewritten so their space can be reused (at most this much per round).
    private static final int COMPACT_EVERY_COMMITS = 100;
    private static final int TARGET_FILL_RATE = 50;
    private static final int COMPACT_WRITE_BYTES = 2 * 1024 * 1024;

    private final MVStore store;
    private final Object commitLock = new Object();
    private long commits;

    private DurableH2Backend(MVStore store) {
        super(store);
        this.store = store;
    }

    static DurableH2Backend open(Path file) {
        // No background writer: it would race the explicit commits (MVStore.commit gives up silently while
        // another thread stores), and every change is committed by the command that made it anyway.
        MVStore store = new MVStore.Builder()
                .fileName(file.toAbsolutePath().toString())
                .autoCommitDisabled()
                .open();
        // One chunk per commit: with the default 45 s before a dead chunk's space is reused, the file grew
        // eightfold in a benchmark. The long default covers disks that had not yet flushed the newer chunks;
        // here each commit is synced before the next one starts, which is the case H2 documents as safe.
        store.setRetentionTime(RETENTION_MILLIS);
        return new DurableH2Backend(store);
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        try {
            return super.handleMessage(message);
        } finally {
            persist();
        }
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        try {
            return super.handleCommand(channel, databaseName, command, query);
        } finally {
            persist();
        }
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        try {
            return super.handleQuery(query);
        } finally {
            persist();
        }
    }

    @Override
    public void dropDatabase(String databaseName) {
        try {
            super.dropDatabase(databaseName);
        } finally {
            persist();
        }
    }

    /** Commits what is in memory and forces it to the device; a no-op when nothing changed. */
    private void persist() {
        if (store.isClosed() || !store.hasUnsavedChanges()) {
            return;
        }
        synchronized (commitLock) {
            if (store.isClosed() || !store.hasUnsavedChanges()) {
                return;
            }
            store.commit();
            if (++commits % COMPACT_EVERY_COMMITS == 0 && store.compact(TARGET_FILL_RATE, COMPACT_WRITE_BYTES)) {
                store.commit();
            }
            store.sync();
        }
    }
}
