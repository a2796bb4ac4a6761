package ru.frmr.registry.expiry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import ru.frmr.infra.embedded.EmbeddedMongo;
import ru.frmr.registry.api.AccreditationEntry;
import ru.frmr.registry.api.AccreditationKind;
import ru.frmr.registry.api.CertificateEntry;
import ru.frmr.registry.api.ChangeKind;
import ru.frmr.registry.api.EducationEntry;
import ru.frmr.registry.api.LicenseNoticeThreshold;
import ru.frmr.registry.api.ProfileChangeApprovedEvent;
import ru.frmr.registry.api.RecordEntry;
import ru.frmr.registry.api.RecordSection;

/** The schedule of licence notices against the Mongo wire server: what each approval does to it. */
class LicenseExpiryProjectionTest {

    private static final LocalDate END = LocalDate.of(2027, 3, 1);
    /** 2026-03-10 in Moscow. */
    private static final Instant LONG_BEFORE = Instant.parse("2026-03-10T09:00:00Z");

    private static EmbeddedMongo server;
    private static MongoClient client;

    private LicenseNotices notices;
    private LicenseExpiryProjection projection;
    private String worker;

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
        MongoTemplate mongo = new MongoTemplate(client, "expiry_projection_test");
        notices = new LicenseNotices(mongo);
        projection = new LicenseExpiryProjection(new ScheduledLicenses(mongo), notices);
        worker = UUID.randomUUID().toString();
    }

    private static CertificateEntry certificate(LocalDate endDate, String specialty) {
        return new CertificateEntry("0177", "180012345", LocalDate.of(2021, 5, 20), endDate, specialty);
    }

    private void approve(long sequence, ChangeKind kind, String entryId, RecordEntry entry, RecordSection section,
                         Instant approvedAt) {
        projection.on(new ProfileChangeApprovedEvent(worker, "c-" + sequence, kind, section, entryId, entry,
                "account:admin", approvedAt, sequence), sequence);
    }

    private void approveCertificate(long sequence, ChangeKind kind, String entryId, LocalDate endDate) {
        approve(sequence, kind, entryId, certificate(endDate, "31.08.36"), RecordSection.CERTIFICATES, LONG_BEFORE);
    }

    private Map<String, NoticeState> schedule() {
        return notices.of(worker).stream().collect(Collectors.toMap(
                n -> n.entryId() + "/" + n.endDate() + "/" + n.threshold(), LicenseNotice::state));
    }

    private static String key(String entryId, LocalDate endDate, LicenseNoticeThreshold threshold) {
        return entryId + "/" + endDate + "/" + threshold;
    }

    @Test
    void anApprovedCertificateGetsFourPendingNoticesOnTheirDays() {
        approveCertificate(2, ChangeKind.ADD, "c-1", END);

        assertThat(notices.of(worker)).hasSize(4).allSatisfy(n -> {
            assertThat(n.state()).isEqualTo(NoticeState.PENDING);
            assertThat(n.dueOn()).isEqualTo(n.threshold().dueOn(END).toString());
            assertThat(n.section()).isEqualTo(RecordSection.CERTIFICATES);
            assertThat(n.specialtyCode()).isEqualTo("31.08.36");
        });
    }

    @Test
    void anAccreditationIsScheduledForItsLawfulEndDate() {
        AccreditationEntry accreditation = new AccreditationEntry(AccreditationKind.PERIODIC, "П-1",
                LocalDate.of(2022, 3, 1), "31.08.49", null).withLawfulEndDate();
        approve(2, ChangeKind.ADD, "a-1", accreditation, RecordSection.ACCREDITATION, LONG_BEFORE);

        assertThat(schedule()).containsEntry(key("a-1", END, LicenseNoticeThreshold.END_DATE), NoticeState.PENDING)
                .hasSize(4);
    }

    @Test
    void approvalInsideAWindowSkipsTheOlderNoticesByTheMoscowDayOfApproval() {
        // 21:30 UTC is already the next day in Moscow: 2027-01-30, exactly 30 days before the end.
        approve(2, ChangeKind.ADD, "c-1", certificate(END, "31.08.36"), RecordSection.CERTIFICATES,
                Instant.parse("2027-01-29T21:30:00Z"));

        assertThat(schedule()).containsExactlyInAnyOrderEntriesOf(Map.of(
                key("c-1", END, LicenseNoticeThreshold.DAYS_90), NoticeState.SKIPPED,
                key("c-1", END, LicenseNoticeThreshold.DAYS_30), NoticeState.PENDING,
                key("c-1", END, LicenseNoticeThreshold.DAYS_7), NoticeState.PENDING,
                key("c-1", END, LicenseNoticeThreshold.END_DATE), NoticeState.PENDING));
    }

    @Test
    void aNewEndDateCancelsWhatIsPendingForTheOldOneAndSchedulesItsOwn() {
        approveCertificate(2, ChangeKind.ADD, "c-1", END);
        notices.markIssued(LicenseNotice.idOf(worker, "c-1", END.toString(), LicenseNoticeThreshold.DAYS_90));
        LocalDate corrected = END.plusMonths(2);

        approveCertificate(3, ChangeKind.CORRECT, "c-1", corrected);

        assertThat(schedule()).hasSize(8)
                .containsEntry(key("c-1", END, LicenseNoticeThreshold.DAYS_90), NoticeState.ISSUED)
                .containsEntry(key("c-1", END, LicenseNoticeThreshold.DAYS_30), NoticeState.CANCELLED)
                .containsEntry(key("c-1", END, LicenseNoticeThreshold.END_DATE), NoticeState.CANCELLED)
                .containsEntry(key("c-1", corrected, LicenseNoticeThreshold.DAYS_90), NoticeState.PENDING)
                .containsEntry(key("c-1", corrected, LicenseNoticeThreshold.END_DATE), NoticeState.PENDING);
    }

    @Test
    void aCorrectionThatKeepsTheEndDateLeavesTheScheduleAsItIs() {
        approveCertificate(2, ChangeKind.ADD, "c-1", END);
        notices.markIssued(LicenseNotice.idOf(worker, "c-1", END.toString(), LicenseNoticeThreshold.DAYS_90));
        Map<String, NoticeState> before = schedule();

        approve(3, ChangeKind.CORRECT, "c-1", new CertificateEntry("0178", "1", LocalDate.of(2021, 5, 20), END,
                "31.08.36"), RecordSection.CERTIFICATES, LONG_BEFORE);

        assertThat(schedule()).isEqualTo(before);
    }

    @Test
    void aRemovalCancelsThePendingNotices() {
        approveCertificate(2, ChangeKind.ADD, "c-1", END);
        notices.markIssued(LicenseNotice.idOf(worker, "c-1", END.toString(), LicenseNoticeThreshold.DAYS_90));

        approve(3, ChangeKind.REMOVE, "c-1", null, RecordSection.CERTIFICATES, LONG_BEFORE);

        assertThat(schedule()).containsEntry(key("c-1", END, LicenseNoticeThreshold.DAYS_90), NoticeState.ISSUED)
                .containsEntry(key("c-1", END, LicenseNoticeThreshold.DAYS_30), NoticeState.CANCELLED)
                .containsEntry(key("c-1", END, LicenseNoticeThreshold.DAYS_7), NoticeState.CANCELLED)
                .containsEntry(key("c-1", END, LicenseNoticeThreshold.END_DATE), NoticeState.CANCELLED);
    }

    @Test
    void aRenewalCancelsTheOlderLicencesNoticesAndRemovingItBringsThemBack() {
        LocalDate renewedEnd = END.plusYears(5);
        approveCertificate(2, ChangeKind.ADD, "c-1", END);
        approve(3, ChangeKind.ADD, "other", certificate(END, "31.08.49"), RecordSection.CERTIFICATES, LONG_BEFORE);

        approveCertificate(4, ChangeKind.ADD, "c-2", renewedEnd);

        Map<String, NoticeState> renewed = schedule();
        assertThat(renewed).containsEntry(key("c-1", END, LicenseNoticeThreshold.DAYS_30), NoticeState.CANCELLED)
                .containsEntry(key("c-1", END, LicenseNoticeThreshold.END_DATE), NoticeState.CANCELLED)
                .containsEntry(key("c-2", renewedEnd, LicenseNoticeThreshold.DAYS_90), NoticeState.PENDING)
                .containsEntry(key("other", END, LicenseNoticeThreshold.DAYS_30), NoticeState.PENDING);

        approve(5, ChangeKind.REMOVE, "c-2", null, RecordSection.CERTIFICATES, LONG_BEFORE);

        assertThat(schedule()).containsEntry(key("c-1", END, LicenseNoticeThreshold.DAYS_30), NoticeState.PENDING)
                .containsEntry(key("c-1", END, LicenseNoticeThreshold.END_DATE), NoticeState.PENDING)
                .containsEntry(key("c-2", renewedEnd, LicenseNoticeThreshold.DAYS_90), NoticeState.CANCELLED);
    }

    @Test
    void anOlderLicenceApprovedAfterItsRenewalGetsNoNotices() {
        approveCertificate(2, ChangeKind.ADD, "c-2", END.plusYears(5));

        approveCertificate(3, ChangeKind.ADD, "c-1", END);

        assertThat(notices.of(worker)).extracting(LicenseNotice::entryId).containsOnly("c-2");
    }

    @Test
    void replayedEventsChangeNothing() {
        LocalDate corrected = END.plusMonths(2);
        approveCertificate(2, ChangeKind.ADD, "c-1", END);
        approveCertificate(3, ChangeKind.CORRECT, "c-1", corrected);
        notices.markIssued(LicenseNotice.idOf(worker, "c-1", corrected.toString(), LicenseNoticeThreshold.DAYS_90));
        Map<String, NoticeState> before = schedule();

        approveCertificate(2, ChangeKind.ADD, "c-1", END);
        approveCertificate(3, ChangeKind.CORRECT, "c-1", corrected);

        assertThat(schedule()).isEqualTo(before);
    }

    @Test
    void entriesThatAreNoLicencesAreNotScheduled() {
        approve(2, ChangeKind.ADD, "e-1", new EducationEntry("Институт", "DIPLOMA", null, "1",
                LocalDate.of(2008, 6, 30), "31.05.01", "Врач-лечебник", "HIGHER_SPECIALIST"),
                RecordSection.EDUCATION, LONG_BEFORE);
        approve(3, ChangeKind.REMOVE, "e-1", null, RecordSection.EDUCATION, LONG_BEFORE);

        assertThat(notices.of(worker)).isEmpty();
    }
}
