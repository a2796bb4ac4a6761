package ru.frmr.topology;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The platform's services, in start order, with their ports and the paths the gateway routes to them. Written
 * once here: the local stack launches from it, the gateway builds its routes from it, the README's port table
 * is generated from it ({@code TopologyReadmeTest}). The portal, or a second replica of a service, is one
 * entry here.
 *
 * @param services start order: the ESIA emulator first (auth-service calls it), the gateway last (it fronts
 *                 the others)
 */
public record Topology(List<Service> services) {

    /** Every local port is bound to the loopback address only: a developer's machine serves nobody else. */
    public static final String HOST = "127.0.0.1";
    public static final int KAFKA_PORT = 9092;
    public static final int KAFKA_CONTROLLER_PORT = 9093;
    /** The broker's listener for outside subscribers (agencies): SASL/SCRAM-SHA-512, ACLs. */
    public static final int KAFKA_SUBSCRIBER_PORT = 9094;
    public static final int MONGO_PORT = 27017;
    public static final int SMTP_PORT = 3025;
    public static final int MAILBOX_PORT = 8025;
    /** The SMS gateway emulator (local runs): what the platform texts is listed on the mailbox page too. */
    public static final int SMS_PORT = 8026;
    public static final String GATEWAY = "gateway";

    public static final Topology LOCAL = new Topology(List.of(
            new Service("esia-emulator", "infra/esia-emulator",
                    "ESIA's protocol for local runs and tests: `/aas/oauth2/v2/ac`, `/aas/oauth2/v3/te`, "
                            + "`/rs/prns/{oid}[/ctts\\|/docs\\|/roles]`, `/idp/ext/Logout`",
                    List.of(), List.of(new Instance(8089, 9089))),
            new Service("registry-service", "registry-service",
                    "the worker's record, moderation, the public register and FHIR R4 (see below)",
                    List.of(new Route("registry", "/api/registry/**"), new Route("fhir", "/fhir/**")),
                    List.of(new Instance(8081, 9081))),
            new Service("employer-service", "employer-service",
                    "medical organisations, HR rights, linking staff, employment records and discrepancies "
                            + "(`/api/employer/**`, see «Employer service» below)",
                    List.of(new Route("employer", "/api/employer/**")), List.of(new Instance(8082, 9082))),
            new Service("documents-service", "documents-service",
                    "uploaded scans (PDF, JPEG, PNG up to 5 MiB; `POST /api/documents/files`), справки as "
                            + "signed PDFs (`/api/documents/me/certificates`, the postal queue "
                            + "`/api/documents/admin/certificates`) and their public verification without login: "
                            + "`GET /api/documents/verify/{number}`, `POST /api/documents/verify` (the PDF); the QR "
                            + "code leads to the portal's `/verify/{number}`",
                    List.of(new Route("documents", "/api/documents/**")), List.of(new Instance(8083, 9083))),
            new Service("notification-service", "notification-service",
                    "notices by e-mail, SMS and the cabinet's inbox (`/api/notifications/me/inbox`, "
                            + "`/api/notifications/me/preferences`, failed ones for operators at "
                            + "`/api/notifications/admin/failed`) and support requests (обращения): "
                            + "`/api/support/requests`, without login `/api/support/public/requests`, the SUPPORT "
                            + "queue `/api/support/admin/queue`; agencies' webhooks (Standard Webhooks): "
                            + "`/api/notifications/webhooks`, their delivery log and replay, the signing key "
                            + "`/api/notifications/webhooks/signing-key`",
                    List.of(new Route("notification", "/api/notifications/**"), new Route("support", "/api/support/**")),
                    List.of(new Instance(8084, 9084))),
            new Service("auth-service", "auth-service",
                    "ESIA, OIDC and qualified-signature login, second factor, sessions, accounts and the "
                            + "administrators' activation queue (`GET /api/auth/admin/activation-requests`), the "
                            + "platform's JWT and "
                            + "its keys (`/.well-known/jwks.json`, also `/api/auth/.well-known/jwks.json` via the gateway); "
                            + "supervisory agencies (`/api/auth/agencies`: Kafka credentials and ACLs, machine clients) "
                            + "and the client-credentials grant `POST /api/auth/oauth/token` (private_key_jwt)",
                    List.of(new Route("auth", "/api/auth/**")), List.of(new Instance(8085, 9085))),
            new Service("audit-service", "audit-service",
                    "`GET /api/audit/entries?subject=&type=&from=&to=&page=&size=`, "
                            + "`GET /api/audit/entries/{sequence}[/leaf]`, `GET /api/audit/verify[?checkpoint=]`; "
                            + "without login the signed checkpoints and proofs `/api/audit/public/**`; the worker's "
                            + "«кто смотрел мои данные» `GET /api/audit/me/access`; anomaly alerts `GET /api/audit/alerts`",
                    List.of(new Route("audit", "/api/audit/**")), List.of(new Instance(8086, 9086))),
            new Service("portal", "portal",
                    "the cabinet in the browser (pages for every role, server-rendered); keeps the person's tokens "
                            + "on the server and calls the services through the gateway",
                    List.of(new Route("portal", Route.EVERYTHING_ELSE)), List.of(new Instance(8087, 9087))),
            new Service(GATEWAY, "gateway",
                    "the only door: the routes in this table; problem+json for unknown routes and unreachable services",
                    List.of(), List.of(new Instance(8080, 9080)))));

    public Topology {
        services = List.copyOf(services);
        Set<String> names = new HashSet<>();
        Set<String> routeIds = new HashSet<>();
        Set<Integer> ports = new HashSet<>(List.of(KAFKA_PORT, KAFKA_CONTROLLER_PORT, KAFKA_SUBSCRIBER_PORT, MONGO_PORT,
                SMTP_PORT, MAILBOX_PORT, SMS_PORT));
        for (Service service : services) {
            require(names.add(service.name()), "service " + service.name() + " is listed twice");
            service.routes().forEach(route -> require(routeIds.add(route.id()), "route id " + route.id() + " is used twice"));
            for (Instance instance : service.instances()) {
                require(ports.add(instance.port()), "port " + instance.port() + " of " + service.name() + " is taken");
                require(ports.add(instance.managementPort()),
                        "management port " + instance.managementPort() + " of " + service.name() + " is taken");
            }
        }
        require(!services.isEmpty() && services.get(services.size() - 1).name().equals(GATEWAY),
                "the gateway must start last: it fronts all the others");
    }

    public Service service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no service " + name + " in the topology"));
    }

    /** This topology with one more service, started just before the gateway that fronts it. */
    public Topology with(Service extra) {
        List<Service> more = new ArrayList<>(services);
        more.add(more.size() - 1, extra);
        return new Topology(more);
    }

    /** This topology with {@code name}'s service given one more running copy. */
    public Topology withReplica(String name, Instance replica) {
        service(name);
        return new Topology(services.stream()
                .map(s -> s.name().equals(name) ? s.withReplica(replica) : s)
                .toList());
    }

    /**
     * The README's port table (markdown), services first, then what the local stack runs in its own JVM.
     * Regenerate the README's copy with
     * {@code ./mvnw -o -q -B -pl libs/topology test -Dtest=TopologyReadmeTest -Dfrmr.topology.write-readme=true}.
     */
    public String portTable() {
        StringBuilder table = new StringBuilder()
                .append("| service | port | management port (127.0.0.1) | gateway routes | what |\n")
                .append("|---|---|---|---|---|\n");
        for (Service service : services) {
            table.append("| ").append(service.name())
                    .append(" | ").append(join(service.instances().stream().map(i -> String.valueOf(i.port())).toList()))
                    .append(" | ").append(join(service.instances().stream()
                            .map(i -> String.valueOf(i.managementPort())).toList()))
                    .append(" | ").append(service.routes().isEmpty() ? "—" : join(service.routes().stream()
                            .map(r -> "`" + r.path() + "`").toList()))
                    .append(" | ").append(service.summary()).append(" |\n");
        }
        table.append("| Kafka broker | ").append(KAFKA_PORT).append(" (controller ").append(KAFKA_CONTROLLER_PORT)
                .append(", subscribers ").append(KAFKA_SUBSCRIBER_PORT)
                .append(") | — | — | KRaft, single node, in the launcher's JVM; the platform's services on ")
                .append(KAFKA_PORT).append(", agencies on ").append(KAFKA_SUBSCRIBER_PORT)
                .append(" (SASL/SCRAM-SHA-512, ACLs; see «How an agency connects») |\n");
        table.append("| MongoDB wire server | ").append(MONGO_PORT)
                .append(" | — | — | mongo-java-server, H2 file `.frmr-data/mongo.mv.db`, in the launcher's JVM |\n");
        table.append("| SMTP server | ").append(SMTP_PORT).append(" | — | — | GreenMail; what the platform sends ")
                .append("(one-time codes) is listed at `http://").append(HOST).append(':').append(MAILBOX_PORT)
                .append("/` (local runs only) |\n");
        table.append("| SMS gateway emulator | ").append(SMS_PORT).append(" | — | — | `POST /api/v1/messages`, ")
                .append("`GET /api/v1/messages`; what the platform texts (with its segment count) is listed at `http://")
                .append(HOST).append(':').append(MAILBOX_PORT).append("/` too (local runs only) |\n");
        return table.toString();
    }

    private static String join(List<String> values) {
        return values.stream().collect(Collectors.joining(", "));
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
