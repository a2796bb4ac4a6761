package ru.frmr.notification.webhook;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.data.mongodb.core.MongoTemplate;

import ru.frmr.kit.crypto.PersonalDataCipher;
import ru.frmr.kit.deadline.SweepSchedule;

/** The webhooks' signer, URL policy, transport, per-host breakers, sweeper and its schedule. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookProperties.class)
class WebhookConfiguration {

    /** ShedLock's collection, shared with the notices' outbox (one document per lock name). */
    private static final String LOCK_COLLECTION = "shedlock";

    @Bean
    WebhookSigner webhookSigner(WebhookProperties properties) throws IOException {
        return new WebhookSigner(keyText(properties.signingKey()), properties.signingKeyId());
    }

    /** The key itself, or the content of the file it names (the development key is a file of infra/dev-keys). */
    static String keyText(String signingKey) throws IOException {
        if (signingKey == null || !(signingKey.startsWith("file:") || signingKey.startsWith("classpath:"))) {
            return signingKey;
        }
        Resource resource = new DefaultResourceLoader().getResource(signingKey);
        if (!resource.exists()) {
            throw new IllegalStateException("frmr.notification.webhooks.signing-key names a missing file: " + signingKey);
        }
        return resource.getContentAsString(StandardCharsets.US_ASCII);
    }

    @Bean
    TargetUrlPolicy webhookTargetUrlPolicy(WebhookProperties properties) {
        return new TargetUrlPolicy(properties.allowPrivateTargets(), properties.allowedHosts(),
                InetAddress::getAllByName);
    }

    @Bean
    WebhookSweeper webhookSweeper(WebhookDeliveries deliveries, Subscriptions subscriptions,
                                  RevokedAgencies revoked, PublicEventLog events,
                                  PersonalDataCipher cipher, WebhookSigner signer, TargetUrlPolicy targets,
                                  WebhookProperties properties, Clock clock, MongoTemplate mongo,
                                  MeterRegistry meters) {
        return new WebhookSweeper(deliveries, subscriptions, revoked, events, cipher, signer, targets,
                new WebhookTransport(properties.connectTimeout(), properties.readTimeout()),
                new HostBreakers(properties.breaker()), properties, clock,
                new MongoLockProvider(mongo.getDb().getCollection(LOCK_COLLECTION)), meters);
    }

    @Bean
    SweepSchedule webhookSchedule(WebhookSweeper sweeper, WebhookProperties properties) {
        return new SweepSchedule(WebhookSweeper.LOCK_NAME, sweeper::sweep, properties.sweepEnabled(),
                properties.sweepInterval());
    }
}
