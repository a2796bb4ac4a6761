package ru.frmr.auth.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;

import ru.frmr.auth.agency.AgencyProperties.SecurityProtocol;

class KafkaSubscriberAccountsTest {

    @Test
    void anAgencyMayReadAndDescribeThePublicTopicsAndUseItsPrefixedGroupsOnly() {
        List<AclBinding> acls = KafkaSubscriberAccounts.acls("agency-k3mbq2w7x4za");

        assertThat(acls).allSatisfy(acl -> {
            assertThat(acl.entry().principal()).isEqualTo("User:agency-k3mbq2w7x4za");
            assertThat(acl.entry().host()).isEqualTo("*");
        });
        assertThat(acls).filteredOn(acl -> acl.pattern().resourceType() == ResourceType.TOPIC)
                .extracting(acl -> acl.pattern().name() + " " + acl.pattern().patternType() + " "
                        + acl.entry().operation())
                .containsExactlyInAnyOrder("frmr.public.events LITERAL READ", "frmr.public.events LITERAL DESCRIBE",
                        "frmr.audit.checkpoints LITERAL READ", "frmr.audit.checkpoints LITERAL DESCRIBE");
        assertThat(acls).filteredOn(acl -> acl.pattern().resourceType() == ResourceType.GROUP)
                .singleElement().satisfies(acl -> {
                    assertThat(acl.pattern().name()).isEqualTo("agency-k3mbq2w7x4za.");
                    assertThat(acl.pattern().patternType()).isEqualTo(PatternType.PREFIXED);
                    assertThat(acl.entry().operation()).isEqualTo(AclOperation.READ);
                });
    }

    @Test
    void anUnreachableBrokerIsReportedAsUnavailableWithoutThePassword() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        KafkaProperties kafka = new KafkaProperties();
        kafka.setBootstrapServers(List.of("127.0.0.1:" + closedPort));
        AgencyProperties properties = new AgencyProperties(new AgencyProperties.Kafka("127.0.0.1:9094",
                SecurityProtocol.SASL_PLAINTEXT, 4096, Duration.ofSeconds(1)));
        KafkaSubscriberAccounts accounts = new KafkaSubscriberAccounts(kafka, properties);
        KafkaPassword password = KafkaPassword.random();
        try {
            assertThatThrownBy(() -> accounts.grant("agency-k3mbq2w7x4za", password))
                    .isInstanceOf(BrokerUnavailableException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(password.value()));
            assertThatThrownBy(() -> accounts.remove("agency-k3mbq2w7x4za"))
                    .isInstanceOf(BrokerUnavailableException.class);
        } finally {
            accounts.destroy();
        }
    }
}
