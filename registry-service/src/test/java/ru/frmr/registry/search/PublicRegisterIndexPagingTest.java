package ru.frmr.registry.search;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.frmr.registry.search.PublicWorkerMother.worker;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PublicRegisterIndexPagingTest {

    private static final int WORKERS = 53;

    private PublicRegisterIndex index;

    @BeforeEach
    void load() {
        index = PublicRegisterIndex.inMemory();
        List<Integer> order = new ArrayList<>(IntStream.range(0, WORKERS).boxed().toList());
        Collections.shuffle(order, new Random(7));
        // Same names, so every hit scores alike and only the tie-breakers order them.
        order.forEach(i -> {
            index.upsert(worker("w-%03d".formatted(i), "Кузнецова", "Ольга", "Ивановна"));
            if (i % 10 == 0) {
                index.commit();
            }
        });
    }

    @AfterEach
    void close() {
        index.close();
    }

    @Test
    void pagesOfEqualScoresNeitherRepeatNorSkip() {
        List<String> seen = allPages("кузнецова", 10);

        assertThat(seen).hasSize(WORKERS).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void pagingIsTheSameWithOrWithoutAName() {
        assertThat(allPages(null, 7)).isEqualTo(allPages("Ольга", 7));
    }

    @Test
    void totalCountsAllMatchesAndLastPageIsPartial() {
        PublicSearchPage last = index.search(new PublicSearchQuery("ольга", null, null, null, null, 5, 10));

        assertThat(last.total()).isEqualTo(WORKERS);
        assertThat(last.items()).hasSize(3);
        assertThat(index.search(new PublicSearchQuery("ольга", null, null, null, null, 6, 10)).items()).isEmpty();
    }

    @Test
    void withoutANameSortsByLastFirstAndMiddleName() {
        index.upsert(worker("x-1", "Абрамова", "Юлия", "Сергеевна"));
        index.upsert(worker("x-2", "Абрамова", "Анна", "Сергеевна"));
        index.upsert(worker("x-3", "Ёлкина", "Анна", null));
        index.upsert(worker("x-4", "Яковлева", "Анна", null));

        List<String> firstFour = index.search(new PublicSearchQuery(null, null, null, null, null, 0, 4))
                .items().stream().map(PublicWorkerDocument::workerId).toList();

        assertThat(firstFour).containsExactly("x-2", "x-1", "x-3", "w-000");
    }

    private List<String> allPages(String q, int size) {
        List<String> seen = new ArrayList<>();
        for (int page = 0; ; page++) {
            List<PublicWorkerDocument> items =
                    index.search(new PublicSearchQuery(q, null, null, null, null, page, size)).items();
            if (items.isEmpty()) {
                return seen;
            }
            items.forEach(item -> seen.add(item.workerId()));
        }
    }
}
