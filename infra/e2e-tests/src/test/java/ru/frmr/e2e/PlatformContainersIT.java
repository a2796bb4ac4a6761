package ru.frmr.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import ru.frmr.contracts.EventTypes;
import ru.frmr.contracts.Topics;
import ru.frmr.infra.embedded.containers.ContainerTestInfra;
import ru.frmr.infra.embedded.containers.RequiresDocker;

/**
 * The platform's main path with every service as a process on real mongo (replica set) and Kafka images
 * (-Ptestcontainers), as PlatformE2EIT's first steps run it on the in-process ones, through the same {@link Platform},
 * {@link Login} and {@link Api}: a worker's first ESIA login provisions the record (auth-service's event, the
 * registry's idempotent consumer, its event store and relay), the worker reads it through the gateway, and the audit
 * ledger holds each of the registry's events once, in order, with its chain intact. The whole e2e suite can run on the
 * containers too: {@code -Dfrmr.test.infra=containers} (the SASL listener the agencies' classes use is the in-process
 * broker's only).
 */
@RequiresDocker
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlatformContainersIT {

    private static final String AUDIT_GROUP = "audit-service.audit-ledger";
    private static final Duration EVENTUALLY = Duration.ofSeconds(90);

    private Platform platform;

    @BeforeAll
    void startPlatform() throws IOException {
        platform = new Platform(Platform.freshLogDir(getClass()), ContainerTestInfra.get());
        platform.startAll();
    }

    @AfterAll
    void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void aFirstLoginProvisionsTheRecordWhoseEventsReachTheLedgerOnceInOrder() {
        Login.Session worker = Login.as(platform, "ivanova");
        String workerId = worker.workerId();
        Api gateway = new Api(platform.url(Platform.GATEWAY)).as(worker.accessToken());
        await().atMost(EVENTUALLY).until(() -> gateway.get("/api/registry/workers/" + workerId).status() == 200);
        JsonNode profile = gateway.get("/api/registry/workers/" + workerId).json();
        assertThat(profile.get("lastName").asText()).isEqualTo("Иванова");
        assertThat(profile.get("snils").asText()).isEqualTo("112-233-445 95");

        Api audit = new Api(platform.url(Platform.AUDIT)).as(Login.as(platform, "smirnov.audit").accessToken());
        await().atMost(EVENTUALLY).until(() -> events(audit, workerId).size() >= 2);
        // Everything published is consumed before counting, so a late duplicate would be seen here.
        await().atMost(EVENTUALLY).until(() -> platform.consumerGroupCaughtUp(AUDIT_GROUP));
        List<JsonNode> entries = events(audit, workerId);
        assertThat(entries).extracting(e -> e.get("type").asText())
                .containsExactly(EventTypes.WORKER_REGISTERED, EventTypes.WORKER_ACCOUNT_LINKED);
        JsonNode verify = audit.get("/api/audit/verify").json();
        assertThat(verify.get("intact").asBoolean()).as(verify.toString()).isTrue();
    }

    /** The ledger's entries of the worker's own events, without the reads of their data (access events). */
    private static List<JsonNode> events(Api audit, String subject) {
        Api.Response r = audit.get("/api/audit/entries?subject=" + subject + "&size=100");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        r.json().get("items").forEach(e -> {
            if (!Topics.ACCESS_EVENTS.equals(e.get("topic").asText())) {
                items.add(e);
            }
        });
        return items;
    }
}
