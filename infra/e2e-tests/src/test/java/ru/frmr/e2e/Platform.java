package ru.frmr.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import ru.frmr.contracts.Topics;
import ru.frmr.infra.embedded.Ports;
import ru.frmr.infra.embedded.ServiceProcess;
import ru.frmr.infra.embedded.SharedTestInfra;

/**
 * The platform under test: the in-process Kafka broker and Mongo wire server of this JVM, and the
 * packaged services as child processes, each with its own log file.
 */
final class Platform implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(150);

    private final SharedTestInfra infra = SharedTestInfra.get();
    private final Path repoRoot = Path.of(System.getProperty("frmr.repo.root", "../..")).toAbsolutePath().normalize();
    private final Path logDir;
    private final Map<String, ServiceProcess> running = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Admin admin;
    private int launches;

    Platform(Path logDir) {
        this.logDir = logDir;
        int[] free = Ports.pickFree(3);
        ports.put("registry-service", free[0]);
        ports.put("audit-service", free[1]);
        ports.put("gateway", free[2]);
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers()));
    }

    /** Starts registry-service and audit-service concurrently, then the gateway in front of them. */
    void startAll() {
        List<ServiceProcess> started = List.of(start("registry-service"), start("audit-service"));
        started.forEach(p -> p.awaitHealthy(START_TIMEOUT));
        start("gateway").awaitHealthy(START_TIMEOUT);
    }

    ServiceProcess start(String service, String... extraArgs) {
        List<String> args = new ArrayList<>();
        if (service.equals("gateway")) {
            args.add("--frmr.gateway.services.registry=http://127.0.0.1:" + ports.get("registry-service"));
            args.add("--frmr.gateway.services.audit=http://127.0.0.1:" + ports.get("audit-service"));
        } else {
            args.add("--spring.kafka.bootstrap-servers=" + infra.kafkaBootstrapServers());
            args.add("--spring.data.mongodb.uri=" + infra.mongoUri(service.replace('-', '_') + "_e2e"));
        }
        args.addAll(List.of(extraArgs));
        Path jar = ServiceProcess.findExecJar(repoRoot, service);
        // Every launch logs to its own file, so the log check reads each run in full.
        Path log = logDir.resolve(service + "-" + (++launches) + ".log");
        ServiceProcess process = ServiceProcess.start(service, jar, ports.get(service), "local", log, args);
        running.put(service, process);
        return process;
    }

    ServiceProcess restart(String service, String... extraArgs) {
        running.remove(service).stop();
        ServiceProcess process = start(service, extraArgs);
        process.awaitHealthy(START_TIMEOUT);
        return process;
    }

    /** Simulates a crash: SIGKILL, no shutdown hooks, nothing flushed. */
    void kill(String service) {
        running.remove(service).kill();
    }

    String gatewayUrl() {
        return "http://127.0.0.1:" + ports.get("gateway");
    }

    /** True when the consumer group has read everything currently on the platform's event topics. */
    boolean consumerGroupCaughtUp(String groupId) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
            Set<String> topics = Set.copyOf(Topics.ALL_EVENT_TOPICS);
            Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(topics).allTopicNames().get().values()
                    .stream()
                    .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                    .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get();
            return ends.entrySet().stream().allMatch(e -> {
                long end = e.getValue().offset();
                OffsetAndMetadata done = committed.get(e.getKey());
                return end == 0 || (done != null && done.offset() >= end);
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    List<Path> logFiles() {
        try (var files = Files.list(logDir)) {
            return files.filter(f -> f.toString().endsWith(".log")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        ServiceProcess gateway = running.remove("gateway");
        if (gateway != null) {
            gateway.stop();
        }
        running.values().forEach(ServiceProcess::stop);
        running.clear();
        admin.close();
    }
}
