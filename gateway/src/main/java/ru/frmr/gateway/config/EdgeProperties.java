package ru.frmr.gateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What the gateway enforces on every request before routing it. The downstream service URIs are
 * {@code frmr.gateway.services.*} too, but only the routes built from the topology read them
 * ({@link ru.frmr.gateway.routes.TopologyRoutes}).
 *
 * @param maxRequestBody the largest request body passed on; larger ones are answered with 413
 * @param uploads        the few routes that take files, with a larger limit of their own
 * @param cors           which browser origins (the portal's) may call {@code /api/**}
 * @param jwksUri        where auth-service publishes the keys that sign access tokens
 * @param responseTimeout how long a service may pause its answer (before it or within it) until the caller gets 504
 * @param connectTimeout  how long opening a connection to a service may take until the caller gets 503
 */
@ConfigurationProperties("frmr.gateway")
public record EdgeProperties(DataSize maxRequestBody, Uploads uploads, Cors cors, URI jwksUri,
                             Duration responseTimeout, Duration connectTimeout) {

    /**
     * @param maxBody   the largest body a {@code POST} to one of {@code postPaths} may carry
     * @param postPaths path patterns whose {@code POST} takes a file (documents-service's upload and check of a
     *                  PDF, the portal's forms with a file field)
     */
    public record Uploads(DataSize maxBody, @DefaultValue List<String> postPaths) {
    }

    public record Cors(List<String> allowedOrigins) {
    }
}
