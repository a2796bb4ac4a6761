package ru.frmr.portal.web.employer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class EmployerWordsTest {

    private final EmployerWords words = new EmployerWords();

    @Test
    void theStavkaIsWrittenWithACommaAndComparedAsANumber() {
        assertThat(words.rate("0.75")).isEqualTo("0,75");
        assertThat(words.rate("1.00")).isEqualTo("1");
        assertThat(words.rate(1.5)).isEqualTo("1,5");
        assertThat(words.rate(null)).isEqualTo("—");
        assertThat(words.sameRate("1", "1.0")).isTrue();
        assertThat(words.sameRate("0.5", "0.75")).isFalse();
        assertThat(words.sameRate("1", "один")).isFalse();
    }

    @Test
    void statusesAreWords() {
        assertThat(words.linkStatus("EXPIRED")).isEqualTo("Истёк срок ответа");
        assertThat(words.discrepancyStatus("OVERDUE")).isEqualTo("Срок ответа истёк");
        assertThat(words.employmentStatus("DISMISSED")).isEqualTo("Уволен");
        assertThat(words.changeKind("RATE_CHANGE")).isEqualTo("Изменение ставки");
        assertThat(words.field("CONTRACT_DATE")).isEqualTo("Дата трудового договора");
        assertThat(words.linkStatus(null)).isEqualTo("—");
    }

    @Test
    void aFormStaysOpenWhenOneOfItsFieldsHasAnError() {
        assertThat(words.anyFor(Map.of("c-e1-rate", "x"), "c-e1")).isTrue();
        assertThat(words.anyFor(Map.of("c-e1", "x"), "c-e1")).isTrue();
        assertThat(words.anyFor(Map.of("c-e10-rate", "x"), "c-e1")).isFalse();
        assertThat(words.anyFor(null, "hire")).isFalse();
    }
}
