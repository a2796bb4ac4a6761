package ru.frmr.topology;

import java.util.List;

/**
 * A path the gateway sends to a service. The id names the gateway route, and so its circuit breaker and its
 * metrics; {@code path} is a Spring path pattern such as {@code /api/registry/**}.
 */
public record Route(String id, String path) {

    /**
     * The pattern of the route that takes whatever no other route takes (the portal's pages): the gateway tries it
     * after all the others.
     */
    public static final String EVERYTHING_ELSE = "/**";

    /**
     * What the route of last resort never takes: the APIs, FHIR, the key set and operations paths are the
     * gateway's to answer (its 404 problem+json for an unknown one), never a page.
     */
    public static final List<String> RESERVED = List.of("/api/**", "/fhir/**", "/.well-known/**", "/actuator/**");

    public Route {
        if (id == null || !id.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("route id must be lower-case letters, digits and dashes: " + id);
        }
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("route path must start with /: " + path);
        }
    }

    /** Whether this is the route of last resort ({@link #EVERYTHING_ELSE}). */
    public boolean isFallback() {
        return EVERYTHING_ELSE.equals(path);
    }
}
