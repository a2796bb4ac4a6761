package ru.frmr.notification.template;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** A broken template set keeps the application context from starting, and the failure names the file and field. */
class TemplateConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(TemplateConfiguration.class);

    @Test
    void theShippedTemplatesStartTheContext() {
        context.run(started -> assertThat(started).hasNotFailed().hasSingleBean(MustacheTemplates.class));
    }

    @Test
    void anUndeclaredFieldStopsTheStart() {
        context.withPropertyValues("frmr.notification.templates.location=broken-templates/unknown-field")
                .run(started -> {
                    assertThat(started).hasFailed();
                    assertThat(started.getStartupFailure()).rootCause().isInstanceOf(TemplateException.class)
                            .hasMessageContaining("LICENSE_EXPIRING/email.v1.mustache")
                            .hasMessageContaining("«holder»");
                });
    }

    @Test
    void anSmsOverTheConfiguredPartsStopsTheStart() {
        context.withPropertyValues("frmr.notification.templates.max-sms-segments=1").run(started -> {
            assertThat(started).hasFailed();
            assertThat(started.getStartupFailure()).rootCause().isInstanceOf(TemplateException.class)
                    .hasMessageContaining("sms.v1.mustache").hasMessageContaining("at most 1 allowed");
        });
    }
}
