package ru.frmr.registry.web;

import java.net.URI;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import ru.frmr.kit.openapi.OpenApiCoverage;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.frmr.registry.web.RegistryClient.JSON;
import static ru.frmr.registry.web.RegistryClient.assertProblem;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The code lists the cabinet's forms offer: public, cacheable, revalidated by entity tag. */
class DictionaryApiIT extends RegistryRestSupport {

    @Test
    void theIndexNamesEveryListWithItsVersionWithoutLogin() throws Exception {
        HttpResponse<String> response = registry.anonymousGet("/api/registry/dictionaries");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode index = JSON.readTree(response.body());
        assertThat(index.get("dictionaries").findValuesAsText("name")).contains("specialties", "education-levels",
                "document-kinds", "positions", "regions", "postgraduate-programs", "additional-education-documents",
                "accreditation-kinds", "additional-education-kinds", "qualification-categories",
                "employment-contract-kinds");
        assertThat(index.get("dictionaries").get(0).get("version").asInt()).isEqualTo(1);
        assertCacheable(response);
    }

    @Test
    void aListIsItsCodesWithRussianNames() throws Exception {
        HttpResponse<String> response = registry.anonymousGet("/api/registry/dictionaries/accreditation-kinds");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree("""
                {"name":"accreditation-kinds","version":1,"items":[
                 {"code":"PRIMARY","name":"Первичная аккредитация"},
                 {"code":"PRIMARY_SPECIALIZED","name":"Первичная специализированная аккредитация"},
                 {"code":"PERIODIC","name":"Периодическая аккредитация"}]}"""));
        assertCacheable(response);
        JsonNode documents = JSON.readTree(registry.anonymousGet(
                "/api/registry/dictionaries/additional-education-documents").body());
        assertThat(documents.get("items").get(0).get("attributes").get("programKind").asText())
                .isEqualTo("QUALIFICATION_UPGRADE");
    }

    @Test
    void aCachedCopyIsRevalidatedByItsEntityTag() throws Exception {
        for (String path : new String[] {"/api/registry/dictionaries", "/api/registry/dictionaries/specialties"}) {
            String tag = registry.anonymousGet(path).headers().firstValue("ETag").orElseThrow();
            HttpResponse<String> again = RegistryClient.send(HttpRequest.newBuilder(registry.url(path))
                    .header("If-None-Match", tag).GET());
            assertThat(again.statusCode()).isEqualTo(304);
            assertThat(again.body()).isEmpty();
            HttpResponse<String> stale = RegistryClient.send(HttpRequest.newBuilder(registry.url(path))
                    .header("If-None-Match", "\"specialties-v0-0000000000000000\"").GET());
            assertThat(stale.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void anUnknownListIsA404AndAMalformedNameA400NamingIt() throws Exception {
        assertProblem(registry.anonymousGet("/api/registry/dictionaries/passports"), 404, null);
        assertProblem(registry.anonymousGet("/api/registry/dictionaries/Spec%20ialties"), 400, "name");
    }

    private static void assertCacheable(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(
                value -> assertThat(value).contains("max-age=3600").contains("public").doesNotContain("no-store"));
        assertThat(response.headers().firstValue("ETag")).hasValueSatisfying(tag -> assertThat(tag).startsWith("\""));
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping openApiHandlers;

    /** The OpenAPI 3.1 document: served without a token, listing every handler of the service. */
    @Test
    void theOpenApiDocumentIsPublicAndCoversEveryHandler() {
        OpenApiCoverage.verify(URI.create("http://127.0.0.1:" + port + "/api/registry/openapi.json"), openApiHandlers);
    }
}
