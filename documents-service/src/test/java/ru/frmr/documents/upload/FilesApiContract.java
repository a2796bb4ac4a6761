package ru.frmr.documents.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import ru.frmr.contracts.ContractSchemas;
import ru.frmr.contracts.EventCatalog;
import ru.frmr.contracts.EventTypes;
import ru.frmr.contracts.ProblemTypes;
import ru.frmr.contracts.Topics;
import ru.frmr.contracts.documents.DocumentPurpose;
import ru.frmr.contracts.registry.PersonalDataErased;
import ru.frmr.documents.upload.FilesClient.Part;
import ru.frmr.documents.upload.api.AttachDocumentCommand;
import ru.frmr.documents.upload.api.Attachment;
import ru.frmr.documents.upload.store.DocumentStore;
import ru.frmr.infra.embedded.ServiceSmokeChecks;
import ru.frmr.infra.embedded.TestInfra;
import ru.frmr.kit.openapi.OpenApiCoverage;
import ru.frmr.kit.relay.CloudEventRecords;

/**
 * The files API on the real broker and Mongo wire server: every rejection is a problem naming its reason and field
 * with nothing stored (GridFS, the records and the event store unchanged); a JPEG with GPS data is stored without
 * it, its digest matching the downloaded bytes; who may read what; the events on Kafka against their schemas; an
 * erased worker's files are gone (410). Also what the kit gives every service (probes, metrics, problem+json),
 * checked in this context rather than in one of its own. The in-process broker and Mongo wire server
 * ({@link FilesApiIT}) and real mongo (replica set) and Kafka images ({@link FilesApiContainersIT}) run the same
 * tests; each subclass points the context at its infrastructure with {@link #useInfra}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
abstract class FilesApiContract {

    private static final List<String> STORES = List.of(DocumentStore.BUCKET + ".files",
            DocumentStore.BUCKET + ".chunks", "uploaded_documents", "domainevents");

    /** What a subclass's {@code @DynamicPropertySource} calls. */
    static void useInfra(DynamicPropertyRegistry registry, TestInfra infra) {
        registry.add("spring.kafka.bootstrap-servers", infra::kafkaBootstrapServers);
        registry.add("spring.data.mongodb.uri", () -> infra.mongoUri("documents_files_it"));
        registry.add("frmr.security.jwks-uri", FilesClient.ISSUER::jwksUri);
        // Another cached test context of this service (on another database) would otherwise share the shredding
        // consumer's group and take its events. The application's name (metrics carry it) stays.
        registry.add("frmr.kafka.consumer-group-prefix", () -> "documents-service-files-it");
    }

    /** The infrastructure {@link #useInfra} was given. */
    protected abstract TestInfra infra();

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    CommandGateway commands;

    private FilesClient client;
    private KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    @BeforeEach
    void setUp() {
        client = new FilesClient(port);
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra().kafkaBootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "documents-it-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topics.DOCUMENTS_EVENTS, Topics.PUBLIC_EVENTS));
    }

    @AfterEach
    void tearDown() {
        consumer.close();
    }

    private record Refusal(String what, Part file, int status, URI type) {
    }

    @Test
    void servesOnlyWhatTheKitGivesEveryService() {
        ServiceSmokeChecks checks = new ServiceSmokeChecks(port, managementPort, FilesClient.ISSUER);
        checks.probesAreUp();
        checks.metricsCarryTheServiceTag("documents-service");
        checks.metricsAreNotOnTheApiPort();
        checks.onlyOperationalEndpointsAreExposed();
        checks.anonymousRequestsAreUnauthorizedProblems();
        checks.unknownRoutesAreNotFoundProblems();
        checks.metricsInclude("frmr_relay_lag_seconds", "frmr_axon_processor_lag_seconds",
                "frmr_relay_published_total", "frmr_relay_failures_total", "frmr_consumer_events_total",
                "frmr_consumer_dead_lettered_total", "kafka_producer_record_send_total",
                "kafka_consumer_fetch_manager_records_lag_max", "jvm_memory_used_bytes",
                "process_start_time_seconds", "frmr_access_outbox_pending", "frmr_access_relay_published_total",
                "frmr_access_relay_failures_total", "http_server_requests_seconds_bucket",
                "frmr_documents_certificates_request_to_ready_seconds_bucket",
                "frmr_documents_certificates_mail_total");
    }

    @Test
    void everyRejectionIsAProblemNamingItsReasonAndNothingIsStored() {
        byte[] png = UploadFiles.png(UploadFiles.picture(60, 40));
        byte[] jpeg = UploadFiles.jpeg(UploadFiles.picture(200, 100));
        List<Refusal> refusals = List.of(
                new Refusal("empty", new Part("a.pdf", "application/pdf", new byte[0]), 400,
                        ProblemTypes.UPLOAD_EMPTY),
                new Refusal("5 MiB + 1", new Part("a.pdf", "application/pdf",
                        UploadFiles.pdfOfSize(UploadFiles.FIVE_MIB + 1)), 413, ProblemTypes.UPLOAD_TOO_LARGE),
                new Refusal("text", new Part("a.txt", "text/plain", "hello".getBytes(StandardCharsets.UTF_8)), 415,
                        ProblemTypes.UPLOAD_UNSUPPORTED_TYPE),
                new Refusal("png renamed .pdf", new Part("diploma.pdf", "application/pdf", png), 415,
                        ProblemTypes.UPLOAD_TYPE_MISMATCH),
                new Refusal("encrypted", new Part("a.pdf", "application/pdf", UploadFiles.encryptedPdf("")), 422,
                        ProblemTypes.UPLOAD_ENCRYPTED_PDF),
                new Refusal("javascript", new Part("a.pdf", "application/pdf",
                        UploadFiles.pdfWithOpenActionJavaScript()), 422, ProblemTypes.UPLOAD_PDF_JAVASCRIPT),
                new Refusal("launch", new Part("a.pdf", "application/pdf", UploadFiles.pdfWithLaunchAction()), 422,
                        ProblemTypes.UPLOAD_PDF_LAUNCH_ACTION),
                new Refusal("embedded", new Part("a.pdf", "application/pdf", UploadFiles.pdfWithEmbeddedFile()), 422,
                        ProblemTypes.UPLOAD_PDF_EMBEDDED_FILE),
                new Refusal("undecodable", new Part("a.jpg", "image/jpeg",
                        java.util.Arrays.copyOf(jpeg, jpeg.length / 2)), 422, ProblemTypes.UPLOAD_UNDECODABLE_IMAGE),
                new Refusal("pdf+zip", new Part("a.pdf", "application/pdf", UploadFiles.pdfWithZipAppended()), 422,
                        ProblemTypes.UPLOAD_POLYGLOT),
                new Refusal("jpeg+zip", new Part("a.jpg", "image/jpeg", UploadFiles.concat(jpeg, UploadFiles.zip())),
                        422, ProblemTypes.UPLOAD_POLYGLOT));
        String token = FilesClient.worker("w-" + UUID.randomUUID());
        Map<String, Long> before = counts();

        for (Refusal refusal : refusals) {
            HttpResponse<String> response = client.upload(token, refusal.file(), Map.of());
            assertThat(response.statusCode()).as(refusal.what()).isEqualTo(refusal.status());
            assertThat(response.headers().firstValue("Content-Type")).as(refusal.what())
                    .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
            JsonNode problem = FilesClient.json(response);
            assertThat(problem.get("type").asText()).as(refusal.what()).isEqualTo(refusal.type().toString());
            assertThat(problem.at("/errors/0/field").asText()).as(refusal.what()).isEqualTo("file");
            assertThat(response.body()).as(refusal.what()).doesNotContain("diploma");
        }

        HttpResponse<String> noFile = client.upload(token, null, Map.of("purpose", "PROFILE_CHANGE"));
        assertThat(noFile.statusCode()).isEqualTo(400);
        assertThat(FilesClient.json(noFile).at("/errors/0/field").asText()).isEqualTo("file");
        HttpResponse<String> badTarget = client.upload(token, new Part("a.pdf", "application/pdf",
                UploadFiles.pdf()), Map.of("purpose", "LINK_REQUEST", "targetId", "lr-1"));
        assertThat(badTarget.statusCode()).isEqualTo(400);
        assertThat(FilesClient.json(badTarget).at("/errors/0/field").asText()).isEqualTo("organizationId");

        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void exactlyFiveMebibytesAreAccepted() {
        String workerId = "w-" + UUID.randomUUID();
        byte[] exact = UploadFiles.pdfOfSize(UploadFiles.FIVE_MIB);

        JsonNode created = FilesClient.json(expect(client.upload(FilesClient.worker(workerId),
                new Part("scan.pdf", "application/pdf", exact), Map.of()), 201));

        assertThat(created.get("sizeBytes").asLong()).isEqualTo(5_242_880);
        assertThat(created.get("sha256").asText()).isEqualTo(sha256(exact));
        HttpResponse<byte[]> back = client.download(FilesClient.worker(workerId), created.get("documentId").asText());
        assertThat(back.statusCode()).isEqualTo(200);
        assertThat(back.body()).isEqualTo(exact);
    }

    @Test
    void aJpegWithGpsIsStoredWithoutItAndItsDigestMatchesTheDownload() {
        String workerId = "w-" + UUID.randomUUID();
        String owner = FilesClient.worker(workerId);
        byte[] withGps = UploadFiles.jpegWithGps(UploadFiles.picture(640, 480));

        JsonNode created = FilesClient.json(expect(client.upload(owner, new Part("Фото диплома.jpg", "image/jpeg",
                withGps), Map.of("purpose", "PROFILE_CHANGE", "targetId", "ch-42")), 201));
        String documentId = created.get("documentId").asText();
        assertThat(created.get("mediaType").asText()).isEqualTo("image/jpeg");
        assertThat(created.get("purpose").asText()).isEqualTo("PROFILE_CHANGE");
        assertThat(created.get("targetId").asText()).isEqualTo("ch-42");

        HttpResponse<byte[]> download = client.download(owner, documentId);
        assertThat(download.statusCode()).isEqualTo(200);
        byte[] stored = download.body();
        assertThat(sha256(stored)).isEqualTo(created.get("sha256").asText());
        assertThat(stored.length).isEqualTo(created.get("sizeBytes").asInt());
        assertThat(UploadFiles.indexOf(stored, "Exif".getBytes(StandardCharsets.US_ASCII))).isNegative();
        assertThat(UploadFiles.indexOf(stored, UploadFiles.GPS_LATITUDE_55)).isNegative();
        assertThat(download.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(download.headers().firstValue("Cache-Control")).hasValueSatisfying(
                v -> assertThat(v).contains("no-store"));
        assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("attachment; filename=\"").contains("filename*=UTF-8''%D0%A4%D0%BE%D1%82%D0%BE"));

        // At rest the bytes are not the JPEG: GridFS holds ciphertext.
        java.io.ByteArrayOutputStream atRest = new java.io.ByteArrayOutputStream();
        mongo.getCollection(DocumentStore.BUCKET + ".chunks").find(new Document("files_id", documentId))
                .sort(new Document("n", 1))
                .forEach(chunk -> atRest.writeBytes(chunk.get("data", org.bson.types.Binary.class).getData()));
        assertThat(atRest.size()).isGreaterThan(stored.length);
        assertThat(UploadFiles.indexOf(atRest.toByteArray(), java.util.Arrays.copyOf(stored, 32))).isNegative();

        CloudEvent uploaded = awaitEvent(documentId, EventTypes.DOCUMENT_UPLOADED);
        CloudEvent attached = awaitEvent(documentId, EventTypes.DOCUMENT_ATTACHED);
        for (CloudEvent event : List.of(uploaded, attached)) {
            byte[] data = event.getData().toBytes();
            assertThat(ContractSchemas.violations(event.getType(), data)).isEmpty();
            assertThat(new String(data, StandardCharsets.UTF_8)).doesNotContain("Фото").doesNotContain("jpg\"");
        }
        JsonNode attachedData = read(attached);
        assertThat(attachedData.get("purpose").asText()).isEqualTo("PROFILE_CHANGE");
        assertThat(attachedData.get("targetId").asText()).isEqualTo("ch-42");
        assertThat(attachedData.get("ownerWorkerId").asText()).isEqualTo(workerId);
        assertThat(attachedData.get("sha256").asText()).isEqualTo(created.get("sha256").asText());
        assertThat(seen.stream().filter(r -> r.topic().equals(Topics.PUBLIC_EVENTS))
                .map(r -> KafkaMessageFactory.createReader(r).toEvent().getSubject())).doesNotContain(documentId);

        JsonNode mine = FilesClient.json(expect(client.get(owner, "/api/documents/me/files"), 200));
        assertThat(mine.get("total").asLong()).isEqualTo(1);
        assertThat(mine.at("/items/0/fileName").asText()).isEqualTo("Фото диплома.jpg");
        assertThat(mine.at("/items/0/attachments/0/targetId").asText()).isEqualTo("ch-42");
    }

    @Test
    void readersAreTheOwnerAndThoseThePurposeNames() {
        String workerId = "w-" + UUID.randomUUID();
        String owner = FilesClient.worker(workerId);
        byte[] pdf = UploadFiles.pdf();

        String forChange = FilesClient.json(expect(client.upload(owner, new Part("a.pdf", "application/pdf", pdf),
                Map.of("purpose", "PROFILE_CHANGE", "targetId", "ch-1")), 201)).get("documentId").asText();
        String forLink = FilesClient.json(expect(client.upload(owner, new Part("contract.pdf", "application/pdf",
                pdf), Map.of("purpose", "LINK_REQUEST", "targetId", "lr-1", "organizationId", "org-5")), 201))
                .get("documentId").asText();
        String plain = FilesClient.json(expect(client.upload(owner, new Part("b.pdf", null, pdf), Map.of()), 201))
                .get("documentId").asText();

        assertThat(client.download(FilesClient.admin(), forChange).statusCode()).isEqualTo(200);
        assertThat(client.download(FilesClient.admin(), forLink).statusCode()).isEqualTo(404);
        assertThat(client.download(FilesClient.hr("org-5"), forLink).statusCode()).isEqualTo(200);
        assertThat(client.download(FilesClient.hr("org-6"), forLink).statusCode()).isEqualTo(404);
        assertThat(client.download(FilesClient.hr("org-5"), forChange).statusCode()).isEqualTo(404);
        String stranger = FilesClient.worker("w-" + UUID.randomUUID());
        for (String id : List.of(forChange, forLink, plain)) {
            HttpResponse<byte[]> denied = client.download(stranger, id);
            assertThat(denied.statusCode()).isEqualTo(404);
            assertThat(new String(denied.body(), StandardCharsets.UTF_8)).contains(ProblemTypes.NOT_FOUND.toString());
        }
        assertThat(client.download(stranger, UUID.randomUUID().toString()).statusCode()).isEqualTo(404);
        assertThat(client.download(FilesClient.admin(), plain).statusCode()).isEqualTo(404);

        // Attaching afterwards opens it to that organisation's HR; attaching again is once.
        String attach = "{\"purpose\":\"LINK_REQUEST\",\"targetId\":\"lr-9\",\"organizationId\":\"org-7\"}";
        expect(client.postJson(stranger, "/api/documents/files/" + plain + "/attachments", attach), 404);
        assertThat(client.download(FilesClient.hr("org-7"), plain).statusCode()).isEqualTo(404);
        expect(client.postJson(owner, "/api/documents/files/" + plain + "/attachments", attach), 201);
        expect(client.postJson(owner, "/api/documents/files/" + plain + "/attachments", attach), 201);
        assertThat(client.download(FilesClient.hr("org-7"), plain).statusCode()).isEqualTo(200);
        assertThat(mongo.getCollection("domainevents").countDocuments(new Document("aggregateIdentifier", plain)))
                .as("uploaded + one attachment").isEqualTo(2);
        HttpResponse<String> badAttach = client.postJson(owner, "/api/documents/files/" + plain + "/attachments",
                "{\"purpose\":\"PROFILE_CHANGE\",\"targetId\":\"bad id!\"}");
        assertThat(badAttach.statusCode()).isEqualTo(400);
        assertThat(FilesClient.json(badAttach).at("/errors/0/field").asText()).isEqualTo("targetId");
    }

    @Test
    void aSupportRequestsAttachmentIsReadBySupportAndNotItsOtherFiles() {
        String owner = FilesClient.worker("w-" + UUID.randomUUID());
        byte[] pdf = UploadFiles.pdf();
        String forSupport = FilesClient.json(expect(client.upload(owner, new Part("screen.pdf", "application/pdf",
                pdf), Map.of()), 201)).get("documentId").asText();
        String forChange = FilesClient.json(expect(client.upload(owner, new Part("a.pdf", "application/pdf", pdf),
                Map.of("purpose", "PROFILE_CHANGE", "targetId", "ch-77")), 201)).get("documentId").asText();

        assertThat(client.download(FilesClient.support(), forSupport).statusCode()).isEqualTo(404);
        String requestId = UUID.randomUUID().toString();
        expect(client.postJson(owner, "/api/documents/files/" + forSupport + "/attachments",
                "{\"purpose\":\"SUPPORT_REQUEST\",\"targetId\":\"" + requestId + "\"}"), 201);

        assertThat(client.download(FilesClient.support(), forSupport).statusCode()).isEqualTo(200);
        assertThat(client.download(FilesClient.support(), forChange).statusCode()).isEqualTo(404);
        assertThat(client.download(FilesClient.admin(), forSupport).statusCode()).isEqualTo(404);
        assertThat(client.download(FilesClient.worker("w-" + UUID.randomUUID()), forSupport).statusCode())
                .isEqualTo(404);
    }

    @Test
    void anAttachmentRecordedOnlyByTheAggregateStillOpensTheFileToItsReader() {
        String workerId = "w-" + UUID.randomUUID();
        String owner = FilesClient.worker(workerId);
        JsonNode uploaded = FilesClient.json(expect(client.upload(owner, new Part("c.pdf", "application/pdf",
                UploadFiles.pdf()), Map.of()), 201));
        String documentId = uploaded.get("documentId").asText();
        String ownerAccountId = mongo.getCollection("uploaded_documents").find(new Document("_id", documentId))
                .first().getString("ownerAccountId");

        // As if the service stopped right after the event was stored, before its own write of the attachment.
        commands.sendAndWait(new AttachDocumentCommand(documentId, ownerAccountId,
                new Attachment(DocumentPurpose.LINK_REQUEST, "lr-42", "org-42"), Instant.now()));

        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(client.download(FilesClient.hr("org-42"), documentId).statusCode()).isEqualTo(200));
    }

    @Test
    void aBodyThatIsNoMultipartFormIsAProblemNamingTheFileNotAServerError() {
        byte[] broken = "--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF-"
                .getBytes(StandardCharsets.US_ASCII);
        String owner = FilesClient.worker("w-" + UUID.randomUUID());
        for (HttpResponse<String> answer : List.of(
                client.postRaw(owner, "/api/documents/files", "multipart/form-data; boundary=xyz", broken),
                client.postRaw(null, "/api/documents/verify", "multipart/form-data; boundary=xyz", broken))) {
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(FilesClient.json(answer).at("/errors/0/field").asText()).isEqualTo("file");
        }
    }

    @Test
    void anErasedWorkersFilesAreGone() {
        String workerId = "w-" + UUID.randomUUID();
        String owner = FilesClient.worker(workerId);
        String documentId = FilesClient.json(expect(client.upload(owner, new Part("a.png", "image/png",
                UploadFiles.png(UploadFiles.picture(30, 30))), Map.of("purpose", "PROFILE_CHANGE",
                "targetId", "ch-7")), 201)).get("documentId").asText();
        String other = FilesClient.json(expect(client.upload(FilesClient.worker(workerId + "-other"),
                new Part("a.pdf", "application/pdf", UploadFiles.pdf()), Map.of()), 201)).get("documentId").asText();

        publish(new PersonalDataErased(workerId, Instant.now()));
        publish(new PersonalDataErased(workerId, Instant.now()));

        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> client.download(owner, documentId).statusCode() == 410);
        HttpResponse<byte[]> gone = client.download(FilesClient.admin(), documentId);
        assertThat(gone.statusCode()).isEqualTo(410);
        assertThat(new String(gone.body(), StandardCharsets.UTF_8)).contains(ProblemTypes.GONE.toString());
        assertThat(client.download(FilesClient.worker("w-" + UUID.randomUUID()), documentId).statusCode())
                .isEqualTo(404);
        assertThat(mongo.getCollection(DocumentStore.BUCKET + ".files").countDocuments(new Document("_id",
                documentId))).isZero();
        assertThat(mongo.getCollection(DocumentStore.BUCKET + ".chunks").countDocuments(new Document("files_id",
                documentId))).isZero();
        Document record = mongo.getCollection("uploaded_documents").find(new Document("_id", documentId)).first();
        assertThat(record).doesNotContainKeys("sealedFileKey", "sealedFileName");
        JsonNode mine = FilesClient.json(expect(client.get(owner, "/api/documents/me/files"), 200));
        assertThat(mine.at("/items/0/fileName").isNull()).isTrue();
        assertThat(client.download(FilesClient.worker(workerId + "-other"), other).statusCode()).isEqualTo(200);

        // A token that outlived the erasure stores nothing new.
        Map<String, Long> before = counts();
        HttpResponse<String> again = client.upload(owner, new Part("a.pdf", "application/pdf", UploadFiles.pdf()),
                Map.of());
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(FilesClient.json(again).at("/errors/0/field").asText()).isEqualTo("file");
        assertThat(counts()).isEqualTo(before);
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String collection : STORES) {
            counts.put(collection, mongo.getCollection(collection).countDocuments());
        }
        return counts;
    }

    private CloudEvent awaitEvent(String subject, String type) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            return find(subject, type) != null;
        });
        return find(subject, type);
    }

    private CloudEvent find(String subject, String type) {
        return seen.stream().filter(r -> r.topic().equals(Topics.DOCUMENTS_EVENTS))
                .map(r -> KafkaMessageFactory.createReader(r).toEvent())
                .filter(e -> subject.equals(e.getSubject()) && type.equals(e.getType())).findFirst().orElse(null);
    }

    private static JsonNode read(CloudEvent event) {
        try {
            return FilesClient.JSON.readTree(event.getData().toBytes());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void publish(PersonalDataErased event) {
        CloudEvent ce = CloudEventRecords.cloudEvent(UUID.randomUUID().toString(),
                URI.create("/frmr/registry-service"), EventCatalog.of(event.getClass()), event, Instant.now(),
                Map.of(CloudEventRecords.ACTOR, "account:registry-admin"));
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                infra().kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(CloudEventRecords.record(Topics.REGISTRY_EVENTS, ce)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> HttpResponse<T> expect(HttpResponse<T> response, int status) {
        assertThat(response.statusCode()).as(String.valueOf(response.body())).isEqualTo(status);
        return response;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping openApiHandlers;

    /** The OpenAPI 3.1 document: served without a token, listing every handler of the service. */
    @Test
    void theOpenApiDocumentIsPublicAndCoversEveryHandler() {
        OpenApiCoverage.verify(URI.create("http://127.0.0.1:" + port + "/api/documents/openapi.json"), openApiHandlers);
    }
}
