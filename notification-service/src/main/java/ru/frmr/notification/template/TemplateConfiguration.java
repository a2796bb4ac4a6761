package ru.frmr.notification.template;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads and checks the templates while the context starts: a broken one keeps the service from starting. */
@Configuration(proxyBeanMethods = false)
class TemplateConfiguration {

    @Bean
    MustacheTemplates mustacheTemplates(@Value("${frmr.notification.templates.location:templates/notices}") String root,
                                        @Value("${frmr.notification.templates.max-sms-segments:3}") int maxSegments) {
        return MustacheTemplates.load(root, NoticeFields.standard(), maxSegments);
    }
}
