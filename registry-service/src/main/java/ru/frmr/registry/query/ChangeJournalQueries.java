package ru.frmr.registry.query;

import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Reads of the change journal. */
@Service
public class ChangeJournalQueries {

    private final MongoTemplate mongo;

    public ChangeJournalQueries(MongoTemplate mongo) {
        this.mongo = mongo;
        // A worker's journal, oldest first, in this index's order.
        mongo.indexOps(JournalEntryView.class).ensureIndex(new Index("workerId", Sort.Direction.ASC)
                .on("at", Sort.Direction.ASC).on("_id", Sort.Direction.ASC));
    }

    /** Oldest first. */
    public List<JournalEntryView> ofWorker(String workerId) {
        return mongo.find(Query.query(Criteria.where("workerId").is(workerId)).with(Sort.by("at", "_id")),
                JournalEntryView.class);
    }
}
