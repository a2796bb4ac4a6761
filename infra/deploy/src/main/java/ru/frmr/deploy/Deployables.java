package ru.frmr.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ru.frmr.topology.Service;
import ru.frmr.topology.Topology;

/**
 * The services a deployment runs: every service of {@link Topology#LOCAL} except the ESIA emulator (production
 * talks to ESIA itself), with what each needs besides its ports. The Kubernetes manifests are generated from this
 * list and the compose file is checked against it, so a service added to the topology fails the tests until it is
 * described here.
 */
public final class Deployables {

    /** In the topology for local runs and tests only. */
    public static final Set<String> NOT_DEPLOYED = Set.of("esia-emulator");

    /** Every service's MongoDB connection string (with its user's password) is a secret of its own. */
    public static final String MONGO_URI = "SPRING_DATA_MONGODB_URI";

    /**
     * Where a service that checks access tokens itself fetches auth-service's signing keys: auth-service's Service
     * in the cluster (the kit's default is the loopback address of local runs, which in a pod is the pod itself).
     */
    public static final String JWKS_URI = "FRMR_SECURITY_JWKS_URI";

    private Deployables() {
    }

    public static List<PlatformService> all() {
        List<PlatformService> all = new ArrayList<>();
        for (Service service : Topology.LOCAL.services()) {
            if (!NOT_DEPLOYED.contains(service.name())) {
                all.add(describe(service));
            }
        }
        return all;
    }

    private static PlatformService describe(Service s) {
        return switch (s.name()) {
            case "registry-service" -> new PlatformService(s, "registry_service",
                    List.of(MONGO_URI, "FRMR_CRYPTO_MASTER_KEY", "FRMR_IDENTITY_SNILS_INDEX_KEY"), Map.of(),
                    checksTokens(Map.of()), Map.of("FRMR_FHIR_PUBLIC_BASE_URL", "/fhir"), true, false);
            case "employer-service" -> new PlatformService(s, "employer_service", List.of(MONGO_URI), Map.of(),
                    checksTokens(Map.of()), Map.of(), true, false);
            case "documents-service" -> new PlatformService(s, "documents_service",
                    List.of(MONGO_URI, "FRMR_CRYPTO_MASTER_KEY"),
                    ordered("FRMR_DOCUMENTS_SIGNING_KEY", "documents-signing.key.pem",
                            "FRMR_DOCUMENTS_SIGNING_CERTIFICATE", "documents-signing.cert.pem"),
                    checksTokens(ordered("SPRING_MAIL_HOST", "smtp.frmr.example", "SPRING_MAIL_PORT", "25")),
                    Map.of("FRMR_DOCUMENTS_CERTIFICATES_PUBLIC_BASE_URL", ""), true, true);
            case "notification-service" -> new PlatformService(s, "notification_service",
                    List.of(MONGO_URI, "FRMR_CRYPTO_MASTER_KEY", "FRMR_WEBHOOK_SIGNING_KEY"), Map.of(),
                    checksTokens(ordered("SPRING_MAIL_HOST", "smtp.frmr.example", "SPRING_MAIL_PORT", "25",
                            "FRMR_NOTIFICATION_SMS_BASE_URL", "https://sms.frmr.example")),
                    Map.of(), true, true);
            case "auth-service" -> new PlatformService(s, "auth_service",
                    List.of(MONGO_URI, "FRMR_CRYPTO_MASTER_KEY", "FRMR_IDENTITY_SNILS_INDEX_KEY", "FRMR_AUTH_CODE_PEPPER",
                            "FRMR_AUTH_ADDRESS_HASH_KEY", "FRMR_AUTH_SIGNING_KEY_ENCRYPTION_KEY"),
                    ordered("FRMR_ESIA_CLIENT_KEY", "esia-client.key.pem",
                            "FRMR_ESIA_CLIENT_CERTIFICATE", "esia-client.cert.pem",
                            "FRMR_ESIA_CERTIFICATE", "esia.cert.pem",
                            "FRMR_QES_TRUSTED_ROOTS", "qes-trusted-roots.pem"),
                    ordered("FRMR_SMTP_HOST", "smtp.frmr.example", "FRMR_SMTP_PORT", "25",
                            "FRMR_ESIA_BASE_URL", "https://esia.gosuslugi.ru", "FRMR_ESIA_CLIENT_ID", "FRMR_LK",
                            "FRMR_KAFKA_SUBSCRIBER_BOOTSTRAP_SERVERS", "kafka.frmr.example:9094"),
                    ordered("FRMR_PORTAL_URL", "/", "FRMR_AUTH_TOKEN_ENDPOINT", "/api/auth/oauth/token",
                            "FRMR_AUTH_JWKS_URI", "/api/auth/.well-known/jwks.json",
                            "FRMR_ESIA_REDIRECT_URI", "/api/auth/esia/callback"), true, true);
            case "audit-service" -> new PlatformService(s, "audit_service",
                    List.of(MONGO_URI, "FRMR_AUDIT_CHECKPOINT_KEY"), Map.of(), checksTokens(Map.of()), Map.of(), true,
                    false);
            case "portal" -> new PlatformService(s, "portal", List.of(MONGO_URI, "FRMR_PORTAL_TOKEN_KEY"), Map.of(),
                    ordered("FRMR_PORTAL_GATEWAY_URL", "http://gateway:" + Topology.LOCAL.service(Topology.GATEWAY)
                            .primary().port(), "FRMR_PORTAL_SECURE_COOKIES", "true"), Map.of(), false, false);
            case Topology.GATEWAY -> new PlatformService(s, null, List.of(), Map.of(), gatewaySettings(),
                    Map.of("FRMR_GATEWAY_CORS_ALLOWED_ORIGINS", ""), false, false);
            default -> throw new IllegalStateException("the deployment does not know " + s.name()
                    + ": describe it in Deployables, or list it in NOT_DEPLOYED");
        };
    }

    /** Where the gateway sends each service: the Kubernetes Service in front of its replicas. */
    private static Map<String, String> gatewaySettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        for (Service service : Topology.LOCAL.services()) {
            if (!service.routes().isEmpty() && !NOT_DEPLOYED.contains(service.name())) {
                settings.put("FRMR_GATEWAY_SERVICES_" + service.key().toUpperCase().replace('-', '_'),
                        "http://" + service.name() + ":" + service.primary().port());
            }
        }
        // The portal's replicas and the ingress controller pass the browser's address on in X-Forwarded-For: the
        // cluster's pod network is believed (the network policies let nothing else reach the gateway).
        settings.put("FRMR_GATEWAY_CLIENT_ADDRESS_TRUSTED_PROXIES", "10.244.0.0/16");
        return settings;
    }

    /** {@code settings} and where to fetch the token signing keys, first. */
    private static Map<String, String> checksTokens(Map<String, String> settings) {
        Service auth = Topology.LOCAL.service("auth-service");
        Map<String, String> all = new LinkedHashMap<>();
        all.put(JWKS_URI, "http://" + auth.name() + ":" + auth.primary().port() + "/.well-known/jwks.json");
        all.putAll(settings);
        return all;
    }

    private static Map<String, String> ordered(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
