package ru.frmr.registry.search;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.frmr.registry.search.PublicWorkerMother.worker;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PublicRegisterIndexNameSearchTest {

    private PublicRegisterIndex index;

    @BeforeEach
    void load() {
        index = PublicRegisterIndex.inMemory();
        index.upsert(worker("w-ivanova", "Иванова", "Мария", "Петровна"));
        index.upsert(worker("w-petrov", "Петров", "Сергей", "Иванович"));
        index.upsert(worker("w-fedorova", "Фёдорова", "Алёна", "Андреевна"));
        index.upsert(worker("w-smirnov", "Смирнов", "Андрей", "Олегович"));
    }

    @AfterEach
    void close() {
        index.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Иванова", "иванова", "ИВАНОВА", "Ивановой", "иванову", "Иванов", "иван", "Ив", "Ивнова"})
    void findsIvanovaByCaseInflectionPrefixOrTypo(String q) {
        assertThat(ids(q)).first().isEqualTo("w-ivanova");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Федорова", "фёдорова", "ФЕДОРОВОЙ", "Алена Федорова", "федор"})
    void foldsYoToYe(String q) {
        assertThat(ids(q)).containsExactly("w-fedorova");
    }

    @Test
    void everyWordMustMatchSomeNamePart() {
        assertThat(ids("Мария Иванова")).containsExactly("w-ivanova");
        assertThat(ids("Петровна Иванова Мария")).containsExactly("w-ivanova");
        assertThat(ids("Мария Смирнов")).isEmpty();
    }

    @Test
    void exactNameRanksAboveAPrefixMatch() {
        index.upsert(worker("w-ivanovsky", "Ивановский", "Павел", "Павлович"));

        assertThat(ids("Иванова")).first().isEqualTo("w-ivanova");
    }

    @Test
    void matchesPatronymicsAndFirstNamesToo() {
        assertThat(ids("Андреевна")).containsExactly("w-fedorova");
        assertThat(ids("андрея")).containsExactly("w-smirnov");
    }

    @Test
    void queryWithoutLettersDoesNotNarrowTheResult() {
        assertThat(ids("!!! ---")).hasSize(4);
    }

    private List<String> ids(String q) {
        return index.search(PublicSearchQuery.byName(q)).items().stream()
                .map(PublicWorkerDocument::workerId).toList();
    }
}
