package ru.frmr.registry.fhir;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param publicBaseUrl the FHIR base as clients reach it (through the gateway): every absolute URL the FHIR API
 *                      writes ({@code link}, {@code fullUrl}, the capability statement's implementation URL) starts
 *                      with it, never with this service's own host and port, which clients cannot reach and must
 *                      not learn. An absolute http(s) URL without query or fragment; a trailing slash is dropped.
 */
@ConfigurationProperties("frmr.registry.fhir")
public record FhirProperties(@DefaultValue("http://localhost:8080/fhir") URI publicBaseUrl) {

    public FhirProperties {
        if (publicBaseUrl == null || !publicBaseUrl.isAbsolute() || publicBaseUrl.getHost() == null
                || !("http".equals(publicBaseUrl.getScheme()) || "https".equals(publicBaseUrl.getScheme()))
                || publicBaseUrl.getRawQuery() != null || publicBaseUrl.getRawFragment() != null) {
            throw new IllegalArgumentException("frmr.registry.fhir.public-base-url must be an absolute http(s) URL "
                    + "without query or fragment, e.g. https://frmr.example.ru/fhir; got " + publicBaseUrl);
        }
        String text = publicBaseUrl.toString();
        if (text.endsWith("/")) {
            publicBaseUrl = URI.create(text.substring(0, text.length() - 1));
        }
    }

    /** The base as text, without a trailing slash: {@code base + "/Practitioner/1"} is a resource's URL. */
    String base() {
        return publicBaseUrl.toString();
    }
}
