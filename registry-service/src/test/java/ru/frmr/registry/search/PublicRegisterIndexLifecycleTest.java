package ru.frmr.registry.search;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.frmr.registry.search.PublicWorkerMother.worker;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublicRegisterIndexLifecycleTest {

    @Test
    void upsertReplacesTheWorkerAndIsIdempotent() {
        try (PublicRegisterIndex index = PublicRegisterIndex.inMemory()) {
            index.upsert(worker("w-1", "Иванова", "Мария", "Петровна"));
            index.upsert(worker("w-1", "Иванова", "Мария", "Петровна"));
            assertThat(index.search(PublicSearchQuery.byName("иванова")).total()).isEqualTo(1);

            index.upsert(worker("w-1", "Сидорова", "Мария", "Петровна"));

            assertThat(index.search(PublicSearchQuery.byName("иванова")).total()).isZero();
            assertThat(index.search(PublicSearchQuery.byName("сидорова")).items())
                    .singleElement().extracting(PublicWorkerDocument::lastName).isEqualTo("Сидорова");
        }
    }

    @Test
    void storedDocumentComesBackWhole() {
        PublicWorkerDocument original = worker("w-1", "Иванова", "Мария", "Петровна");
        try (PublicRegisterIndex index = PublicRegisterIndex.inMemory()) {
            index.upsert(original);

            assertThat(index.search(PublicSearchQuery.byName("мария")).items()).containsExactly(original);
        }
    }

    @Test
    void deleteRemovesOnlyThatWorker() {
        try (PublicRegisterIndex index = PublicRegisterIndex.inMemory()) {
            index.upsert(worker("w-1", "Иванова", "Мария", "Петровна"));
            index.upsert(worker("w-2", "Иванова", "Анна", "Петровна"));

            index.delete("w-1");
            index.delete("never-indexed");

            assertThat(ids(index, "иванова")).containsExactly("w-2");
        }
    }

    @Test
    void clearThenUpsertRebuildsFromScratch() {
        try (PublicRegisterIndex index = PublicRegisterIndex.inMemory()) {
            index.upsert(worker("stale", "Иванова", "Мария", "Петровна"));
            index.search(PublicSearchQuery.byName("иванова"));

            index.clear();
            index.upsert(worker("w-1", "Петрова", "Анна", "Ивановна"));
            index.upsert(worker("w-2", "Петрова", "Ольга", "Ивановна"));

            assertThat(ids(index, null)).containsExactly("w-1", "w-2");
        }
    }

    @Test
    void onDiskIndexSurvivesReopening(@TempDir Path dir) {
        try (PublicRegisterIndex index = PublicRegisterIndex.onDisk(dir)) {
            index.upsert(worker("w-1", "Иванова", "Мария", "Петровна"));
        }

        try (PublicRegisterIndex reopened = PublicRegisterIndex.onDisk(dir)) {
            assertThat(ids(reopened, "Иванова")).containsExactly("w-1");
        }
    }

    private static List<String> ids(PublicRegisterIndex index, String q) {
        return index.search(new PublicSearchQuery(q, null, null, null, null, 0, 10)).items().stream()
                .map(PublicWorkerDocument::workerId).toList();
    }
}
