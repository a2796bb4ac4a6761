package ru.frmr.portal.web.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SupportWordsTest {

    private final SupportWords words = new SupportWords();

    @Test
    void theTimeLeftIsSaidInHoursAndMinutes() {
        assertThat(words.timeLeft(23 * 3600 + 10 * 60 + 59)).isEqualTo("осталось 23 ч 10 мин");
        assertThat(words.timeLeft(45 * 60)).isEqualTo("осталось 45 мин");
        assertThat(words.timeLeft(0)).isEqualTo("осталось 0 мин");
        assertThat(words.timeLeft(-2 * 3600)).isEqualTo("просрочено на 2 ч");
        assertThat(words.timeLeft(-(3600 + 5 * 60))).isEqualTo("просрочено на 1 ч 5 мин");
        assertThat(words.timeLeft(-30)).isEqualTo("просрочено на 1 мин");
    }

    @Test
    void statusesAndTopicsAreWords() {
        assertThat(words.status("IN_WORK")).isEqualTo("В работе");
        assertThat(words.status("ANSWERED")).isEqualTo("Есть ответ");
        assertThat(words.topic("CERTIFICATES")).isEqualTo("Справки");
        assertThat(words.topic("unknown")).isEqualTo("Другое");
    }
}
