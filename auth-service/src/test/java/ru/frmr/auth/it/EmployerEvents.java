package ru.frmr.auth.it;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import ru.frmr.auth.employer.EmployerOrganizations;
import ru.frmr.contracts.EventCatalog;
import ru.frmr.contracts.IntegrationEvent;
import ru.frmr.contracts.Topics;
import ru.frmr.contracts.employer.MedicalOrganizationRegistered;
import ru.frmr.infra.embedded.SharedTestInfra;
import ru.frmr.kit.relay.CloudEventRecords;

/**
 * What the employer-service would publish on {@code frmr.employer.events}, sent by the test in its place: the
 * medical organisations of its fixture (the ESIA emulator's people act for them) and HR rights.
 */
final class EmployerEvents {

    static final String POLYCLINIC = "gp-1-moscow";
    static final String POLYCLINIC_OGRN = "1027700543210";
    static final String PODOLSK = "podolsk-gkb";
    static final String PODOLSK_OGRN = "1025035520146";
    private static final URI EMPLOYER = URI.create("/frmr/employer-service");

    private EmployerEvents() {
    }

    static void publish(String eventId, IntegrationEvent event) {
        CloudEvent ce = CloudEventRecords.cloudEvent(eventId, EMPLOYER, EventCatalog.of(event.getClass()),
                event, Instant.now(), Map.of(CloudEventRecords.ACTOR, "system"));
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedTestInfra.get().kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(CloudEventRecords.record(Topics.EMPLOYER_EVENTS, ce)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The fixture's registrations of the emulator's two medical organisations (fixed event ids: sent again by
     * another test they are the same events), once auth-service knows them. The emulator's third organisation,
     * ООО «Ромашка», is no medical organisation and never announced.
     */
    static void fixtureOrganisationsKnown(EmployerOrganizations organizations) {
        Instant at = Instant.parse("2026-01-12T06:00:00Z");
        publish("fixture-gp-1-moscow-registered", new MedicalOrganizationRegistered(POLYCLINIC,
                "ГБУЗ «Городская поликлиника № 1»", POLYCLINIC_OGRN, "7701543216", "770101001",
                "1.2.643.5.1.13.13.12.2.77.7801", "77", "г. Москва, ул. Примерная, д. 1", 1, at));
        publish("fixture-podolsk-gkb-registered", new MedicalOrganizationRegistered(PODOLSK,
                "ГБУЗ МО «Подольская городская клиническая больница»", PODOLSK_OGRN, "5036012016", "503601001",
                "1.2.643.5.1.13.13.12.2.50.5036", "50", "Московская область, г. Подольск, ул. Больничная, д. 38", 1,
                at));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                organizations.organizationWithOgrn(POLYCLINIC_OGRN).equals(Optional.of(POLYCLINIC))
                        && organizations.organizationWithOgrn(PODOLSK_OGRN).equals(Optional.of(PODOLSK)));
    }
}
