package ru.frmr.documents.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import ru.frmr.contracts.Topics;
import ru.frmr.contracts.registry.PersonalDataErased;
import ru.frmr.documents.certificate.CertificateClient.Worker;
import ru.frmr.documents.certificate.issue.CertificateFiles;
import ru.frmr.documents.certificate.issue.Sha256;
import ru.frmr.infra.embedded.jwt.TestToken;

/**
 * Справки end to end inside the service: the other services' events in, a request, READY within seconds, then
 * each delivery (download, e-mail through an SMTP outage, post by an administrator), a refusal, and the public
 * verification by number and by the PDF.
 */
class CertificateFlowIT extends CertificateItSupport {

    private static final Map<String, Object> ADDRESS = Map.of("postcode", "101000", "region", "г. Москва",
            "city", "Москва", "street", "ул. Мясницкая", "building", "д. 1", "apartment", "кв. 2");

    @Autowired
    private CertificateFiles files;
    @Autowired
    private MongoTemplate mongo;
    @Autowired
    private JavaMailSender mailSender;
    @Autowired
    private MeterRegistry meters;

    private static Map<String, Object> body(String type, String delivery) {
        return Map.of("type", type, "purpose", "по месту требования", "delivery", delivery);
    }

    @Test
    void aDownloadedSpravkaIsDeliveredOnItsFirstDownloadAndVerifiesByNumberAndByPdf() {
        Worker worker = CertificateClient.registeredWorker(null);
        CertificateClient.hired(worker);
        awaitKnown(worker, true);

        String requestId = request(worker, body("EMPLOYMENT_HISTORY", "DOWNLOAD"));
        JsonNode ready = awaitStatus(worker, requestId, "READY");
        String number = ready.path("number").asText();
        assertThat(number).matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}");
        assertThat(ready.path("validUntil").asText()).isNotBlank();

        var download = client().getBytes("/api/documents/me/certificates/" + requestId + "/pdf", worker.token());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).contains("application/pdf");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        byte[] pdf = download.body();
        JsonNode delivered = awaitStatus(worker, requestId, "DELIVERED");
        assertThat(delivered.path("channel").asText()).isEqualTo("DOWNLOADED");

        JsonNode byNumber = CertificateClient.json(client().get("/api/documents/verify/" + number, null));
        assertThat(byNumber.path("status").asText()).isEqualTo("VALID");
        assertThat(byNumber.path("holder").asText()).isEqualTo("Иванова М. П.");
        assertThat(byNumber.path("type").asText()).isEqualTo("EMPLOYMENT_HISTORY");
        assertThat(byNumber.path("sha256").asText()).isEqualTo(Sha256.hex(pdf));
        // Lower case and without hyphens is the same number.
        assertThat(client().get("/api/documents/verify/" + number.replace("-", "").toLowerCase(), null).statusCode())
                .isEqualTo(200);

        JsonNode genuine = CertificateClient.json(client().verifyPdf(pdf));
        assertThat(genuine.path("issuedByPlatform").asBoolean()).isTrue();
        assertThat(genuine.path("unaltered").asBoolean()).isTrue();
        assertThat(genuine.path("number").asText()).isEqualTo(number);
        assertThat(genuine.path("status").asText()).isEqualTo("VALID");
        assertThat(genuine.path("signature").path("valid").asBoolean()).isTrue();

        byte[] altered = pdf.clone();
        altered[altered.length / 2] ^= 0x01;
        JsonNode forged = CertificateClient.json(client().verifyPdf(altered));
        assertThat(forged.path("issuedByPlatform").asBoolean()).isFalse();
        assertThat(forged.path("unaltered").asBoolean()).isFalse();
        assertThat(forged.has("number") && !forged.path("number").isNull()).isFalse();
    }

    @Test
    void theQrCodeOnTheIssuedPdfLeadsToItsValidVerificationAndOneChangedByteFails() throws Exception {
        Worker worker = CertificateClient.registeredWorker(null);
        CertificateClient.hired(worker);
        awaitKnown(worker, true);
        String requestId = request(worker, body("EMPLOYMENT_HISTORY", "DOWNLOAD"));
        String number = awaitStatus(worker, requestId, "READY").path("number").asText();
        byte[] pdf = client().getBytes("/api/documents/me/certificates/" + requestId + "/pdf", worker.token()).body();

        String url;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains("Иванова Мария Петровна",
                    "Врач-терапевт", number);
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 200, ImageType.GRAY);
            url = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                            new BufferedImageLuminanceSource(page))),
                    Map.of(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE))).getText();
        }
        assertThat(url).isEqualTo("https://frmr.test/verify/" + number);

        String fromQr = url.substring(url.lastIndexOf('/') + 1);
        JsonNode verified = CertificateClient.json(client().get("/api/documents/verify/" + fromQr, null));
        assertThat(verified.path("status").asText()).isEqualTo("VALID");
        assertThat(verified.path("holder").asText()).isEqualTo("Иванова М. П.");
        assertThat(verified.path("sha256").asText()).isEqualTo(Sha256.hex(pdf));
        JsonNode signature = CertificateClient.json(client().verifyPdf(pdf)).path("signature");
        assertThat(signature.path("valid").asBoolean()).isTrue();
        assertThat(signature.path("signer").asText()).isNotBlank();

        for (int position : new int[] {10, pdf.length / 3, pdf.length - 10}) {
            byte[] altered = pdf.clone();
            altered[position] ^= 0x20;
            JsonNode check = CertificateClient.json(client().verifyPdf(altered));
            assertThat(check.path("issuedByPlatform").asBoolean()).as("byte %d", position).isFalse();
            assertThat(check.path("unaltered").asBoolean()).as("byte %d", position).isFalse();
        }
    }

    @Test
    void anEmailedSpravkaArrivesOnceWithThePdfAttachedEvenAfterAnSmtpOutage() throws Exception {
        String email = "ivanova-" + UUID.randomUUID() + "@example.ru";
        Worker worker = CertificateClient.registeredWorker(email);
        CertificateClient.hired(worker);
        awaitKnown(worker, true);

        smtp.stop();
        String requestId;
        try {
            double retriesBefore = mailRetries();
            requestId = request(worker, body("EMPLOYMENT_HISTORY", "EMAIL"));
            awaitStatus(worker, requestId, "READY");
            // A sweep finds the server down; the request stays READY meanwhile.
            await().atMost(Duration.ofSeconds(30)).until(() -> mailRetries() > retriesBefore);
            assertThat(CertificateClient.json(client().get("/api/documents/me/certificates/" + requestId,
                    worker.token())).path("status").asText()).isEqualTo("READY");
        } finally {
            smtp = startSmtp();
        }

        JsonNode delivered = awaitStatus(worker, requestId, "DELIVERED");
        assertThat(delivered.path("channel").asText()).isEqualTo("EMAILED");
        List<MimeMessage> mails = mailsTo(email);
        assertThat(mails).hasSize(1);
        MimeMessage mail = mails.get(0);
        assertThat(mail.getSubject()).isEqualTo("Справка ФРМР № " + delivered.path("number").asText());
        byte[] attached = pdfAttachment(mail);
        var download = client().getBytes("/api/documents/me/certificates/" + requestId + "/pdf", worker.token());
        assertThat(attached).isEqualTo(download.body());
        // More sweeps pass: still exactly one mail.
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> mailsTo(email).size() == 1);
    }

    @Test
    void aPostedSpravkaWaitsInTheAdministratorsQueueUntilMarkedPosted() {
        Worker worker = CertificateClient.registeredWorker(null);
        CertificateClient.hired(worker);
        awaitKnown(worker, true);
        Map<String, Object> body = new java.util.HashMap<>(body("REGISTER_EXTRACT", "POST"));
        body.put("postalAddress", ADDRESS);
        String requestId = request(worker, body);
        awaitStatus(worker, requestId, "READY");

        String admin = CertificateClient.ISSUER.mint(TestToken.withRoles("REGISTRY_ADMIN"));
        JsonNode queue = CertificateClient.json(client().get(
                "/api/documents/admin/certificates?delivery=POST&status=READY&size=100", admin));
        JsonNode item = null;
        for (JsonNode candidate : queue.path("items")) {
            if (candidate.path("requestId").asText().equals(requestId)) {
                item = candidate;
            }
        }
        assertThat(item).as(queue.toString()).isNotNull();
        assertThat(item.path("holderFullName").asText()).isEqualTo("Иванова Мария Петровна");
        assertThat(item.path("postalAddress").path("postcode").asText()).isEqualTo("101000");
        assertThat(item.path("postalAddress").path("street").asText()).isEqualTo("ул. Мясницкая");

        String path = "/api/documents/admin/certificates/" + requestId + "/posted";
        var badTracking = client().post(path, admin, Map.of("trackingNumber", "12345"));
        assertThat(badTracking.statusCode()).isEqualTo(400);
        assertThat(badTracking.body()).contains("trackingNumber");
        assertThat(client().post(path, worker.token(), Map.of("trackingNumber", "RA123456789RU")).statusCode())
                .isEqualTo(403);
        assertThat(client().post(path, admin, Map.of("trackingNumber", "RA123456789RU")).statusCode())
                .isEqualTo(204);

        JsonNode delivered = awaitStatus(worker, requestId, "DELIVERED");
        assertThat(delivered.path("channel").asText()).isEqualTo("POSTED");
        assertThat(delivered.path("trackingNumber").asText()).isEqualTo("RA123456789RU");
    }

    @Test
    void aSpravkaAboutNothingIsRefusedWithAReasonInRussian() {
        Worker worker = CertificateClient.registeredWorker(null);
        awaitKnown(worker, false);

        String requestId = request(worker, body("EMPLOYMENT_HISTORY", "DOWNLOAD"));
        JsonNode refused = awaitStatus(worker, requestId, "REFUSED");
        assertThat(refused.path("refusalReason").asText()).contains("Справку о стаже выдать невозможно");
        assertThat(refused.path("number").isNull()).isTrue();
        var pdf = client().get("/api/documents/me/certificates/" + requestId + "/pdf", worker.token());
        assertThat(pdf.statusCode()).isEqualTo(409);
        assertThat(pdf.headers().firstValue("Content-Type")).contains("application/problem+json");
    }

    @Test
    void anErasedPersonsSpravkaIsRevokedAndNamesNoOne() {
        Worker worker = CertificateClient.registeredWorker(null);
        CertificateClient.hired(worker);
        awaitKnown(worker, true);
        String requestId = request(worker, body("EMPLOYMENT_HISTORY", "DOWNLOAD"));
        String number = awaitStatus(worker, requestId, "READY").path("number").asText();
        String stored = number.replace("-", "");
        // At rest the PDF is ciphertext in its own bucket; the service opens it while the holder's key exists.
        assertThat(files.read(stored).orElseThrow()).startsWith("%PDF".getBytes(StandardCharsets.US_ASCII));
        Document chunk = mongo.getCollection("certificates.chunks").find(new Document("files_id", stored)).first();
        assertThat(chunk).isNotNull();
        assertThat(new String(chunk.get("data", Binary.class).getData(), StandardCharsets.ISO_8859_1))
                .doesNotContain("%PDF");

        CertificateClient.publish(Topics.REGISTRY_EVENTS, "/frmr/registry-service",
                new PersonalDataErased(worker.workerId(), Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> facts.isErased(worker.workerId()));
        // The holder's key is shredded: the stored справка opens no more.
        await().atMost(Duration.ofSeconds(30)).until(() -> files.read(stored).isEmpty());

        JsonNode revoked = CertificateClient.json(client().get("/api/documents/verify/" + number, null));
        assertThat(revoked.path("status").asText()).isEqualTo("REVOKED");
        assertThat(revoked.path("holder").isNull()).isTrue();
    }

    @Test
    void theMailSenderGivesUpOnAStalledServerInsteadOfHoldingTheSweep() {
        // Without these JavaMail waits forever, and the sweep's lock runs out while a send may still succeed.
        var properties = ((JavaMailSenderImpl) mailSender).getJavaMailProperties();
        assertThat(properties.getProperty("mail.smtp.connectiontimeout")).isNotBlank();
        assertThat(properties.getProperty("mail.smtp.timeout")).isNotBlank();
        assertThat(properties.getProperty("mail.smtp.writetimeout")).isNotBlank();
    }

    @Test
    void badRequestsAreProblemsNamingTheField() {
        Worker worker = CertificateClient.registeredWorker(null);
        awaitKnown(worker, false);
        String path = "/api/documents/me/certificates";

        var noAddress = client().post(path, worker.token(), body("QUALIFICATION", "EMAIL"));
        assertThat(noAddress.statusCode()).isEqualTo(422);
        assertThat(noAddress.body()).contains("delivery");

        var shortPurpose = client().post(path, worker.token(), Map.of("type", "QUALIFICATION", "purpose", "ab",
                "delivery", "DOWNLOAD"));
        assertThat(shortPurpose.statusCode()).isEqualTo(400);
        assertThat(shortPurpose.body()).contains("purpose");

        Map<String, Object> badPostcode = new java.util.HashMap<>(body("QUALIFICATION", "POST"));
        badPostcode.put("postalAddress", Map.of("postcode", "1010", "region", "г. Москва", "city", "Москва",
                "street", "ул. Мясницкая", "building", "д. 1"));
        var postcode = client().post(path, worker.token(), badPostcode);
        assertThat(postcode.statusCode()).isEqualTo(400);
        assertThat(postcode.body()).contains("postalAddress.postcode");

        var addressForDownload = new java.util.HashMap<>(body("QUALIFICATION", "DOWNLOAD"));
        addressForDownload.put("postalAddress", ADDRESS);
        assertThat(client().post(path, worker.token(), addressForDownload).statusCode()).isEqualTo(400);

        var unknownType = client().post(path, worker.token(), Map.of("type", "DIPLOMA", "purpose", "для суда",
                "delivery", "DOWNLOAD"));
        assertThat(unknownType.statusCode()).isEqualTo(400);

        var malformed = client().get("/api/documents/verify/not-a-number", null);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("number");
        var unknown = client().get("/api/documents/verify/0000-0000-0000-0000", null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(CertificateClient.json(unknown).path("status").asInt()).isEqualTo(404);
        assertThat(CertificateClient.json(unknown).path("verification").asText()).isEqualTo("UNKNOWN");

        Worker other = CertificateClient.registeredWorker(null);
        String othersRequest = request(other, body("REGISTER_EXTRACT", "DOWNLOAD"));
        assertThat(client().get(path + "/" + othersRequest, worker.token()).statusCode()).isEqualTo(404);
        assertThat(client().get(path + "/not-an-id", worker.token()).statusCode()).isEqualTo(400);
        assertThat(client().get(path + "?size=101", worker.token()).statusCode()).isEqualTo(400);
    }

    private double mailRetries() {
        Counter retries = meters.find("frmr.documents.certificates.mail").tag("outcome", "retry").counter();
        return retries == null ? 0 : retries.count();
    }

    private static List<MimeMessage> mailsTo(String address) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (message.getAllRecipients()[0].toString().equals(address)) {
                found.add(message);
            }
        }
        return found;
    }

    static byte[] pdfAttachment(MimeMessage mail) throws Exception {
        Multipart parts = (Multipart) mail.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                assertThat(part.getContentType()).startsWith("application/pdf");
                return part.getInputStream().readAllBytes();
            }
        }
        throw new AssertionError("no attachment");
    }
}
