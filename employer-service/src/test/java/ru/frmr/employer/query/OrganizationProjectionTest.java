package ru.frmr.employer.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import ru.frmr.employer.api.HrRightGrantedEvent;
import ru.frmr.employer.api.HrRightRevokedEvent;
import ru.frmr.employer.api.MedicalOrganizationCorrectedEvent;
import ru.frmr.employer.api.MedicalOrganizationRegisteredEvent;
import ru.frmr.employer.api.OrganizationDetails;
import ru.frmr.infra.embedded.EmbeddedMongo;

/** The organisations read model against the Mongo wire server: re-delivered events change nothing. */
class OrganizationProjectionTest {

    private static final Instant T0 = Instant.parse("2026-02-19T09:00:00Z");
    private static final OrganizationDetails CARD = new OrganizationDetails("ГБУЗ «Городская поликлиника № 7»",
            "1027700132195", "7707083893", "773601001", "1.2.643.5.1.13.13.12.2.77.7830", "77", "г. Москва");
    private static final OrganizationDetails RENAMED = new OrganizationDetails("ГБУЗ «Поликлиника № 7 ДЗМ»",
            "1027700132195", "7707083893", "773601001", "1.2.643.5.1.13.13.12.2.77.7830", "77", "г. Москва");

    private final EmbeddedMongo server = EmbeddedMongo.inMemory();
    private final MongoClient client = MongoClients.create(server.connectionString());
    private final MongoTemplate mongo = new MongoTemplate(client, "projection_test");
    private final OrganizationProjection projection = new OrganizationProjection(mongo);
    private final OrganizationQueries queries = new OrganizationQueries(mongo);

    @AfterEach
    void close() {
        client.close();
        server.close();
    }

    @Test
    void anOlderCardArrivingLateDoesNotReplaceANewerOne() {
        projection.on(new MedicalOrganizationRegisteredEvent("gp-7", CARD, 1, "admin", T0));
        projection.on(new MedicalOrganizationCorrectedEvent("gp-7", RENAMED, 2, "admin", T0));
        projection.on(new MedicalOrganizationRegisteredEvent("gp-7", CARD, 1, "admin", T0));

        assertThat(queries.find("gp-7")).hasValueSatisfying(card -> {
            assertThat(card.name()).isEqualTo("ГБУЗ «Поликлиника № 7 ДЗМ»");
            assertThat(card.version()).isEqualTo(2);
        });
        assertThat(queries.search("ПОЛИКЛИНИКА", null, 0, 20).total()).isEqualTo(1);
        assertThat(queries.search("7707083893", "77", 0, 20).total()).isEqualTo(1);
        assertThat(queries.search("поликлиника", "50", 0, 20).total()).isZero();
    }

    @Test
    void aRedeliveredGrantOrRevocationWritesNoSecondHistoryLine() {
        projection.on(new HrRightGrantedEvent("gp-7", "acc-1", 1, "chief", T0), "event-1");
        projection.on(new HrRightGrantedEvent("gp-7", "acc-1", 1, "chief", T0), "event-1");
        assertThat(queries.grants("gp-7")).extracting(HrGrantView::accountId).containsExactly("acc-1");

        projection.on(new HrRightRevokedEvent("gp-7", "acc-1", 2, "chief", T0), "event-2");
        projection.on(new HrRightRevokedEvent("gp-7", "acc-1", 2, "chief", T0), "event-2");

        assertThat(queries.grants("gp-7")).isEmpty();
        assertThat(queries.rightsHistory("gp-7")).extracting(HrRightChangeView::action)
                .containsExactly("GRANTED", "REVOKED");
    }
}
