package ru.frmr.registry.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import ru.frmr.infra.embedded.jwt.TestJwtIssuer;
import ru.frmr.kit.security.KitSecurityAutoConfiguration;
import ru.frmr.kit.web.WebProblemsAutoConfiguration;
import ru.frmr.registry.search.PublicRegisterIndex;

/**
 * As the service is wired today: the index answers searches but has no lookup by id, so reads say they are
 * not implemented (501) instead of pretending, and the capability statement leaves them out.
 */
@SpringBootTest(classes = FhirControllerWithoutLookupTest.App.class)
@AutoConfigureMockMvc
class FhirControllerWithoutLookupTest {

    private static final IParser PARSER = FhirContext.forR4Cached().newJsonParser();

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("frmr.security.jwks-uri", () -> TestJwtIssuer.shared().jwksUri());
    }

    @Autowired
    MockMvc mvc;

    @SpringBootConfiguration
    @ImportAutoConfiguration({JacksonAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
            DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class, SecurityAutoConfiguration.class,
            SecurityFilterAutoConfiguration.class, WebProblemsAutoConfiguration.class,
            KitSecurityAutoConfiguration.class})
    @Import(FhirController.class)
    static class App {

        @Bean(destroyMethod = "close")
        PublicRegisterIndex publicRegisterIndex() {
            PublicRegisterIndex index = PublicRegisterIndex.inMemory();
            FhirWorkers.ALL.forEach(index::upsert);
            return index;
        }
    }

    private String body(String path, int status) throws Exception {
        return mvc.perform(get(path)).andExpect(status().is(status)).andReturn().getResponse().getContentAsString();
    }

    @Test
    void searchWorks() throws Exception {
        Bundle bundle = PARSER.parseResource(Bundle.class, body("/fhir/Practitioner?name=Петров", 200));

        // The exact surname ranks first; "Петровна" (a middle name) matches by prefix after it.
        assertThat(bundle.getEntryFirstRep().getResource().getIdElement().getIdPart()).isEqualTo("w-petrov");
    }

    @Test
    void readIsNotImplemented() throws Exception {
        OperationOutcome outcome = PARSER.parseResource(OperationOutcome.class,
                body("/fhir/Practitioner/w-petrov", 501));

        assertThat(outcome.getIssueFirstRep().getCode()).isEqualTo(IssueType.NOTSUPPORTED);
    }

    @Test
    void capabilityStatementOffersNoReadByIdWithoutALookup() throws Exception {
        CapabilityStatement capabilities = PARSER.parseResource(CapabilityStatement.class, body("/fhir/metadata", 200));

        assertThat(capabilities.getRestFirstRep().getResource()).hasSize(1);
        assertThat(capabilities.getRestFirstRep().getResourceFirstRep().getInteraction())
                .extracting(interaction -> interaction.getCode().toCode())
                .containsExactly("search-type", "vread", "history-instance", "history-type");
    }
}
