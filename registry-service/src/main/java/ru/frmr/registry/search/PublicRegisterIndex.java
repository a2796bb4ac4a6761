package ru.frmr.registry.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.MMapDirectory;

/**
 * The public register's search projection: one Lucene index per service instance, fed with
 * {@link PublicWorkerDocument}s and rebuildable from scratch ({@link #clear()}, then
 * {@link #upsert} every worker). It is a projection, so it holds nothing that cannot be
 * derived again from the record's events.
 *
 * <p>License statuses, in filters and in the documents returned, are those of the day of the search
 * (by the index's clock), so a license expires in the register on its day without being re-indexed.
 *
 * <p>Searches see every write made before them: each search first refreshes the near-real-time
 * reader if the writer has changes, which is cheap when it has none.
 */
public final class PublicRegisterIndex implements Closeable {

    /** Larger than Lucene's default, so that a rebuild flushes fewer, bigger segments. */
    private static final double RAM_BUFFER_MB = 64;
    /** Licenses end on the register's day, as the law's deadlines do: Moscow time. */
    private static final ZoneId REGISTER_ZONE = ZoneId.of("Europe/Moscow");

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final PublicSearchQueryTranslator translator = new PublicSearchQueryTranslator();
    private final Clock clock;

    private PublicRegisterIndex(Directory directory, Clock clock) throws IOException {
        this.directory = directory;
        this.clock = Objects.requireNonNull(clock, "clock");
        IndexWriterConfig config = new IndexWriterConfig(PublicWorkerFields.analyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(RAM_BUFFER_MB);
        this.writer = new IndexWriter(directory, config);
        this.searchers = new SearcherManager(writer, null);
    }

    /** An index on the heap: for tests and for instances that rebuild on every start. */
    public static PublicRegisterIndex inMemory() {
        return inMemory(Clock.systemUTC());
    }

    /** @param clock decides which licenses are valid when a search runs */
    public static PublicRegisterIndex inMemory(Clock clock) {
        return open(new ByteBuffersDirectory(), clock);
    }

    /** An index memory-mapped from {@code path}, kept across restarts; created if absent. */
    public static PublicRegisterIndex onDisk(Path path) {
        return onDisk(path, Clock.systemUTC());
    }

    public static PublicRegisterIndex onDisk(Path path, Clock clock) {
        try {
            return open(new MMapDirectory(path), clock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PublicRegisterIndex open(Directory directory, Clock clock) {
        try {
            return new PublicRegisterIndex(directory, clock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds the worker or replaces what the index held for the same workerId. */
    public void upsert(PublicWorkerDocument worker) {
        Objects.requireNonNull(worker, "worker");
        try {
            writer.updateDocument(idTerm(worker.workerId()), PublicWorkerFields.toLucene(worker));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes the worker; removing one that is not there does nothing. */
    public void delete(String workerId) {
        Objects.requireNonNull(workerId, "workerId");
        try {
            writer.deleteDocuments(idTerm(workerId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Empties the index, the first step of a rebuild. */
    public void clear() {
        try {
            writer.deleteAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes the writes so far durable in the directory (they are searchable without it). */
    public void commit() {
        try {
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The worker as the index holds them, or empty; sees every write made before the call. */
    public Optional<PublicWorkerDocument> find(String workerId) {
        Objects.requireNonNull(workerId, "workerId");
        try {
            searchers.maybeRefresh();
            IndexSearcher searcher = searchers.acquire();
            try {
                TopDocs top = searcher.search(new TermQuery(idTerm(workerId)), 1);
                if (top.scoreDocs.length == 0) {
                    return Optional.empty();
                }
                return Optional.of(PublicWorkerFields.fromStored(searcher.storedFields()
                        .document(top.scoreDocs[0].doc, PublicWorkerFields.storedFields())).asOf(today()));
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public PublicSearchPage search(PublicSearchQuery query) {
        Objects.requireNonNull(query, "query");
        try {
            searchers.maybeRefresh();
            IndexSearcher searcher = searchers.acquire();
            try {
                return search(searcher, query);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PublicSearchPage search(IndexSearcher searcher, PublicSearchQuery query) throws IOException {
        LocalDate today = today();
        Query lucene = translator.toLucene(query, today);
        int from = query.page() * query.size();
        TopDocs top = searcher.search(lucene, from + query.size(), translator.sortFor(query), false);
        StoredFields stored = searcher.storedFields();
        List<PublicWorkerDocument> items = new ArrayList<>();
        for (int i = from; i < top.scoreDocs.length; i++) {
            ScoreDoc hit = top.scoreDocs[i];
            items.add(PublicWorkerFields.fromStored(stored.document(hit.doc, PublicWorkerFields.storedFields()))
                    .asOf(today));
        }
        return new PublicSearchPage(items, total(searcher, lucene, top), query.page(), query.size());
    }

    /** Lucene stops counting early once it knows the top hits; the page still needs the exact total. */
    private static long total(IndexSearcher searcher, Query query, TopDocs top) throws IOException {
        return top.totalHits.relation == TotalHits.Relation.EQUAL_TO ? top.totalHits.value : searcher.count(query);
    }

    /** The register's day now: license statuses are as of this day, both in filters and in what is shown. */
    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), REGISTER_ZONE);
    }

    private static Term idTerm(String workerId) {
        return new Term(PublicWorkerFields.WORKER_ID, workerId);
    }

    @Override
    public void close() {
        try (directory; writer; searchers) {
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
