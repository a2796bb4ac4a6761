package ru.frmr.kit.observability;

import org.bson.Document;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Mongo health by {@code ping}: Boot's own indicator sends {@code hello}, which the embedded wire server
 * of local runs and tests does not know, so it would report DOWN against a healthy server. {@code ping}
 * means the same on real MongoDB.
 */
public class MongoPingHealthIndicator extends AbstractHealthIndicator {

    private final MongoTemplate mongo;

    public MongoPingHealthIndicator(MongoTemplate mongo) {
        super("MongoDB health check failed");
        this.mongo = mongo;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document result = mongo.executeCommand(new Document("ping", 1));
        builder.status(result.get("ok") instanceof Number ok && ok.doubleValue() == 1.0 ? "UP" : "DOWN");
    }
}
