package ru.frmr.registry.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;


import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import ru.frmr.infra.embedded.jwt.TestJwtIssuer;
import ru.frmr.kit.security.KitSecurityAutoConfiguration;
import ru.frmr.kit.web.WebProblemsAutoConfiguration;
import ru.frmr.registry.query.PractitionerHistoryQueries;
import ru.frmr.registry.search.PublicRegisterIndex;

/**
 * The FHIR endpoints over an in-memory public register index, behind the kit's security chain with the
 * service's own {@code application.yml} (which makes {@code /fhir/**} public): all calls are anonymous.
 */
@SpringBootTest(classes = FhirControllerTest.App.class)
@AutoConfigureMockMvc
class FhirControllerTest {

    private static final IParser PARSER = FhirContext.forR4Cached().newJsonParser();
    private static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json");
    private static final String GONE = "w-erased";
    /** Where clients reach the FHIR API: the gateway, not this service's own host and port. */
    private static final String PUBLIC_BASE = "https://frmr.example.ru/fhir";

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("frmr.security.jwks-uri", () -> TestJwtIssuer.shared().jwksUri());
        registry.add("frmr.registry.fhir.public-base-url", () -> PUBLIC_BASE + "/");
    }

    @Autowired
    MockMvc mvc;

    @SpringBootConfiguration
    @ImportAutoConfiguration({JacksonAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
            DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class, SecurityAutoConfiguration.class,
            SecurityFilterAutoConfiguration.class, WebProblemsAutoConfiguration.class,
            KitSecurityAutoConfiguration.class})
    @Import(FhirController.class)
    @EnableConfigurationProperties(FhirProperties.class)
    static class App {

        /** The change feed says who left the register: here, one erased worker. */
        @Bean
        PractitionerHistoryQueries practitionerHistory() {
            PractitionerHistoryQueries history = Mockito.mock(PractitionerHistoryQueries.class);
            Mockito.when(history.gone(GONE)).thenReturn(true);
            return history;
        }

        @Bean
        java.time.Clock clock() {
            return java.time.Clock.fixed(java.time.Instant.parse("2026-03-01T10:00:00Z"), java.time.ZoneOffset.UTC);
        }

        @Bean(destroyMethod = "close")
        PublicRegisterIndex publicRegisterIndex() {
            PublicRegisterIndex index = PublicRegisterIndex.inMemory();
            FhirWorkers.ALL.forEach(index::upsert);
            return index;
        }
    }

    private <T extends org.hl7.fhir.instance.model.api.IBaseResource> T fhir(MockHttpServletRequestBuilder request,
                                                                          int status, Class<T> type) throws Exception {
        String body = mvc.perform(request)
                .andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(FHIR_JSON))
                .andReturn().getResponse().getContentAsString();
        return PARSER.parseResource(type, body);
    }

    @Test
    void readsPractitionerAnonymously() throws Exception {
        Practitioner practitioner = fhir(get("/fhir/Practitioner/w-ivanova"), 200, Practitioner.class);

        assertThat(practitioner.getIdElement().getIdPart()).isEqualTo("w-ivanova");
        assertThat(practitioner.getNameFirstRep().getFamily()).isEqualTo("Иванова");
        assertThat(practitioner.getQualificationFirstRep().getCode().getCodingFirstRep().getCode()).isEqualTo("31.08.49");
    }

    @Test
    void staleTokenOnPublicPathIsIgnored() throws Exception {
        fhir(get("/fhir/Practitioner/w-ivanova").header(HttpHeaders.AUTHORIZATION, "Bearer not-a-token"), 200,
                Practitioner.class);
    }

    @Test
    void restOfTheServiceStillNeedsAToken() throws Exception {
        mvc.perform(get("/api/registry/workers/w-ivanova")).andExpect(status().isUnauthorized());
    }

    @Test
    void unknownPractitionerIsNotFoundOutcome() throws Exception {
        OperationOutcome outcome = fhir(get("/fhir/Practitioner/nobody"), 404, OperationOutcome.class);

        assertThat(outcome.getIssueFirstRep().getCode()).isEqualTo(IssueType.NOTFOUND);
        assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains("Practitioner/nobody");
    }

    @Test
    void aPractitionerWhoLeftTheRegisterIsGoneOutcome() throws Exception {
        OperationOutcome outcome = fhir(get("/fhir/Practitioner/" + GONE), 410, OperationOutcome.class);
        assertThat(outcome.getIssueFirstRep().getCode()).isEqualTo(IssueType.DELETED);
        assertThat(fhir(get("/fhir/PractitionerRole/" + GONE), 410, OperationOutcome.class).getIssueFirstRep()
                .getCode()).isEqualTo(IssueType.DELETED);
    }

    @Test
    void absoluteUrlsUseThePublicBaseWhateverHostTheRequestCameTo() throws Exception {
        Bundle bundle = fhir(get("http://registry-service.internal:8081/fhir/Practitioner").param("_count", "1")
                .header(HttpHeaders.HOST, "registry-service.internal:8081"), 200, Bundle.class);

        assertThat(bundle.getLink("self").getUrl()).startsWith(PUBLIC_BASE + "/Practitioner?");
        assertThat(bundle.getLink("next").getUrl()).startsWith(PUBLIC_BASE + "/Practitioner?");
        assertThat(bundle.getEntryFirstRep().getFullUrl()).startsWith(PUBLIC_BASE + "/Practitioner/");
        Bundle roles = fhir(get("/fhir/PractitionerRole").param("practitioner", "Practitioner/w-ivanova"), 200,
                Bundle.class);
        assertThat(roles.getLink("self").getUrl()).startsWith(PUBLIC_BASE + "/PractitionerRole?");
        CapabilityStatement capabilities = fhir(get("/fhir/metadata"), 200, CapabilityStatement.class);
        assertThat(capabilities.getImplementation().getUrl()).isEqualTo(PUBLIC_BASE);
    }

    @Test
    void searchesByNameInAnyCaseAndForm() throws Exception {
        Bundle bundle = fhir(get("/fhir/Practitioner").param("name", "иванова"), 200, Bundle.class);

        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
        assertThat(bundle.getEntry()).extracting(entry -> entry.getResource().getIdElement().getIdPart())
                .contains("w-ivanova");
        assertThat(bundle.getEntryFirstRep().getFullUrl()).isEqualTo(PUBLIC_BASE + "/Practitioner/w-ivanova");
        assertThat(bundle.getEntryFirstRep().getSearch().getMode()).isEqualTo(Bundle.SearchEntryMode.MATCH);
        assertThat(bundle.getEntryFirstRep().getResource()).isInstanceOf(Practitioner.class);
    }

    @Test
    void pagesWithTotalAndLinks() throws Exception {
        Bundle first = fhir(get("/fhir/Practitioner").param("_count", "2"), 200, Bundle.class);

        assertThat(first.getTotal()).isEqualTo(4);
        assertThat(first.getEntry()).hasSize(2);
        assertThat(first.getLink("self").getUrl()).isEqualTo(PUBLIC_BASE + "/Practitioner?_count=2&_offset=0");
        assertThat(first.getLink("previous")).isNull();
        String next = first.getLink("next").getUrl();
        assertThat(next).isEqualTo(PUBLIC_BASE + "/Practitioner?_count=2&_offset=2");

        Bundle second = fhir(get(next), 200, Bundle.class);
        assertThat(second.getTotal()).isEqualTo(4);
        assertThat(second.getEntry()).hasSize(2);
        assertThat(second.getLink("next")).isNull();
        assertThat(second.getLink("previous").getUrl()).isEqualTo(PUBLIC_BASE + "/Practitioner?_count=2&_offset=0");
        assertThat(second.getEntry()).extracting(entry -> entry.getResource().getIdElement().getIdPart())
                .doesNotContainAnyElementsOf(first.getEntry().stream()
                        .map(entry -> entry.getResource().getIdElement().getIdPart()).toList());
    }

    @Test
    void nameIsKeptEncodedInLinks() throws Exception {
        Bundle bundle = fhir(get("/fhir/Practitioner").param("name", "иван").param("_count", "1"), 200, Bundle.class);

        assertThat(bundle.getTotal()).isGreaterThan(1);
        assertThat(bundle.getLink("next").getUrl())
                .startsWith(PUBLIC_BASE + "/Practitioner?name=%D0%B8%D0%B2%D0%B0%D0%BD&_count=1&_offset=1");
    }

    @Test
    void countZeroGivesTheTotalOnly() throws Exception {
        Bundle bundle = fhir(get("/fhir/Practitioner").param("_count", "0"), 200, Bundle.class);

        assertThat(bundle.getTotal()).isEqualTo(4);
        assertThat(bundle.getEntry()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "_count, abc",
        "_count, 101",
        "_count, -1",
        "_offset, -5",
        "_offset, 3",
        "_offset, 10001",
        "_format, xml",
        "gender, female",
        "birthdate, 1980-01-01"
    })
    void invalidParameterIsBadRequestNamingIt(String parameter, String value) throws Exception {
        OperationOutcome outcome = fhir(get("/fhir/Practitioner").param(parameter, value).param("_count",
                parameter.equals("_count") ? value : "2"), 400, OperationOutcome.class);

        assertThat(outcome.getIssueFirstRep().getCode()).isEqualTo(IssueType.INVALID);
        assertThat(outcome.getIssueFirstRep().getExpression()).extracting(Object::toString).containsExactly(parameter);
        assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains(parameter);
    }

    @Test
    void oversizedNameIsBadRequest() throws Exception {
        OperationOutcome outcome = fhir(get("/fhir/Practitioner").param("name", "я".repeat(101)), 400,
                OperationOutcome.class);

        assertThat(outcome.getIssueFirstRep().getExpression()).extracting(Object::toString).containsExactly("name");
    }

    @Test
    void repeatedNameIsBadRequest() throws Exception {
        OperationOutcome outcome = fhir(get("/fhir/Practitioner").param("name", "иван", "петров"), 400,
                OperationOutcome.class);

        assertThat(outcome.getIssueFirstRep().getExpression()).extracting(Object::toString).containsExactly("name");
    }

    @Test
    void invalidIdIsBadRequest() throws Exception {
        OperationOutcome outcome = fhir(get("/fhir/Practitioner/" + "x".repeat(65)), 400, OperationOutcome.class);

        assertThat(outcome.getIssueFirstRep().getExpression()).extracting(Object::toString).containsExactly("id");
    }

    @Test
    void findsRoleOfPractitioner() throws Exception {
        Bundle bundle = fhir(get("/fhir/PractitionerRole").param("practitioner", "Practitioner/w-ivanova"), 200,
                Bundle.class);

        assertThat(bundle.getTotal()).isEqualTo(1);
        PractitionerRole role = (PractitionerRole) bundle.getEntryFirstRep().getResource();
        assertThat(role.getPractitioner().getReference()).isEqualTo("Practitioner/w-ivanova");
        assertThat(role.getOrganization().getDisplay()).isEqualTo("ГБУЗ ГКБ № 1");
        assertThat(bundle.getEntryFirstRep().getFullUrl()).isEqualTo(PUBLIC_BASE + "/PractitionerRole/w-ivanova");
    }

    @Test
    void roleOfUnknownPractitionerIsAnEmptyBundle() throws Exception {
        Bundle bundle = fhir(get("/fhir/PractitionerRole").param("practitioner", "Practitioner/nobody"), 200,
                Bundle.class);

        assertThat(bundle.getTotal()).isZero();
        assertThat(bundle.getEntry()).isEmpty();
    }

    @Test
    void roleSearchNeedsAPractitioner() throws Exception {
        OperationOutcome outcome = fhir(get("/fhir/PractitionerRole"), 400, OperationOutcome.class);

        assertThat(outcome.getIssueFirstRep().getExpression()).extracting(Object::toString)
                .containsExactly("practitioner");
    }

    @Test
    void readsRole() throws Exception {
        PractitionerRole role = fhir(get("/fhir/PractitionerRole/w-ivanov"), 200, PractitionerRole.class);

        assertThat(role.getActive()).isFalse();
    }

    @Test
    void capabilityStatementListsWhatIsSupported() throws Exception {
        CapabilityStatement capabilities = fhir(get("/fhir/metadata"), 200, CapabilityStatement.class);

        assertThat(capabilities.getFhirVersion().toCode()).isEqualTo("4.0.1");
        assertThat(capabilities.getRestFirstRep().getResource())
                .extracting(resource -> resource.getType())
                .containsExactly("Practitioner", "PractitionerRole");
        assertThat(capabilities.getRestFirstRep().getResourceFirstRep().getInteraction())
                .extracting(interaction -> interaction.getCode().toCode())
                .containsExactly("read", "search-type", "vread", "history-instance", "history-type");
        assertThat(capabilities.getRestFirstRep().getResourceFirstRep().getSearchParam())
                .extracting(param -> param.getName())
                .containsExactly("name");
    }

    @Test
    void unknownResourceTypeIsNotFoundOutcome() throws Exception {
        OperationOutcome outcome = fhir(get("/fhir/Patient"), 404, OperationOutcome.class);

        assertThat(outcome.getIssueFirstRep().getCode()).isEqualTo(IssueType.NOTSUPPORTED);
    }

    @Test
    void writesAreNotAllowed() throws Exception {
        OperationOutcome outcome = fhir(post("/fhir/Practitioner").contentType(FHIR_JSON).content("{}"), 405,
                OperationOutcome.class);

        assertThat(outcome.getIssueFirstRep().getCode()).isEqualTo(IssueType.NOTSUPPORTED);
    }

    @Test
    void searchResultHasNoPersonalElements() throws Exception {
        String body = mvc.perform(get("/fhir/Practitioner").param("_count", "100"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(body).doesNotContain("\"birthDate\"", "\"gender\"", "\"telecom\"", "\"address\"", "\"photo\"");
        assertThat(body.toLowerCase()).doesNotContain("snils", "снилс");
    }
}
