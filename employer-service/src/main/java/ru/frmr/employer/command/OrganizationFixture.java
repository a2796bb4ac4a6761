package ru.frmr.employer.command;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

import ru.frmr.employer.api.OrganizationDetails;
import ru.frmr.kit.error.ConflictException;

/**
 * Loads the versioned fixture of medical organisations at start ({@code frmr.employer.organizations.fixture}).
 * An edition is loaded once: its version is recorded after every organisation in it is registered, and an edition
 * recorded before (or an older one) changes nothing. An organisation whose id is known already is left as it is, so
 * administrators' corrections survive a new edition, and a start interrupted halfway (or two replicas starting
 * together) ends with each organisation registered once.
 */
@Component
class OrganizationFixture {

    static final String COLLECTION = "fixture_editions";
    private static final Logger log = LoggerFactory.getLogger(OrganizationFixture.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final OrganizationRegistry registry;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final String resource;

    OrganizationFixture(OrganizationRegistry registry, MongoTemplate mongo, Clock clock,
                        @Value("${frmr.employer.organizations.fixture:}") String resource) {
        this.registry = registry;
        this.mongo = mongo;
        this.clock = clock;
        this.resource = resource;
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadAtStart() {
        if (!resource.isBlank()) {
            load(resource);
        }
    }

    /** @return how many organisations this call registered */
    int load(String classpathResource) {
        Edition edition = read(classpathResource);
        Loaded loaded = mongo.findById(edition.fixture(), Loaded.class, COLLECTION);
        if (loaded != null && loaded.version() >= edition.version()) {
            return 0;
        }
        String actor = "fixture:" + edition.fixture() + "-v" + edition.version();
        int registered = 0;
        for (Entry org : edition.organizations()) {
            if (registry.exists(org.id())) {
                continue;
            }
            try {
                registry.register(org.id(), org.details(), actor);
                registered++;
            } catch (ConflictException sameIdMeanwhile) {
                if (!registry.exists(org.id())) {
                    throw sameIdMeanwhile;
                }
            }
        }
        mongo.save(new Loaded(edition.fixture(), edition.version(), clock.instant()), COLLECTION);
        log.info("Fixture {} version {} loaded: {} organisation(s) registered", edition.fixture(), edition.version(),
                registered);
        return registered;
    }

    private static Edition read(String classpathResource) {
        try (InputStream in = OrganizationFixture.class.getClassLoader().getResourceAsStream(classpathResource)) {
            if (in == null) {
                throw new IllegalStateException("Missing fixture " + classpathResource);
            }
            return JSON.readValue(in, Edition.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable fixture " + classpathResource, e);
        }
    }

    record Edition(String fixture, int version, List<Entry> organizations) {
    }

    record Entry(String id, String name, String ogrn, String inn, String kpp, String frmoId, String regionCode,
                 String address) {

        OrganizationDetails details() {
            return new OrganizationDetails(name, ogrn, inn, kpp, frmoId, regionCode, address);
        }
    }

    /** The newest edition of a fixture loaded to the end. */
    @Document(COLLECTION)
    record Loaded(@Id String fixture, int version, Instant loadedAt) {
    }
}
