package ru.frmr.registry.query;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Reads of the worker read model. */
@Service
public class WorkerQueries {

    /** By name, then by registry number, so that pages do not shift between requests. */
    private static final Sort BY_NAME = Sort.by("nameKey", "_id");

    private final MongoTemplate mongo;

    public WorkerQueries(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(WorkerView.class).ensureIndex(new Index("nameKey", Sort.Direction.ASC));
    }

    public Optional<WorkerView> byId(String workerId) {
        return Optional.ofNullable(mongo.findById(workerId, WorkerView.class));
    }

    /** The views of these workers; a worker the view does not know (yet) is missing. */
    public List<WorkerView> byIds(Collection<String> workerIds) {
        return mongo.find(Query.query(Criteria.where("_id").in(workerIds)), WorkerView.class);
    }

    /** One page of the workers whose {@link NameKey} starts with {@code prefix}, by name. */
    public List<WorkerView> byNamePrefix(String prefix, int page, int size) {
        return mongo.find(namePrefix(prefix).with(BY_NAME).skip((long) page * size).limit(size), WorkerView.class);
    }

    /**
     * Every worker whose {@link NameKey} starts with {@code prefix}, by name, as a stream the caller must close: for
     * lists filtered by something the query cannot express (a regional supervisor's scope).
     */
    public Stream<WorkerView> allByNamePrefix(String prefix) {
        return mongo.stream(namePrefix(prefix).with(BY_NAME), WorkerView.class);
    }

    public long countByNamePrefix(String prefix) {
        return mongo.count(namePrefix(prefix), WorkerView.class);
    }

    /** Anchored and case-sensitive on the normalised key: MongoDB answers it from the index's range. */
    private static Query namePrefix(String prefix) {
        return Query.query(Criteria.where("nameKey").regex("^" + Pattern.quote(NameKey.normalized(prefix))));
    }
}
