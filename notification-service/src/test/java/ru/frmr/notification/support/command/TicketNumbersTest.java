package ru.frmr.notification.support.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import ru.frmr.infra.embedded.EmbeddedMongo;

/** Ticket numbers against the Mongo wire server: per year in Moscow, distinct and consecutive under concurrency. */
class TicketNumbersTest {

    private EmbeddedMongo server;
    private MongoClient client;
    private TicketNumbers numbers;

    @BeforeEach
    void start() {
        server = EmbeddedMongo.inMemory();
        client = MongoClients.create(server.connectionString());
        numbers = new TicketNumbers(new MongoTemplate(client, "tickets"));
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void theYearIsMoscowsAndEachYearCountsFromOne() {
        assertThat(numbers.next(Instant.parse("2026-12-31T20:00:00Z"))).isEqualTo("ФРМР-2026-000001");
        // 23:00 UTC on 31 December is already 2 a.m. on 1 January in Moscow.
        assertThat(numbers.next(Instant.parse("2026-12-31T21:00:00Z"))).isEqualTo("ФРМР-2027-000001");
        assertThat(numbers.next(Instant.parse("2027-01-02T10:00:00Z"))).isEqualTo("ФРМР-2027-000002");
        assertThat(numbers.next(Instant.parse("2026-06-01T10:00:00Z"))).isEqualTo("ФРМР-2026-000002");
    }

    @Test
    void concurrentFilingsGetDistinctConsecutiveNumbers() throws Exception {
        int threads = 8;
        int each = 25;
        Instant at = Instant.parse("2026-03-02T07:00:00Z");
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<List<String>>> tasks = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                tasks.add(() -> {
                    List<String> drawn = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        drawn.add(numbers.next(at));
                    }
                    return drawn;
                });
            }
            List<String> all = new ArrayList<>();
            for (Future<List<String>> future : pool.invokeAll(tasks)) {
                all.addAll(future.get());
            }
            Set<Long> values = all.stream().map(n -> Long.parseLong(n.substring("ФРМР-2026-".length())))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(all).hasSize(threads * each).allMatch(n -> n.matches("^ФРМР-2026-[0-9]{6}$"));
            assertThat(values).containsExactlyElementsOf(LongStream.rangeClosed(1, threads * each).boxed().toList());
        } finally {
            pool.shutdownNow();
        }
    }
}
