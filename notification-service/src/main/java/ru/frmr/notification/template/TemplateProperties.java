package ru.frmr.notification.template;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param location        the classpath folder of {@code <KIND>/<channel>.v<N>.mustache}
 * @param maxSmsSegments  the most SMS parts a template may take with every field at its maximum length
 */
@ConfigurationProperties("frmr.notification.templates")
public record TemplateProperties(String location, Integer maxSmsSegments) {

    public TemplateProperties {
        location = location == null || location.isBlank() ? "templates/notices" : location;
        maxSmsSegments = maxSmsSegments == null ? 3 : maxSmsSegments;
        if (maxSmsSegments < 1) {
            throw new IllegalArgumentException("frmr.notification.templates.max-sms-segments must be at least 1");
        }
    }
}
