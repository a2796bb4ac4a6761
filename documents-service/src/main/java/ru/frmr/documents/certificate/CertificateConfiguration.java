package ru.frmr.documents.certificate;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * The processors of справки: a failed step stops its processor, which retries the event with back-off, instead of
 * being logged and skipped (Axon's default): a skipped event would be a справка never issued, a status never shown
 * or an e-mail never sent.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CertificateProperties.class)
class CertificateConfiguration {

    /** The issuer, the views and the e-mail deliveries (their {@code @ProcessingGroup}s). */
    static final String[] GROUPS = {"certificate-issuer", "certificate-views", "certificate-mail-deliveries"};

    @Autowired
    void retryFailedSteps(EventProcessingConfigurer configurer) {
        for (String group : GROUPS) {
            configurer.registerListenerInvocationErrorHandler(group, c -> PropagatingErrorHandler.instance());
        }
    }
}
