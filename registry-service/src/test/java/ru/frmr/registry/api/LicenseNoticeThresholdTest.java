package ru.frmr.registry.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class LicenseNoticeThresholdTest {

    private static final LocalDate END = LocalDate.of(2027, 3, 1);

    @Test
    void noticesFallDueNinetyThirtyAndSevenDaysBeforeTheEndAndOnTheEndDate() {
        assertThat(LicenseNoticeThreshold.DAYS_90.dueOn(END)).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(LicenseNoticeThreshold.DAYS_30.dueOn(END)).isEqualTo(LocalDate.of(2027, 1, 30));
        assertThat(LicenseNoticeThreshold.DAYS_7.dueOn(END)).isEqualTo(LocalDate.of(2027, 2, 22));
        assertThat(LicenseNoticeThreshold.END_DATE.dueOn(END)).isEqualTo(END);
    }

    @Test
    void aNoticeIsSupersededOnceANearerOneIsDue() {
        assertThat(LicenseNoticeThreshold.DAYS_90.supersededOn(END, END.minusDays(31))).isFalse();
        assertThat(LicenseNoticeThreshold.DAYS_90.supersededOn(END, END.minusDays(30))).isTrue();
        assertThat(LicenseNoticeThreshold.DAYS_30.supersededOn(END, END.minusDays(8))).isFalse();
        assertThat(LicenseNoticeThreshold.DAYS_30.supersededOn(END, END.minusDays(7))).isTrue();
        assertThat(LicenseNoticeThreshold.DAYS_7.supersededOn(END, END.minusDays(1))).isFalse();
        assertThat(LicenseNoticeThreshold.DAYS_7.supersededOn(END, END)).isTrue();
        assertThat(LicenseNoticeThreshold.END_DATE.supersededOn(END, END.plusYears(1))).isFalse();
    }
}
