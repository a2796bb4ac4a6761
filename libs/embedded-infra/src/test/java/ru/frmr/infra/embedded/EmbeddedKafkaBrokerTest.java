package ru.frmr.infra.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerTest {

    @TempDir
    Path logDir;

    @Test
    void restartOnTheSameLogDirKeepsTopicsAndMessages() throws Exception {
        List<String> sent = List.of("before-restart-1", "before-restart-2");
        int port;
        int controllerPort;
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(logDir, 0, 0)) {
            port = broker.port();
            controllerPort = broker.controllerPort();
            assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:" + port);
            KafkaTestClient.produce(broker.bootstrapServers(), "durable", sent);
        }

        try (EmbeddedKafkaBroker restarted = EmbeddedKafkaBroker.start(logDir, port, controllerPort)) {
            assertThat(KafkaTestClient.consume(restarted.bootstrapServers(), "durable", sent.size()))
                    .containsExactlyInAnyOrderElementsOf(sent);
        }
    }
}
