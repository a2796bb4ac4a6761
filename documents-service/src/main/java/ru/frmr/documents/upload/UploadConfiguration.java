package ru.frmr.documents.upload;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import ru.frmr.documents.upload.store.AttachmentProjection;

/** The upload rules, configured by {@code frmr.documents.uploads}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(UploadProperties.class)
class UploadConfiguration {

    @Bean
    FileInspector fileInspector(UploadProperties properties) {
        return new FileInspector(properties);
    }

    /** A failed attachment write is retried, not logged and skipped (Axon's default): it decides who may read. */
    @Autowired
    void retryFailedAttachments(EventProcessingConfigurer configurer) {
        configurer.registerListenerInvocationErrorHandler(AttachmentProjection.GROUP,
                c -> PropagatingErrorHandler.instance());
    }
}
