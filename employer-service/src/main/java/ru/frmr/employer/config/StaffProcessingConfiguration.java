package ru.frmr.employer.config;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * The processors of link requests and employments: a failed write stops the processor, which retries the event
 * with back-off, instead of being logged and skipped (Axon's default): a skipped event would be a request missing
 * from a list or a deadline that never fires.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LinkRequestProperties.class)
class StaffProcessingConfiguration {

    /** The processing groups of {@code query.StaffViewsProjection} and {@code saga.LinkRequestDeadlineProjection}. */
    static final String[] GROUPS = {"staff-views", "link-request-deadlines"};

    @Autowired
    void retryFailedWrites(EventProcessingConfigurer configurer) {
        for (String group : GROUPS) {
            configurer.registerListenerInvocationErrorHandler(group, c -> PropagatingErrorHandler.instance());
        }
    }
}
