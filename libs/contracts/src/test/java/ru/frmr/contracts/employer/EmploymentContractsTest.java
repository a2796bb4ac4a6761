package ru.frmr.contracts.employer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import ru.frmr.contracts.ContractJson;
import ru.frmr.contracts.ContractSchemas;
import ru.frmr.contracts.EventCatalog;
import ru.frmr.contracts.EventDescriptor;
import ru.frmr.contracts.EventTypes;
import ru.frmr.contracts.Topics;

/** The employer's employment events: what their schemas accept and refuse. */
class EmploymentContractsTest {

    private static final EmployingOrganization HOSPITAL =
            new EmployingOrganization("org-5", "ГБУЗ ГКБ № 1", "1027700132195", "77");
    private static final Instant AT = Instant.parse("2026-11-25T10:15:30Z");

    private static EmploymentRecorded recorded(String rate) {
        return new EmploymentRecorded("emp-1", "w-1", HOSPITAL, "Терапевтическое отделение", "THERAPIST",
                new BigDecimal(rate), ContractKind.MAIN, LocalDate.of(2026, 3, 1), 1, AT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.25", "0.5", "0.75", "1", "1.0", "1.25", "1.50"})
    void ratesInQuarterStepsFromAQuarterToOneAndAHalfConform(String rate) {
        assertThat(ContractSchemas.violations(recorded(rate))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.2", "0.3", "1.1", "1.75", "2", "-0.25"})
    void otherRatesAreViolations(String rate) {
        assertThat(ContractSchemas.violations(recorded(rate))).anySatisfy(m -> assertThat(m).contains("rate"));
    }

    @Test
    void theRateKeepsItsDecimalValueOnTheWire() {
        EmploymentRecorded back = ContractJson.fromBytes(ContractJson.toBytes(recorded("0.75")),
                EmploymentRecorded.class);
        assertThat(back.rate()).isEqualByComparingTo("0.75");
    }

    @Test
    void anOgrnIsThirteenDigitsAndARegionCodeTwo() throws Exception {
        assertThat(violations(EventTypes.EMPLOYMENT_RECORDED, recorded("1"), "organization", "ogrn", "102770013219"))
                .anySatisfy(m -> assertThat(m).contains("ogrn"));
        assertThat(violations(EventTypes.EMPLOYMENT_RECORDED, recorded("1"), "organization", "regionCode", "777"))
                .anySatisfy(m -> assertThat(m).contains("regionCode"));
    }

    @Test
    void employmentIdsAreSafeAsKeys() throws Exception {
        // The registry keys its read models by employment id: no dots, no dollar signs, no spaces.
        assertThat(violations(EventTypes.EMPLOYMENT_RECORDED, recorded("1"), null, "employmentId", "emp.1"))
                .anySatisfy(m -> assertThat(m).contains("employmentId"));
        assertThat(violations(EventTypes.EMPLOYMENT_ENDED, ended(), null, "employmentId", "$where"))
                .anySatisfy(m -> assertThat(m).contains("employmentId"));
    }

    @Test
    void unknownContractKindAndExtraFieldsAreViolations() throws Exception {
        assertThat(violations(EventTypes.EMPLOYMENT_CORRECTED, corrected(), null, "contractKind", "CIVIL"))
                .anySatisfy(m -> assertThat(m).contains("contractKind"));
        assertThat(violations(EventTypes.EMPLOYMENT_RECORDED, recorded("1"), null, "snils", "11223344595"))
                .anySatisfy(m -> assertThat(m).contains("snils"));
        assertThat(violations(EventTypes.EMPLOYMENT_RECORDED, recorded("1"), "organization", "address", "Москва"))
                .anySatisfy(m -> assertThat(m).contains("address"));
    }

    @Test
    void anEndIsNeverTheFirstVersionAndNamesItsDay() throws Exception {
        assertThat(violations(EventTypes.EMPLOYMENT_ENDED, ended(), null, "version", 1)).isNotEmpty();
        assertThat(violations(EventTypes.EMPLOYMENT_ENDED, ended(), null, "endDate", "24.11.2026")).isNotEmpty();
        assertThat(ContractSchemas.violations(ended())).isEmpty();
    }

    @Test
    void theyAreInternalEventsOfTheEmployerTopicKeyedByEmployment() {
        for (String type : List.of(EventTypes.EMPLOYMENT_RECORDED, EventTypes.EMPLOYMENT_CORRECTED,
                EventTypes.EMPLOYMENT_ENDED)) {
            EventDescriptor descriptor = EventCatalog.byType(type).orElseThrow();
            assertThat(descriptor.topic()).isEqualTo(Topics.EMPLOYER_EVENTS);
            assertThat(descriptor.publicContract()).as(type).isFalse();
        }
        assertThat(recorded("1").subject()).isEqualTo("emp-1");
        assertThat(ended().subject()).isEqualTo("emp-1");
    }

    @Test
    void noPersonalDataFieldAnywhereInTheirSchemas() throws Exception {
        Set<String> personal = Set.of("snils", "inn", "passport", "birthDate", "email", "mobile", "phone",
                "address", "lastName", "firstName", "middleName");
        for (String type : List.of(EventTypes.EMPLOYMENT_RECORDED, EventTypes.EMPLOYMENT_CORRECTED,
                EventTypes.EMPLOYMENT_ENDED)) {
            try (InputStream in = getClass().getResourceAsStream(EventCatalog.byType(type).orElseThrow()
                    .schemaResource())) {
                assertThat(propertyNames(ContractJson.mapper().readTree(in))).as(type).doesNotContainAnyElementsOf(personal);
            }
        }
    }

    private static EmploymentCorrected corrected() {
        return new EmploymentCorrected("emp-1", "w-1", HOSPITAL, null, "CARDIOLOGIST", new BigDecimal("0.5"),
                ContractKind.INTERNAL_PART_TIME, LocalDate.of(2026, 3, 1), 2, AT);
    }

    private static EmploymentEnded ended() {
        return new EmploymentEnded("emp-1", "w-1", "org-5", LocalDate.of(2026, 11, 24), 2, AT);
    }

    /** The event's JSON with one field replaced (in {@code object}, or at the top when null). */
    private static List<String> violations(String type, Object event, String object, String field, Object value)
            throws Exception {
        ObjectNode json = (ObjectNode) ContractJson.mapper().valueToTree(event);
        ObjectNode target = object == null ? json : (ObjectNode) json.get(object);
        target.set(field, ContractJson.mapper().valueToTree(value));
        return ContractSchemas.violations(type, json.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> propertyNames(JsonNode schema) {
        List<String> names = new ArrayList<>();
        schema.path("properties").fields().forEachRemaining(field -> {
            names.add(field.getKey());
            names.addAll(propertyNames(field.getValue()));
        });
        return names;
    }
}
