package ru.frmr.deploy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ru.frmr.topology.Service;

/**
 * What a deployment must give one service of the {@link ru.frmr.topology.Topology} beyond its ports: its database,
 * the secrets it refuses to start without, its key files, its settings, and whom it talks to.
 *
 * @param service      the topology's service (name, ports, routes)
 * @param database     its MongoDB database; null when it keeps no state (the gateway)
 * @param secrets      environment variables that come from the service's Secret, one key each
 * @param keyFiles     environment variable -> file name in the service's key Secret, passed as a {@code file:}
 *                     location (PEM keys and certificates that the service reads as resources)
 * @param settings     plain settings (the service's ConfigMap)
 * @param publicUrls   environment variable -> path after the platform's public address (FRMR_PUBLIC_URL)
 * @param usesKafka    whether it produces or consumes Kafka records
 * @param callsOutside whether it calls hosts outside the cluster (ESIA, SMTP, the SMS gateway, agencies' webhooks)
 */
public record PlatformService(Service service, String database, List<String> secrets, Map<String, String> keyFiles,
                              Map<String, String> settings, Map<String, String> publicUrls, boolean usesKafka,
                              boolean callsOutside) {

    public PlatformService {
        secrets = List.copyOf(secrets);
        // In the order given: the generated manifests list them so.
        keyFiles = Collections.unmodifiableMap(new LinkedHashMap<>(keyFiles));
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        publicUrls = Collections.unmodifiableMap(new LinkedHashMap<>(publicUrls));
    }

    public String name() {
        return service.name();
    }

    public int port() {
        return service.primary().port();
    }

    public int managementPort() {
        return service.primary().managementPort();
    }
}
