package ru.frmr.registry.query;

import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Reads of the change journal. */
@Service
public class ChangeJournalQueries {

    private final MongoTemplate mongo;

    public ChangeJournalQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Oldest first. */
    public List<JournalEntryView> ofWorker(String workerId) {
        return mongo.find(Query.query(Criteria.where("workerId").is(workerId)).with(Sort.by("at", "_id")),
                JournalEntryView.class);
    }
}
