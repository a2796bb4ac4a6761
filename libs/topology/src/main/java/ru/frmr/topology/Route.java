package ru.frmr.topology;

/**
 * A path the gateway sends to a service. The id names the gateway route, and so its circuit breaker and its
 * metrics; {@code path} is a Spring path pattern such as {@code /api/registry/**}.
 */
public record Route(String id, String path) {

    public Route {
        if (id == null || !id.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("route id must be lower-case letters, digits and dashes: " + id);
        }
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("route path must start with /: " + path);
        }
    }
}
