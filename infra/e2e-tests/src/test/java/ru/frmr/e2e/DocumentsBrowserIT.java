package ru.frmr.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import ru.frmr.infra.embedded.EmbeddedSmtp;

/**
 * Scans and справки in a real browser against the platform's processes, documents-service among them: Иванова (at
 * a phone's width) sends an accreditation with a JPEG scan of the protocol; the administrator (at a desktop's) sees
 * the scan in the moderation queue, downloads it and approves the change. Иванова then requests a справка about her
 * qualification for download: the list shows it being made and turns to «Готова» by itself (htmx), she downloads
 * the PDF, and the public verification page for its number says it is valid, as does the check of the file itself.
 * Last, through the gateway's API, she asks for an extract from the register by e-mail, and the local mailbox
 * receives it with the signed PDF attached.
 * Every page visited is captured at 360 and 1280 px and must pass axe-core, fit a phone and have nothing blocked by
 * its Content-Security-Policy.
 */
@ExtendWith(SharedPlatform.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DocumentsBrowserIT {

    private static final String IVANOVA = "Иванова Мария Петровна";
    private static final String PROTOCOL = "П-33/2024";
    /** This class's own specialty: the registry refuses an accreditation overlapping another in one specialty. */
    private static final String SPECIALTY = "31.08.36";
    private static final Duration EVENTUALLY = Duration.ofSeconds(60);

    private Platform platform;
    private String portal;
    private Path files;
    private Chromium worker;
    private Chromium admin;
    private String certificateNumber;

    @BeforeAll
    void takePlatform() throws IOException {
        Chromium.cleanScreenshots(getClass());
        files = Files.createDirectories(Path.of("target", "e2e-files", getClass().getSimpleName()))
                .toAbsolutePath();
        platform = SharedPlatform.get();
        portal = platform.url(Platform.GATEWAY);
        worker = Chromium.start(getClass(), Chromium.PHONE);
        admin = Chromium.start(getClass(), Chromium.DESKTOP);
    }

    @AfterAll
    void closeBrowsers() {
        for (Chromium browser : new Chromium[] {worker, admin}) {
            if (browser != null) {
                browser.close();
            }
        }
    }

    @Test
    @Order(1)
    void ivanovaSendsAnAccreditationWithAJpegScan() throws IOException {
        Path scan = jpeg(files.resolve("protocol.jpg"));
        worker.onFailureScreenshot("worker", () -> {
            worker.throughEsia(portal, "ivanova");
            new WebDriverWait(worker.driver(), EVENTUALLY)
                    .until(d -> d.getCurrentUrl().startsWith(portal + "/cabinet"));
            // Her record appears a moment after her first login: the form opens once it is there.
            worker.reloadUntil(portal + "/profile/accreditation/new", By.cssSelector("[data-test=change-form]"),
                    "the accreditation form");
            assertThat(worker.bodyText()).contains("Скан документа (необязательно)", "PDF, JPEG или PNG",
                    "не больше 5 МБ");
            worker.checkPage("worker-accreditation-form");

            new Select(worker.driver().findElement(By.id("kind"))).selectByValue("PERIODIC");
            worker.driver().findElement(By.id("protocolNumber")).sendKeys(PROTOCOL);
            worker.driver().executeScript("arguments[0].value = '2024-06-01';",
                    worker.driver().findElement(By.id("protocolDate")));
            new Select(worker.driver().findElement(By.id("specialtyCode"))).selectByValue(SPECIALTY);
            worker.driver().findElement(By.id("file")).sendKeys(scan.toString());
            int mailsBefore = Login.mailsTo(platform, "ivanova").size();
            worker.driver().findElement(By.cssSelector("[data-test=change-submit]")).click();

            worker.await(By.cssSelector("[data-test=step-up-page]"));
            assertThat(worker.driver().findElement(By.cssSelector("[data-test=step-up-scan]")).getText())
                    .startsWith("protocol.jpg, JPEG, ");
            worker.checkPage("worker-step-up-with-scan");
            worker.driver().findElement(By.id("code")).sendKeys(Login.awaitCode(platform, "ivanova", mailsBefore));
            worker.driver().findElement(By.cssSelector("[data-test=step-up-submit]")).click();

            worker.await(By.cssSelector("[data-test=submitted-page]"));
            assertThat(worker.driver().findElement(By.cssSelector("[data-test=submitted-scan]")).getText())
                    .startsWith("Приложен: protocol.jpg, JPEG, ");
            assertThat(worker.driver().findElements(By.cssSelector("[data-test=submitted-scan-problem]"))).isEmpty();
            worker.checkPage("worker-submitted-with-scan");
        });
    }

    @Test
    @Order(2)
    void theAdministratorSeesTheScanInTheQueueDownloadsItAndApproves() {
        admin.onFailureScreenshot("admin", () -> {
            int mailsBefore = Login.mailsTo(platform, "kuznetsov.admin").size();
            admin.throughEsia(portal, "kuznetsov.admin");
            admin.await(By.cssSelector("[data-test=code-sent-to]"));
            admin.driver().findElement(By.id("code")).sendKeys(Login.awaitCode(platform, "kuznetsov.admin",
                    mailsBefore));
            admin.driver().findElement(By.cssSelector("[data-test=code-submit]")).click();
            new WebDriverWait(admin.driver(), EVENTUALLY)
                    .until(d -> d.getCurrentUrl().startsWith(portal + "/cabinet"));

            // The scan reaches the queue as an event after the change: the queue is opened again until it shows.
            By item = By.xpath("//*[@data-test='moderation-item'][.//*[@data-test='moderation-entry'][contains(., '"
                    + PROTOCOL + "')]][.//*[@data-test='attachment-link']]");
            admin.reloadUntil(portal + "/admin/moderation", item, "the change with its scan in the queue");
            WebElement change = admin.driver().findElement(item);
            assertThat(change.findElement(By.cssSelector("[data-test=moderation-worker]")).getText())
                    .isEqualTo(IVANOVA);
            WebElement link = change.findElement(By.cssSelector("[data-test=attachment-link]"));
            assertThat(link.getText()).startsWith("Скан: JPEG, ");
            admin.checkPage("admin-moderation-with-scan");

            Map<String, Object> file = fetch(admin, link.getAttribute("href"));
            assertThat(file.get("status")).isEqualTo(200L);
            assertThat((String) file.get("type")).isEqualTo("image/jpeg");
            assertThat((String) file.get("disposition")).startsWith("attachment");
            assertThat(file.get("nosniff")).isEqualTo("nosniff");
            byte[] bytes = Base64.getDecoder().decode((String) file.get("base64"));
            assertThat(bytes).startsWith((byte) 0xFF, (byte) 0xD8);

            change.findElement(By.cssSelector("[data-test=approve]")).click();
            admin.await(By.cssSelector("[data-test=flash]"));
            admin.checkPage("admin-moderation-approved");
        });
    }

    @Test
    @Order(3)
    void ivanovaRequestsASpravkaForDownloadItBecomesReadyByItselfAndSheDownloadsIt() {
        worker.onFailureScreenshot("worker", () -> {
            // The справка certifies what the register approved: her accreditation, once approved.
            worker.reloadUntil(portal + "/profile",
                    By.xpath("//*[@data-test='section-accreditation']//*[@data-test='entry'][@data-status='APPROVED']"
                            + "[contains(., '" + PROTOCOL + "')]"),
                    "her approved accreditation " + PROTOCOL);
            worker.open(portal + "/cabinet");
            worker.await(By.cssSelector("[data-test=certificates-link]")).click();
            worker.await(By.cssSelector("[data-test=certificate-form]"));
            worker.checkPage("worker-certificates-empty");

            worker.driver().findElement(By.id("type-QUALIFICATION")).click();
            worker.driver().findElement(By.id("purpose")).sendKeys("по месту требования");
            worker.driver().findElement(By.id("delivery-DOWNLOAD")).click();
            worker.driver().findElement(By.cssSelector("[data-test=certificate-submit]")).click();
            assertThat(worker.await(By.cssSelector("[data-test=flash]")).getText())
                    .startsWith("Справка запрошена: О квалификации");

            // No reload from here: the item asks for its state every 2 s and turns ready on the page by itself.
            WebElement ready = new WebDriverWait(worker.driver(), EVENTUALLY).pollingEvery(Duration.ofMillis(500))
                    .withMessage(() -> "the справка ready on the page; it shows:\n" + worker.bodyText())
                    .until(d -> d.findElements(By.cssSelector("[data-test=certificate][data-status=READY]")).stream()
                            .findFirst().orElse(null));
            assertThat(ready.getText()).contains("Готова — можно скачать", "Действительна до");
            assertThat(ready.getAttribute("hx-trigger")).isNull();
            certificateNumber = ready.findElement(By.cssSelector("[data-test=certificate-number]")).getText();
            assertThat(certificateNumber).matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}");
            worker.checkPage("worker-certificate-ready");

            Map<String, Object> pdf = fetch(worker, ready.findElement(By.cssSelector("[data-test=certificate-download]"))
                    .getAttribute("href"));
            assertThat(pdf.get("status")).isEqualTo(200L);
            assertThat((String) pdf.get("type")).startsWith("application/pdf");
            assertThat((String) pdf.get("disposition")).startsWith("attachment");
            byte[] bytes = Base64.getDecoder().decode((String) pdf.get("base64"));
            assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
            try {
                Files.write(files.resolve("spravka.pdf"), bytes);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }

            // Downloaded, it is delivered.
            worker.reloadUntil(portal + "/certificates",
                    By.cssSelector("[data-test=certificate][data-status=DELIVERED]"), "the справка delivered");
            assertThat(worker.bodyText()).contains("Скачана");
            worker.checkPage("worker-certificate-downloaded");
        });
    }

    @Test
    @Order(4)
    void theVerificationPageForItsNumberAndTheCheckOfTheFileSayItIsGenuine() {
        admin.onFailureScreenshot("verify", () -> {
            assertThat(certificateNumber).as("the справка of the previous step").isNotNull();
            admin.open(portal + "/verify/" + certificateNumber);
            WebElement result = admin.await(By.cssSelector("[data-test=verify-result]"));
            assertThat(result.getAttribute("data-status")).isEqualTo("VALID");
            assertThat(result.getText()).contains("Справка действительна", "О квалификации", "Иванова М. П.")
                    .doesNotContain("Мария");
            assertThat(admin.driver().findElement(By.cssSelector("[data-test=verify-sha256]")).getText())
                    .matches("[0-9a-f]{64}");
            admin.checkPage("verify-number");

            admin.open(portal + "/verify");
            admin.driver().findElement(By.id("file")).sendKeys(files.resolve("spravka.pdf").toString());
            admin.driver().findElement(By.cssSelector("[data-test=verify-file-submit]")).click();
            assertThat(admin.await(By.cssSelector("[data-test=verify-file-result]")).getText())
                    .contains("Документ выдан платформой и не изменён", certificateNumber);
            admin.checkPage("verify-file");
        });
    }

    /**
     * The e-mail path: the same worker, through the gateway with her own API session, asks for an extract
     * from the register by e-mail; the local mailbox receives «Справка ФРМР № …» with the signed PDF attached.
     */
    @Test
    @Order(5)
    void aSpravkaByEmailArrivesInTheMailboxWithThePdfAttached() {
        Api ivanova = new Api(portal).as(Login.as(platform, "ivanova").accessToken());
        Api.Response requested = ivanova.post("/api/documents/me/certificates",
                "{\"type\":\"REGISTER_EXTRACT\",\"purpose\":\"по месту требования\",\"delivery\":\"EMAIL\"}");
        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        String requestId = requested.json().get("requestId").asText();

        JsonNode delivered = await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500))
                .until(() -> ivanova.get("/api/documents/me/certificates/" + requestId).json(),
                        item -> "DELIVERED".equals(item.path("status").asText()));
        assertThat(delivered.path("channel").asText()).isEqualTo("EMAILED");
        String number = delivered.path("number").asText();

        // This справка's mail, once: found by its number, as the mailbox is the shared platform's.
        List<EmbeddedSmtp.Mail> mails = platform.smtp().messagesTo("ivanova@frmr.test").stream()
                .filter(mail -> mail.subject().startsWith("Справка ФРМР") && mail.text().contains(number)).toList();
        assertThat(mails).hasSize(1);
        EmbeddedSmtp.Mail mail = mails.get(0);
        assertThat(mail.subject()).isEqualTo("Справка ФРМР № " + number);
        assertThat(mail.text()).contains(number);
        assertThat(mail.attachments()).hasSize(1);
        EmbeddedSmtp.Attachment pdf = mail.attachments().get(0);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        assertThat(pdf.fileName()).endsWith(".pdf");
        assertThat(new String(pdf.content(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    // --- steps -------------------------------------------------------------------------------------------------

    /**
     * Follows a download link as the browser would, with its session: the answer's status, headers and bytes
     * (base64). The browser's own download shelf is not what is tested.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> fetch(Chromium browser, String href) {
        return (Map<String, Object>) browser.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin'}).then(async r => {
                  const bytes = new Uint8Array(await r.arrayBuffer());
                  let text = '';
                  for (let i = 0; i < bytes.length; i++) { text += String.fromCharCode(bytes[i]); }
                  done({status: r.status, type: r.headers.get('Content-Type'),
                        disposition: r.headers.get('Content-Disposition'),
                        nosniff: r.headers.get('X-Content-Type-Options'), base64: btoa(text)});
                }).catch(e => done({status: -1, error: String(e)}));""", href);
    }

    /** A real JPEG (a scanned protocol stands in): documents-service decodes and re-encodes it. */
    private static Path jpeg(Path file) throws IOException {
        BufferedImage image = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 320, 200);
        g.setColor(Color.DARK_GRAY);
        g.drawString("Protocol P-33/2024", 20, 100);
        g.dispose();
        ImageIO.write(image, "jpg", file.toFile());
        return file;
    }
}
