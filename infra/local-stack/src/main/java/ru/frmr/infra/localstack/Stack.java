package ru.frmr.infra.localstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import ru.frmr.infra.embedded.EmbeddedKafkaBroker;
import ru.frmr.infra.embedded.EmbeddedMongo;
import ru.frmr.infra.embedded.EmbeddedSmsGateway;
import ru.frmr.infra.embedded.EmbeddedSmtp;
import ru.frmr.infra.embedded.ServiceProcess;
import ru.frmr.topology.Topology;

/** What is running: the in-process Kafka and Mongo and the service processes, stopped in dependency order. */
final class Stack implements AutoCloseable {

    private static final String AUTH_SERVICE = "auth-service";

    private final Path dataDir;
    private final EmbeddedKafkaBroker kafka;
    private final EmbeddedMongo mongo;
    private final EmbeddedSmtp smtp;
    private final EmbeddedSmsGateway sms;
    private final MailboxPage mailbox;
    private final List<ServiceProcess> services = new CopyOnWriteArrayList<>();
    private volatile boolean closing;

    private Stack(Path dataDir, EmbeddedKafkaBroker kafka, EmbeddedMongo mongo, EmbeddedSmtp smtp,
                  EmbeddedSmsGateway sms, MailboxPage mailbox) {
        this.dataDir = dataDir;
        this.kafka = kafka;
        this.mongo = mongo;
        this.smtp = smtp;
        this.sms = sms;
        this.mailbox = mailbox;
    }

    /**
     * Kafka and Mongo keep their files in {@code dataDir}, so data survives a restart of the launcher. The
     * SMTP server and the SMS emulator keep messages in memory only: one-time codes are worthless after a restart
     * anyway.
     */
    static Stack startInfra(Path dataDir) {
        EmbeddedMongo mongo = EmbeddedMongo.h2(dataDir.resolve("mongo.mv.db"), Topology.HOST, Topology.MONGO_PORT);
        EmbeddedSmtp smtp = null;
        EmbeddedSmsGateway sms = null;
        try {
            smtp = EmbeddedSmtp.start(Topology.HOST, Topology.SMTP_PORT);
            sms = EmbeddedSmsGateway.start(Topology.HOST, Topology.SMS_PORT);
            MailboxPage mailbox = MailboxPage.serve(smtp, sms, Topology.HOST, Topology.MAILBOX_PORT);
            EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), Topology.KAFKA_PORT,
                    Topology.KAFKA_CONTROLLER_PORT, Topology.KAFKA_SUBSCRIBER_PORT);
            return new Stack(dataDir, kafka, mongo, smtp, sms, mailbox);
        } catch (RuntimeException e) {
            if (sms != null) {
                sms.close();
            }
            if (smtp != null) {
                smtp.close();
            }
            mongo.close();
            throw e;
        }
    }

    /** {@code extraArgs}: more {@code --name=value} arguments for this one process. */
    ServiceProcess launch(ServiceSpec spec, Path jar, List<String> extraArgs) {
        List<String> args = new ArrayList<>(List.of("--spring.kafka.bootstrap-servers=" + kafkaBootstrapServers(),
                "--spring.data.mongodb.uri=" + mongoUri() + "/" + spec.database()));
        args.addAll(extraArgs);
        if (spec.module().equals(AUTH_SERVICE)) {
            // The onboarding answer tells an agency where to connect: the broker's SASL/SCRAM listener.
            args.add("--frmr.auth.agencies.kafka.subscriber-bootstrap-servers=" + kafkaSubscriberBootstrapServers());
        }
        ServiceProcess process = ServiceProcess.start(spec.name(), jar, spec.port(), spec.managementPort(), "local",
                logFile(spec), args);
        services.add(process);
        return process;
    }

    Path logFile(ServiceSpec spec) {
        return dataDir.resolve("logs").resolve(spec.name() + ".log");
    }

    String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** Where agencies connect: SASL_PLAINTEXT with SCRAM-SHA-512 on loopback, each agency its own user. */
    String kafkaSubscriberBootstrapServers() {
        return kafka.subscriberBootstrapServers();
    }

    String mailboxUrl() {
        return "http://" + Topology.HOST + ":" + Topology.MAILBOX_PORT + "/";
    }

    String smtpAddress() {
        return Topology.HOST + ":" + smtp.port();
    }

    String smsGatewayUrl() {
        return sms.baseUrl();
    }

    String mongoUri() {
        return mongo.connectionString();
    }

    List<ServiceProcess> services() {
        return services;
    }

    boolean isClosing() {
        return closing;
    }

    /**
     * The gateway (launched last) stops first so no new requests come in; the other services then stop in
     * parallel, and only after them Kafka and Mongo, which they still use while shutting down.
     */
    @Override
    public synchronized void close() {
        if (closing) {
            return;
        }
        closing = true;
        List<ServiceProcess> reversed = new ArrayList<>(services);
        Collections.reverse(reversed);
        if (!reversed.isEmpty()) {
            reversed.get(0).stop();
            stopInParallel(reversed.subList(1, reversed.size()));
        }
        mailbox.close();
        sms.close();
        smtp.close();
        kafka.close();
        mongo.close();
    }

    private static void stopInParallel(List<ServiceProcess> processes) {
        List<Thread> stoppers = processes.stream()
                .map(p -> new Thread(p::stop, "stop-" + p.name()))
                .toList();
        stoppers.forEach(Thread::start);
        for (Thread stopper : stoppers) {
            try {
                stopper.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
