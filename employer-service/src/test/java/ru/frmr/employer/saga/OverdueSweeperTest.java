package ru.frmr.employer.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

import ru.frmr.employer.api.MarkDiscrepancyOverdueCommand;
import ru.frmr.employer.api.OverdueOutcome;
import ru.frmr.infra.embedded.EmbeddedMongo;
import ru.frmr.infra.embedded.MutableClock;

/** The sweeper and the persisted deadlines against the Mongo wire server, the discrepancies replaced by a mock. */
class OverdueSweeperTest {

    private static final Instant NOW = Instant.parse("2026-02-26T06:00:00Z");

    private static EmbeddedMongo server;
    private static MongoClient client;

    private AnswerDeadlines deadlines;
    private OverdueSweeper sweeper;
    private final List<MarkDiscrepancyOverdueCommand> sent = new ArrayList<>();
    private Function<MarkDiscrepancyOverdueCommand, OverdueOutcome> discrepancies;

    @BeforeAll
    static void startMongo() {
        server = EmbeddedMongo.inMemory();
        client = MongoClients.create(server.connectionString());
    }

    @AfterAll
    static void stopMongo() {
        client.close();
        server.close();
    }

    @BeforeEach
    void setUp() {
        MongoTemplate mongo = new MongoTemplate(client, "overdue_sweeper_" + UUID.randomUUID().toString()
                .substring(0, 8));
        deadlines = new AnswerDeadlines(mongo);
        CommandGateway commands = mock(CommandGateway.class);
        discrepancies = command -> OverdueOutcome.OVERDUE;
        when(commands.sendAndWait(any())).thenAnswer(invocation -> {
            MarkDiscrepancyOverdueCommand command = invocation.getArgument(0);
            sent.add(command);
            return discrepancies.apply(command);
        });
        sweeper = new OverdueSweeper(deadlines, commands, new MutableClock(NOW),
                new MongoLockProvider(mongo.getDb().getCollection("shedlock")), Duration.ofMinutes(1),
                new SimpleMeterRegistry());
    }

    @Test
    void firesOnlyPassedDeadlinesAndSettlesThem() {
        deadlines.schedule("passed", NOW.minusSeconds(1));
        deadlines.schedule("exactly-now", NOW);
        deadlines.schedule("tomorrow", NOW.plusSeconds(86_400));

        sweeper.sweep();

        assertThat(sent).extracting(MarkDiscrepancyOverdueCommand::discrepancyId)
                .containsExactlyInAnyOrder("passed", "exactly-now");
        assertThat(sent).allSatisfy(c -> assertThat(c.now()).isEqualTo(NOW));
        assertThat(deadlines.due(NOW.plusSeconds(86_400), Set.of(), 10)).extracting(AnswerDeadline::id)
                .containsExactly("tomorrow");
        sent.clear();
        sweeper.sweep();
        assertThat(sent).isEmpty();
    }

    @Test
    void alreadyOverdueOrAnsweredSettlesTooButNotDueAndFailuresAreRetried() {
        deadlines.schedule("already", NOW.minusSeconds(3));
        deadlines.schedule("answered", NOW.minusSeconds(2));
        deadlines.schedule("not-due", NOW.minusSeconds(1));
        deadlines.schedule("failing", NOW.minusSeconds(4));
        discrepancies = command -> switch (command.discrepancyId()) {
            case "already" -> OverdueOutcome.ALREADY_OVERDUE;
            case "answered" -> OverdueOutcome.ANSWERED;
            case "not-due" -> OverdueOutcome.NOT_DUE;
            default -> throw new IllegalStateException("store unavailable");
        };

        sweeper.escalateOverdue();

        assertThat(sent).hasSize(4);
        assertThat(deadlines.due(NOW, Set.of(), 10)).extracting(AnswerDeadline::id)
                .containsExactly("failing", "not-due");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aFailureIsLoggedWithoutItsMessage(CapturedOutput output) {
        deadlines.schedule("failing", NOW.minusSeconds(1));
        discrepancies = command -> {
            throw new IllegalStateException("Иванова Анна Сергеевна, 112-233-445 95");
        };

        sweeper.escalateOverdue();

        assertThat(output.getOut()).contains("Discrepancy failing not checked", "IllegalStateException")
                .doesNotContain("Иванова", "112-233-445");
    }

    @Test
    void schedulingAndSettlingAreIdempotentInAnyOrder() {
        deadlines.settle("answered-first");
        deadlines.schedule("answered-first", NOW.minusSeconds(1));
        deadlines.schedule("twice", NOW.minusSeconds(1));
        deadlines.schedule("twice", NOW.plusSeconds(1));

        assertThat(deadlines.due(NOW, Set.of(), 10)).extracting(AnswerDeadline::id).containsExactly("twice");
    }
}
