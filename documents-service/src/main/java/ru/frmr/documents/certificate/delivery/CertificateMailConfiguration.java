package ru.frmr.documents.certificate.delivery;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.mail.javamail.JavaMailSender;

import ru.frmr.documents.certificate.CertificateProperties;
import ru.frmr.documents.certificate.issue.CertificateFiles;
import ru.frmr.documents.certificate.person.PersonFacts;
import ru.frmr.kit.deadline.SweepSchedule;

/** E-mail delivery of справки: the sweeper, its lock and its schedule. */
@Configuration(proxyBeanMethods = false)
class CertificateMailConfiguration {

    /** ShedLock's collection: one document per lock name. */
    static final String LOCK_COLLECTION = "shedlock";

    @Bean
    CertificateMailer certificateMailer(MailDeliveries deliveries, PersonFacts facts, CertificateFiles files,
                                        JavaMailSender mail, CommandGateway commands,
                                        CertificateProperties properties, Clock clock, MongoTemplate mongo,
                                        MeterRegistry meters) {
        return new CertificateMailer(deliveries, facts, files, mail, commands, properties.mail(), clock,
                new MongoLockProvider(mongo.getDb().getCollection(LOCK_COLLECTION)), meters);
    }

    @Bean
    SweepSchedule certificateMailSchedule(CertificateMailer mailer, CertificateProperties properties) {
        return new SweepSchedule(CertificateMailer.LOCK_NAME, mailer::sweep, properties.mail().sweepEnabled(),
                properties.mail().sweepInterval());
    }
}
