package ru.frmr.kit.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ConsumerGroupPrefixTest {

    @Test
    void theGroupsAreNamedAfterTheApplication() {
        MockEnvironment environment = new MockEnvironment().withProperty("spring.application.name",
                "notification-service");

        assertThat(IdempotentConsumerAutoConfiguration.groupPrefix(environment)).isEqualTo("notification-service");
    }

    @Test
    void aPrefixOfTheirOwnOverridesTheApplicationsName() {
        MockEnvironment environment = new MockEnvironment().withProperty("spring.application.name",
                "notification-service").withProperty("frmr.kafka.consumer-group-prefix", "notification-notices-it");

        assertThat(IdempotentConsumerAutoConfiguration.groupPrefix(environment)).isEqualTo("notification-notices-it");
    }

    @Test
    void withoutANameTheyAreFrmrs() {
        assertThat(IdempotentConsumerAutoConfiguration.groupPrefix(new MockEnvironment())).isEqualTo("frmr");
    }
}
