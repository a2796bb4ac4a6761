package ru.frmr.notification.template;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads and checks the templates while the context starts: a broken one keeps the service from starting. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TemplateProperties.class)
class TemplateConfiguration {

    @Bean
    MustacheTemplates mustacheTemplates(TemplateProperties properties) {
        return MustacheTemplates.load(properties.location(), NoticeFields.standard(), properties.maxSmsSegments());
    }
}
