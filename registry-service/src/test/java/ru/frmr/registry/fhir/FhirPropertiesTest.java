package ru.frmr.registry.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import org.junit.jupiter.api.Test;

class FhirPropertiesTest {

    @Test
    void theBaseIsKeptWithoutATrailingSlash() {
        assertThat(new FhirProperties(URI.create("https://frmr.example.ru/fhir/")).base())
                .isEqualTo("https://frmr.example.ru/fhir");
        assertThat(new FhirProperties(URI.create("http://localhost:8080/fhir")).base())
                .isEqualTo("http://localhost:8080/fhir");
    }

    @Test
    void onlyAnAbsoluteHttpUrlWithoutQueryOrFragmentIsABase() {
        for (String invalid : new String[] {"/fhir", "ftp://frmr.example.ru/fhir", "https://frmr.example.ru/fhir?x=1",
                "https://frmr.example.ru/fhir#top", "mailto:admin@frmr.example.ru"}) {
            assertThatThrownBy(() -> new FhirProperties(URI.create(invalid))).as(invalid)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("public-base-url");
        }
        assertThatThrownBy(() -> new FhirProperties(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
