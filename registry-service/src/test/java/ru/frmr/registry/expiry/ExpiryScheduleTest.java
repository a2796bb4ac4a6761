package ru.frmr.registry.expiry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import ru.frmr.registry.api.LicenseNoticeThreshold;
import ru.frmr.registry.api.RecordSection;

class ExpiryScheduleTest {

    private static final LocalDate END = LocalDate.of(2027, 3, 1);

    private static ScheduledLicense license(String entryId, RecordSection section, String specialty, LocalDate end,
                                            LocalDate approvedOn) {
        return new ScheduledLicense("w-1/" + entryId, "w-1", entryId, section, specialty, end.toString(),
                approvedOn.toString(), false, 1);
    }

    private static Map<LicenseNoticeThreshold, NoticeState> states(LocalDate approvedOn) {
        return ExpirySchedule.noticesFor(List.of(license("c-1", RecordSection.CERTIFICATES, "31.08.36", END,
                        approvedOn))).stream()
                .collect(Collectors.toMap(LicenseNotice::threshold, LicenseNotice::state));
    }

    @Test
    void aLicenceApprovedLongBeforeItsEndGetsFourPendingNoticesWithTheirDueDays() {
        List<LicenseNotice> notices = ExpirySchedule.noticesFor(List.of(license("c-1", RecordSection.CERTIFICATES,
                "31.08.36", END, END.minusYears(5))));

        assertThat(notices).extracting(LicenseNotice::threshold).containsExactly(LicenseNoticeThreshold.values());
        assertThat(notices).extracting(LicenseNotice::dueOn)
                .containsExactly("2026-12-01", "2027-01-30", "2027-02-22", "2027-03-01");
        assertThat(notices).allSatisfy(n -> {
            assertThat(n.state()).isEqualTo(NoticeState.PENDING);
            assertThat(n.id()).isEqualTo("w-1/c-1/2027-03-01/" + n.threshold());
            assertThat(n.endDate()).isEqualTo("2027-03-01");
        });
    }

    @Test
    void aLicenceApprovedInsideAWindowKeepsOnlyTheNearestPassedNotice() {
        assertThat(states(END.minusDays(20))).containsExactlyInAnyOrderEntriesOf(Map.of(
                LicenseNoticeThreshold.DAYS_90, NoticeState.SKIPPED,
                LicenseNoticeThreshold.DAYS_30, NoticeState.PENDING,
                LicenseNoticeThreshold.DAYS_7, NoticeState.PENDING,
                LicenseNoticeThreshold.END_DATE, NoticeState.PENDING));
        assertThat(states(END.minusDays(30))).containsEntry(LicenseNoticeThreshold.DAYS_90, NoticeState.SKIPPED)
                .containsEntry(LicenseNoticeThreshold.DAYS_30, NoticeState.PENDING);
        assertThat(states(END.minusDays(3))).containsExactlyInAnyOrderEntriesOf(Map.of(
                LicenseNoticeThreshold.DAYS_90, NoticeState.SKIPPED,
                LicenseNoticeThreshold.DAYS_30, NoticeState.SKIPPED,
                LicenseNoticeThreshold.DAYS_7, NoticeState.PENDING,
                LicenseNoticeThreshold.END_DATE, NoticeState.PENDING));
    }

    @Test
    void aLicenceApprovedOnItsEndDateGetsTheExpiryOnlyAndOneAlreadyEndedGetsNothing() {
        assertThat(states(END)).containsEntry(LicenseNoticeThreshold.END_DATE, NoticeState.PENDING)
                .containsEntry(LicenseNoticeThreshold.DAYS_7, NoticeState.SKIPPED);
        assertThat(states(END.plusDays(1)).values()).containsOnly(NoticeState.SKIPPED);
    }

    @Test
    void aLicenceRenewedByALaterOneOfTheSameKindAndSpecialtyGetsNoNotices() {
        LocalDate approved = END.minusYears(1);
        ScheduledLicense old = license("c-1", RecordSection.CERTIFICATES, "31.08.36", END, approved);
        ScheduledLicense renewal = license("c-2", RecordSection.CERTIFICATES, "31.08.36", END.plusYears(5), approved);
        ScheduledLicense otherSpecialty = license("c-3", RecordSection.CERTIFICATES, "31.08.49", END.plusYears(5),
                approved);
        ScheduledLicense accreditation = license("a-1", RecordSection.ACCREDITATION, "31.08.36", END.plusYears(5),
                approved);

        assertThat(ExpirySchedule.renewed(old, List.of(old, renewal))).isTrue();
        assertThat(ExpirySchedule.renewed(renewal, List.of(old, renewal))).isFalse();
        assertThat(ExpirySchedule.renewed(old, List.of(old, otherSpecialty, accreditation))).isFalse();
        assertThat(ExpirySchedule.noticesFor(List.of(old, renewal))).extracting(LicenseNotice::entryId)
                .containsOnly("c-2").hasSize(4);
    }
}
