package ru.frmr.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

import com.sun.net.httpserver.HttpServer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import ru.frmr.contracts.ContractJson;
import ru.frmr.contracts.EventSources;
import ru.frmr.contracts.EventTypes;
import ru.frmr.contracts.Topics;
import ru.frmr.contracts.registry.ProfileSection;
import ru.frmr.contracts.registry.ProfileUpdated;
import ru.frmr.infra.embedded.TestInfra;

/**
 * Supervisory agencies, "who saw my data" and the audit log's checkpoints in a real browser against the platform's
 * processes (the shared platform: other classes' administrators may have read her data before). Иванова (at a
 * phone's width) opens «Кто смотрел мои данные». The
 * registry administrator (at a desktop's) onboards Росздравнадзор: the form's refusals are shown at their fields,
 * then the agency's Kafka credentials are shown once and are not on the agency's page afterwards; he opens Иванова's
 * card, stating the purpose first. Иванова then sees that read, with its purpose, in her list. The auditor opens the
 * checkpoints, whose signature the portal checks itself, and proves that the ledger's first entry is included in the
 * latest one. The administrator subscribes a webhook receiver for the agency (its secret shown once) and replays
 * the public events since yesterday to it; the delivery log shows them delivered. Every page visited is captured at 360 and 1280 px and must pass axe-core, fit a phone and have nothing
 * blocked by its Content-Security-Policy.
 */
@ExtendWith(SharedPlatform.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AgenciesAuditBrowserIT {

    private static final String ADMIN = "kuznetsov.admin";
    private static final String AUDITOR = "smirnov.audit";
    private static final String AGENCY_NAME = "Федеральная служба по надзору в сфере здравоохранения";
    /** This run's own purpose, so that her list shows this read whoever read her data before. */
    private static final String PURPOSE_DETAILS = "проверка по обращению № "
            + ThreadLocalRandom.current().nextInt(10_000, 100_000);
    private static final Duration EVENTUALLY = Duration.ofSeconds(60);
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    private Platform platform;
    private String portal;
    private Chromium worker;
    private Chromium admin;
    private Chromium auditor;

    @BeforeAll
    void takePlatform() throws IOException {
        Chromium.cleanScreenshots(getClass());
        platform = SharedPlatform.get();
        portal = platform.url(Platform.GATEWAY);
        worker = Chromium.start(getClass(), Chromium.PHONE);
        admin = Chromium.start(getClass(), Chromium.DESKTOP);
        auditor = Chromium.start(getClass(), Chromium.DESKTOP);
    }

    @AfterAll
    void closeBrowsers() {
        for (Chromium browser : new Chromium[] {worker, admin, auditor}) {
            if (browser != null) {
                browser.close();
            }
        }
    }

    @Test
    @Order(1)
    void ivanovaOpensWhoSawHerData() {
        worker.onFailureScreenshot("worker", () -> {
            worker.throughEsia(portal, "ivanova");
            new WebDriverWait(worker.driver(), EVENTUALLY)
                    .until(d -> d.getCurrentUrl().startsWith(portal + "/cabinet"));
            worker.await(By.cssSelector("[data-test=access-log-link]")).click();
            worker.await(By.cssSelector("[data-test=access-log-page]"));
            assertThat(worker.driver().findElements(By.xpath("//*[@data-test='access-purpose'][contains(., '"
                    + PURPOSE_DETAILS + "')]"))).isEmpty();
            worker.checkPage("worker-access-log-before");
        });
    }

    @Test
    @Order(2)
    void theAdministratorOnboardsAnAgencyAndSeesItsCredentialsOnce() {
        admin.onFailureScreenshot("admin", () -> {
            int mailsBefore = Login.mailsTo(platform, ADMIN).size();
            admin.throughEsia(portal, ADMIN);
            admin.await(By.cssSelector("[data-test=code-sent-to]"));
            admin.driver().findElement(By.id("code")).sendKeys(Login.awaitCode(platform, ADMIN, mailsBefore));
            admin.driver().findElement(By.cssSelector("[data-test=code-submit]")).click();
            new WebDriverWait(admin.driver(), EVENTUALLY)
                    .until(d -> d.getCurrentUrl().startsWith(portal + "/cabinet"));

            admin.await(By.cssSelector("[data-test=agencies-link]")).click();
            admin.await(By.cssSelector("[data-test=agencies-page]"));
            admin.checkPage("admin-agencies");
            admin.driver().findElement(By.cssSelector("[data-test=new-agency]")).click();
            admin.await(By.cssSelector("[data-test=agency-form]"));
            admin.checkPage("admin-agency-form");

            // A regional authority without its region: refused at the field, nothing onboarded.
            admin.driver().findElement(By.id("name")).sendKeys(AGENCY_NAME);
            new Select(admin.driver().findElement(By.id("kind"))).selectByValue("REGIONAL_HEALTH_AUTHORITY");
            admin.driver().findElement(By.cssSelector("[data-test=agency-submit]")).click();
            assertThat(admin.await(By.id("regionCode-error")).getText())
                    .isEqualTo("Для регионального органа выберите регион");
            admin.checkPage("admin-agency-form-refused");

            new Select(admin.driver().findElement(By.id("kind"))).selectByValue("ROSZDRAVNADZOR");
            admin.driver().findElement(By.cssSelector("[data-test=agency-submit]")).click();

            admin.await(By.cssSelector("[data-test=credentials-page]"));
            assertThat(admin.driver().findElement(By.cssSelector("[data-test=shown-once]")).getText())
                    .contains("Пароль показан один раз");
            String username = admin.driver().findElement(By.cssSelector("[data-test=username]")).getText();
            String password = admin.driver().findElement(By.cssSelector("[data-test=password]")).getText();
            assertThat(username).startsWith("agency-");
            assertThat(password).isNotBlank();
            assertThat(admin.driver().findElement(By.cssSelector("[data-test=topics]")).getText())
                    .contains("frmr.public.events");
            assertThat(admin.driver().findElement(By.cssSelector("[data-test=consumer-properties]"))
                    .getAttribute("value")).contains("sasl.mechanism=SCRAM-SHA-512", "username=\"" + username + "\"",
                            "password=\"" + password + "\"", "group.id=" + username + ".");
            admin.checkPage("admin-agency-credentials");

            admin.driver().findElement(By.cssSelector("[data-test=credentials-done]")).click();
            assertThat(admin.await(By.cssSelector("[data-test=agency-name]")).getText()).isEqualTo(AGENCY_NAME);
            assertThat(admin.driver().findElement(By.cssSelector("[data-test=agency-kind]")).getText())
                    .isEqualTo("Росздравнадзор");
            assertThat(admin.driver().findElement(By.cssSelector("[data-test=kafka-username]")).getText())
                    .isEqualTo(username);
            assertThat(admin.driver().getPageSource()).doesNotContain(password);
            admin.checkPage("admin-agency");

            // Back in the list, the agency is there, active.
            admin.open(portal + "/admin/agencies");
            WebElement row = admin.await(By.xpath("//*[@data-test='agency'][.//a[text()='" + AGENCY_NAME + "']]"));
            assertThat(row.getAttribute("data-status")).isEqualTo("ACTIVE");
            assertThat(row.getText()).contains("Действует");
        });
    }

    @Test
    @Order(3)
    void theAdministratorStatesWhyHeOpensIvanovasCard() {
        admin.onFailureScreenshot("admin", () -> {
            String workerId = Login.as(platform, "ivanova").workerId();
            admin.open(portal + "/supervision/workers/" + workerId);
            admin.await(By.cssSelector("[data-test=purpose-form]"));
            admin.checkPage("admin-purpose-form");

            admin.driver().findElement(By.cssSelector("[data-test=purpose-submit]")).click();
            assertThat(admin.await(By.id("suggested-error")).getText()).isEqualTo("Выберите цель доступа");

            new Select(admin.driver().findElement(By.id("suggested"))).selectByValue("APPEAL");
            admin.driver().findElement(By.id("details")).sendKeys(PURPOSE_DETAILS);
            admin.driver().findElement(By.cssSelector("[data-test=purpose-submit]")).click();
            assertThat(admin.await(By.cssSelector("[data-test=record-name]")).getText())
                    .isEqualTo("Иванова Мария Петровна");
            assertThat(admin.driver().findElement(By.cssSelector("[data-test=stated-purpose]")).getText())
                    .contains("Рассмотрение обращения работника: " + PURPOSE_DETAILS);
            admin.checkPage("admin-worker-card-with-purpose");
        });
    }

    @Test
    @Order(4)
    void ivanovaSeesTheAdministratorsReadWithItsPurpose() {
        worker.onFailureScreenshot("worker", () -> {
            By read = By.xpath("//*[@data-test='access'][.//*[@data-test='access-purpose'][contains(., '"
                    + PURPOSE_DETAILS + "')]]");
            worker.reloadUntil(portal + "/privacy/access", read, "the administrator's read in her list");
            WebElement row = worker.driver().findElement(read);
            assertThat(row.findElement(By.cssSelector("[data-test=access-who]")).getText())
                    .isEqualTo("Администратор реестра");
            assertThat(row.findElement(By.cssSelector("[data-test=access-what]")).getText())
                    .isEqualTo("Запись в регистре");
            assertThat(row.findElement(By.cssSelector("[data-test=access-at]")).getText())
                    .matches("\\d{2}\\.\\d{2}\\.\\d{4} \\d{2}:\\d{2} МСК");
            // Who read is a role, never a person's name.
            assertThat(row.getText()).doesNotContain("Кузнецов");
            worker.checkPage("worker-access-log");
        });
    }

    @Test
    @Order(5)
    void theAuditorChecksTheLatestCheckpointAndAnEntrysInclusion() {
        auditor.onFailureScreenshot("auditor", () -> {
            int mailsBefore = Login.mailsTo(platform, AUDITOR).size();
            auditor.throughEsia(portal, AUDITOR);
            auditor.await(By.cssSelector("[data-test=code-sent-to]"));
            auditor.driver().findElement(By.id("code")).sendKeys(Login.awaitCode(platform, AUDITOR, mailsBefore));
            auditor.driver().findElement(By.cssSelector("[data-test=code-submit]")).click();
            new WebDriverWait(auditor.driver(), EVENTUALLY)
                    .until(d -> d.getCurrentUrl().startsWith(portal + "/cabinet"));
            auditor.await(By.cssSelector("[data-test=checkpoints-link]")).click();

            // Checkpoints are signed every so many entries or seconds: the page is opened again until one is out.
            auditor.reloadUntil(portal + "/audit/checkpoints", By.cssSelector("[data-test=latest-checkpoint]"),
                    "a published checkpoint");
            assertThat(auditor.driver().findElement(By.cssSelector("[data-test=latest-signature]"))
                    .getAttribute("data-valid")).isEqualTo("true");
            long size = Long.parseLong(auditor.driver().findElement(By.cssSelector("[data-test=latest-size]"))
                    .getText());
            assertThat(size).isPositive();
            assertThat(auditor.driver().findElement(By.cssSelector("[data-test=signed-note]")).getText())
                    .contains("\n" + size + "\n", "\u2014 ");
            auditor.checkPage("auditor-checkpoints");

            auditor.driver().findElement(By.id("sequence")).sendKeys("1");
            auditor.driver().findElement(By.cssSelector("[data-test=inclusion-submit]")).click();
            WebElement result = auditor.await(By.cssSelector("[data-test=inclusion-result]"));
            assertThat(result.getAttribute("data-passed")).as(result.getText()).isEqualTo("true");
            assertThat(result.getText()).contains("Запись №1 включена в журнал, подпись контрольной точки верна");
            auditor.checkPage("auditor-inclusion-proof");
        });
    }

    @Test
    @Order(6)
    void theAdministratorSubscribesAWebhookForTheAgencyAndReplaysThePublicEventsToIt() throws IOException {
        // The agency's receiver: records what it is sent (the local profile lets webhooks reach the loopback address).
        List<String> signatures = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/frmr-hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            signatures.add(exchange.getRequestHeaders().getFirst("webhook-id") + " "
                    + exchange.getRequestHeaders().getFirst("webhook-signature"));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            admin.onFailureScreenshot("admin", () -> {
                admin.open(portal + "/admin/agencies");
                admin.await(By.xpath("//*[@data-test='agency']//a[text()='" + AGENCY_NAME + "']")).click();
                admin.await(By.cssSelector("[data-test=webhook-form]"));
                admin.driver().findElement(By.id("url"))
                        .sendKeys("http://127.0.0.1:" + receiver.getAddress().getPort() + "/frmr-hook");
                admin.driver().findElements(By.cssSelector("input[name=eventTypes]")).forEach(WebElement::click);
                admin.driver().findElement(By.cssSelector("[data-test=webhook-submit]")).click();

                admin.await(By.cssSelector("[data-test=webhook-secret-page]"));
                assertThat(admin.driver().findElement(By.cssSelector("[data-test=webhook-secret]")).getText())
                        .startsWith("whsec_");
                admin.checkPage("admin-webhook-secret");
                admin.driver().findElement(By.linkText("Я сохранил секрет")).click();
                admin.await(By.cssSelector("[data-test=webhook-link]")).click();
                admin.await(By.cssSelector("[data-test=deliveries-page]"));
                String deliveries = admin.driver().getCurrentUrl();
                admin.checkPage("admin-webhook-deliveries");

                // A public event after the subscription, so that there is one whatever ran before this class.
                publishProfileUpdated(Login.as(platform, "ivanova").workerId());
                // Every public event since yesterday is sent (again).
                WebElement since = admin.driver().findElement(By.id("since"));
                ((JavascriptExecutor) admin.driver()).executeScript("arguments[0].value = arguments[1]", since,
                        LocalDateTime.now(MOSCOW).minusDays(1).truncatedTo(ChronoUnit.MINUTES).toString());
                admin.driver().findElement(By.cssSelector("[data-test=replay-submit]")).click();
                admin.reloadUntil(deliveries, By.cssSelector("[data-test=delivery][data-status=DELIVERED]"),
                        "a delivered replay in the delivery log");
                assertThat(admin.driver().findElement(By.cssSelector(
                        "[data-test=delivery][data-status=DELIVERED] [data-test=delivery-status]")).getText())
                        .isEqualTo("Доставлено");
                assertThat(signatures).isNotEmpty().allSatisfy(received -> assertThat(received)
                        .matches("msg_\\S+ v1,\\S+ v1a,\\S+"));
                admin.checkPage("admin-webhook-delivered");
            });
        } finally {
            receiver.stop(0);
        }
    }

    // --- steps -------------------------------------------------------------------------------------------------

    /**
     * A {@code ProfileUpdated} on {@code frmr.public.events} exactly as the registry's relay writes it (CloudEvents
     * binary mode, schema-valid data): what an agency's webhook receives.
     */
    private static void publishProfileUpdated(String workerId) {
        ProfileUpdated update = new ProfileUpdated(workerId, List.of(ProfileSection.CONTACTS), 1, Instant.now());
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.PUBLIC_EVENTS, workerId,
                ContractJson.toBytes(update));
        Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(),
                "ce_source", EventSources.REGISTRY.toString(), "ce_type", EventTypes.PROFILE_UPDATED,
                "ce_subject", workerId, "ce_time", update.updatedAt().toString(),
                "content-type", "application/json")
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.selected().kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish the public event", e);
        }
    }
}
