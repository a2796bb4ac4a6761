package ru.frmr.registry.query;

import java.util.Optional;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/** Reads of the worker read model. */
@Service
public class WorkerQueries {

    private final MongoTemplate mongo;

    public WorkerQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<WorkerView> byId(String workerId) {
        return Optional.ofNullable(mongo.findById(workerId, WorkerView.class));
    }
}
