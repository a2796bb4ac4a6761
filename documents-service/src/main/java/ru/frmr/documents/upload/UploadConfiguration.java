package ru.frmr.documents.upload;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The upload rules, configured by {@code frmr.documents.uploads}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(UploadProperties.class)
class UploadConfiguration {

    @Bean
    FileInspector fileInspector(UploadProperties properties) {
        return new FileInspector(properties);
    }
}
