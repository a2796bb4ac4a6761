package ru.frmr.registry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import ru.frmr.kit.error.InvalidParameterException;

class WorkerLookupQueryTest {

    @Test
    void aRegistryNumberIsLookedUpAsSuch() {
        assertThat(WorkerLookupQuery.parse(" 3f2b6c1e-8a4d-4c2e-9b1a-0d5e6f7a8b9c "))
                .isEqualTo(new WorkerLookupQuery.ByRegistryNumber("3f2b6c1e-8a4d-4c2e-9b1a-0d5e6f7a8b9c"));
        assertThat(WorkerLookupQuery.parse("3F2B6C1E-8A4D-4C2E-9B1A-0D5E6F7A8B9C"))
                .isEqualTo(new WorkerLookupQuery.ByRegistryNumber("3f2b6c1e-8a4d-4c2e-9b1a-0d5e6f7a8b9c"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"112-233-445 95", "11223344595", "112-233-445-95"})
    void aSnilsInEitherFormIsLookedUpByItsDigitsWhichItsTextHides(String q) {
        WorkerLookupQuery query = WorkerLookupQuery.parse(q);
        assertThat(query).isEqualTo(new WorkerLookupQuery.BySnils("11223344595"));
        assertThat(query.toString()).doesNotContain("112").doesNotContain("95");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Иванова", "иванова м", "Петрова-Водкина", "O'Brien"})
    void anythingElseThatLooksLikeANameIsANamePrefix(String q) {
        assertThat(WorkerLookupQuery.parse(q)).isEqualTo(new WorkerLookupQuery.ByName(q));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "112-233-445 96", "12345", "<script>", "Иванова1", "ivanova%", ".*"})
    void whatIsNoneOfThemIsRefusedNamingQWithoutRepeatingIt(String q) {
        assertThatThrownBy(() -> WorkerLookupQuery.parse(q)).isInstanceOfSatisfying(InvalidParameterException.class,
                e -> {
                    assertThat(e.parameter()).isEqualTo("q");
                    if (q != null && !q.isBlank()) {
                        assertThat(e.getMessage()).doesNotContain(q.strip());
                    }
                });
    }

    @Test
    void aVeryLongQueryIsRefused() {
        assertThatThrownBy(() -> WorkerLookupQuery.parse("Я".repeat(101)))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("100");
    }
}
