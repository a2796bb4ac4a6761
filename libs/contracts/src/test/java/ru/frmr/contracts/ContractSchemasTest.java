package ru.frmr.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

class ContractSchemasTest {

    /** Field names that are personal data and must never be part of a public contract. */
    private static final Set<String> PERSONAL_FIELDS = Set.of(
            "snils", "passport", "passportNumber", "email", "mobile", "phone", "birthDate", "inn", "address",
            "identityDocument");

    @TestFactory
    Stream<DynamicTest> everyCataloguedEventConformsToItsSchema() {
        return EventCatalog.all().stream().map(d -> DynamicTest.dynamicTest(d.type(), () -> {
            IntegrationEvent sample = IntegrationEventMother.SAMPLES.get(d.payloadClass());
            assertThat(sample).as("a sample for %s", d.type()).isNotNull();
            assertThat(ContractSchemas.violations(sample)).isEmpty();
            IntegrationEvent back = ContractJson.fromBytes(ContractJson.toBytes(sample), d.payloadClass());
            assertThat(back).isEqualTo(sample);
        }));
    }

    @Test
    void missingRequiredFieldIsAViolation() {
        byte[] json = "{\"workerId\":\"w-1\",\"sections\":[\"CONTACTS\"],\"profileVersion\":1}"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(ContractSchemas.violations(EventTypes.PROFILE_UPDATED, json))
                .anySatisfy(m -> assertThat(m).contains("updatedAt"));
    }

    @Test
    void extraFieldIsAViolation() {
        byte[] json = ("{\"workerId\":\"w-1\",\"sections\":[\"CONTACTS\"],\"profileVersion\":1,"
                + "\"updatedAt\":\"2026-11-25T10:15:30Z\",\"snils\":\"112-233-445 95\"}")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(ContractSchemas.violations(EventTypes.PROFILE_UPDATED, json))
                .anySatisfy(m -> assertThat(m).contains("snils"));
    }

    @Test
    void accountProvisionedWithoutTheOptionalEsiaDataConformsButAMalformedInnDoesNot() {
        String base = "{\"accountId\":\"a-1\",\"medicalWorker\":true,\"esiaOid\":\"1\",\"lastName\":\"Иванова\",\"firstName\":\"Мария\","
                + "\"birthDate\":\"1985-04-12\",\"snils\":\"11223344595\",\"provisionedAt\":\"2026-11-25T10:15:30Z\"";
        assertThat(ContractSchemas.violations(EventTypes.ACCOUNT_PROVISIONED,
                (base + "}").getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(ContractSchemas.violations(EventTypes.ACCOUNT_PROVISIONED,
                (base + ",\"inn\":\"77011234569\"}").getBytes(StandardCharsets.UTF_8)))
                .anySatisfy(m -> assertThat(m).contains("inn"));
        assertThat(ContractSchemas.violations(EventTypes.ACCOUNT_PROVISIONED,
                (base + ",\"identityDocument\":{\"type\":\"RF_PASSPORT\"}}").getBytes(StandardCharsets.UTF_8)))
                .anySatisfy(m -> assertThat(m).contains("number"));
    }

    @Test
    void aLoginFailedWithoutAnAddressHashStillConformsButAnAddressInClearDoesNot() {
        String base = "{\"accountId\":\"a-1\",\"reason\":\"SECOND_FACTOR\",\"at\":\"2026-11-25T10:15:30Z\"";
        assertThat(ContractSchemas.violations(EventTypes.LOGIN_FAILED, (base + "}").getBytes(StandardCharsets.UTF_8)))
                .as("v1 as published before the hash").isEmpty();
        assertThat(ContractSchemas.violations(EventTypes.LOGIN_FAILED,
                (base + ",\"addressHash\":null}").getBytes(StandardCharsets.UTF_8))).isEmpty();
        for (String address : new String[] {"203.0.113.7", "2001:db8::7", "203.0.113.7, 10.20.30.40"}) {
            assertThat(ContractSchemas.violations(EventTypes.LOGIN_FAILED,
                    (base + ",\"addressHash\":\"" + address + "\"}").getBytes(StandardCharsets.UTF_8)))
                    .as(address).anySatisfy(m -> assertThat(m).contains("addressHash"));
        }
    }

    @Test
    void badDateFormatIsAViolation() {
        byte[] json = ("{\"workerId\":\"w-1\",\"licenseId\":\"a\",\"kind\":\"CERTIFICATE\","
                + "\"specialtyCode\":\"x\",\"endDate\":\"25.11.2026\"}").getBytes(StandardCharsets.UTF_8);
        assertThat(ContractSchemas.violations(EventTypes.LICENSE_EXPIRED, json)).isNotEmpty();
    }

    @Test
    void anExpiringSoonNoticeForAnEndedLicenceIsAViolation() {
        byte[] json = ("{\"workerId\":\"w-1\",\"licenseId\":\"a\",\"kind\":\"ACCREDITATION\","
                + "\"specialtyCode\":\"x\",\"endDate\":\"2026-11-25\",\"daysLeft\":0}")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(ContractSchemas.violations(EventTypes.LICENSE_EXPIRING_SOON, json))
                .anySatisfy(m -> assertThat(m).contains("daysLeft"));
    }

    @Test
    void typeNamesAreVersionedAndUnique() {
        Set<String> seen = new HashSet<>();
        for (EventDescriptor d : EventCatalog.all()) {
            assertThat(d.type()).matches("ru\\.frmr\\.[a-z]+\\.[A-Z][A-Za-z]+\\.v[0-9]+");
            assertThat(seen.add(d.type())).as("duplicate type %s", d.type()).isTrue();
            // The audit service's own alerts are the one type outside the topics its ledger consumes.
            assertThat(d.topic()).isIn(Stream.concat(Topics.ALL_EVENT_TOPICS.stream(), Stream.of(Topics.AUDIT_ALERTS))
                    .toList());
        }
    }

    @Test
    void asyncApiDocumentNamesEveryTypeWithItsSchemaAndEveryPublicOneOnThePublicChannel() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/asyncapi.yaml")) {
            String doc = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String publicChannel = doc.substring(doc.indexOf("address: " + Topics.PUBLIC_EVENTS),
                    doc.indexOf("operations:"));
            for (EventDescriptor d : EventCatalog.all()) {
                assertThat(doc).contains("name: " + d.type());
                assertThat(doc).contains("'" + d.schemaResource().substring(1) + "'");
                String simpleName = d.payloadClass().getSimpleName();
                assertThat(publicChannel.contains("/" + simpleName + "'")).as(d.type()).isEqualTo(d.publicContract());
            }
        }
    }

    @Test
    void publicContractsCarryNoPersonalDataFields() throws Exception {
        for (EventDescriptor d : EventCatalog.all()) {
            if (!d.publicContract()) {
                continue;
            }
            try (InputStream in = getClass().getResourceAsStream(d.schemaResource())) {
                JsonNode schema = ContractJson.mapper().readTree(in);
                schema.path("properties").fieldNames().forEachRemaining(
                        name -> assertThat(PERSONAL_FIELDS).as("%s in %s", name, d.type()).doesNotContain(name));
                assertThat(schema.path("additionalProperties").asBoolean(true)).isFalse();
            }
        }
    }
}
