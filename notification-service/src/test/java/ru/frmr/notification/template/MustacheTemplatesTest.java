package ru.frmr.notification.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import ru.frmr.contracts.notification.NotificationChannel;
import ru.frmr.notification.notice.NoticeKind;
import ru.frmr.notification.notice.RenderedNotice;

class MustacheTemplatesTest {

    private static final MustacheTemplates SHIPPED = MustacheTemplates.load("templates/notices",
            NoticeFields.standard(), 3);

    @Test
    void everyKindHasAnEmailAndAnInboxTemplateAndSecurityKindsAnSms() {
        for (NoticeKind kind : NoticeKind.values()) {
            assertThat(SHIPPED.has(kind, NotificationChannel.EMAIL)).as(kind.name()).isTrue();
            assertThat(SHIPPED.has(kind, NotificationChannel.INBOX)).as(kind.name()).isTrue();
            if (kind.security()) {
                assertThat(SHIPPED.has(kind, NotificationChannel.SMS)).as(kind.name()).isTrue();
            }
        }
        assertThat(SHIPPED.has(NoticeKind.LICENSE_EXPIRING, NotificationChannel.SMS)).isTrue();
        assertThat(SHIPPED.has(NoticeKind.CERTIFICATE_READY, NotificationChannel.SMS)).isFalse();
    }

    @Test
    void rendersTheSubjectAndTheBodyWithoutHtmlEscaping() {
        RenderedNotice email = SHIPPED.render(NoticeKind.CHANGE_REJECTED, NotificationChannel.EMAIL, Map.of(
                "greeting", "Здравствуйте, Мария Петровна!", "section", "Образование",
                "reason", "Диплом «ГБОУ» <не читается> & размыт"));
        assertThat(email.subject()).isEqualTo("Изменение в вашей записи регистра отклонено");
        assertThat(email.body()).startsWith("Здравствуйте, Мария Петровна!")
                .contains("раздела «Образование»").contains("Причина: Диплом «ГБОУ» <не читается> & размыт");
        assertThat(email.templateVersion()).isEqualTo(1);
        assertThat(email.segments()).isZero();
    }

    @Test
    void anSmsCountsItsPartsAndAFieldLongerThanDeclaredIsCut() {
        RenderedNotice sms = SHIPPED.render(NoticeKind.NEW_DEVICE_LOGIN, NotificationChannel.SMS,
                Map.of("device", "Chrome, Linux", "at", "06.12.2026 20:15 (МСК)"));
        assertThat(sms.subject()).isNull();
        assertThat(sms.body()).isEqualTo("ФРМР: 06.12.2026 20:15 (МСК) вход с нового устройства (Chrome, Linux). "
                + "Если это не вы, обратитесь в поддержку.");
        assertThat(sms.segments()).isEqualTo(SmsSegments.count(sms.body())).isEqualTo(2);
        RenderedNotice cut = SHIPPED.render(NoticeKind.NEW_DEVICE_LOGIN, NotificationChannel.SMS,
                Map.of("device", "Я".repeat(500), "at", "x"));
        assertThat(cut.body()).contains("Я".repeat(59) + "…").doesNotContain("Я".repeat(60));
        assertThat(cut.segments()).isLessThanOrEqualTo(3);
    }

    @Test
    void anOptionalSectionShowsOnlyWithItsField() {
        assertThat(SHIPPED.render(NoticeKind.CERTIFICATE_SENT, NotificationChannel.INBOX,
                Map.of("number", "1234", "channel", "почтой", "trackingNumber", "80081234567890")).body())
                .contains("Почтовый идентификатор: 80081234567890.");
        assertThat(SHIPPED.render(NoticeKind.CERTIFICATE_SENT, NotificationChannel.INBOX,
                Map.of("number", "1234", "channel", "по электронной почте")).body())
                .doesNotContain("Почтовый идентификатор");
    }

    @Test
    void theShippedSmsTemplatesFitThreePartsWithEveryFieldAtItsMaximum() {
        assertThat(SHIPPED.all()).filteredOn(t -> t.channel() == NotificationChannel.SMS)
                .hasSize(9).allSatisfy(t -> assertThat(t.maxSegments()).isBetween(1, 3));
    }

    @Test
    void aFieldTheKindDoesNotDeclareFailsTheLoadNamingFileAndField() {
        assertThatThrownBy(() -> load("unknown-field", 3)).isInstanceOf(TemplateException.class)
                .hasMessageContaining("LICENSE_EXPIRING/email.v1.mustache").hasMessageContaining("«holder»");
    }

    @Test
    void aKindWithoutItsInboxTemplateFailsTheLoad() {
        assertThatThrownBy(() -> load("missing-inbox", 3)).isInstanceOf(TemplateException.class)
                .hasMessageContaining("LICENSE_EXPIRING/inbox.v1.mustache is missing");
    }

    @Test
    void anSmsOverThePartLimitFailsTheLoad() {
        assertThatThrownBy(() -> load("long-sms", 3)).isInstanceOf(TemplateException.class)
                .hasMessageContaining("ACCOUNT_LOCKED/sms.v1.mustache").hasMessageContaining("SMS parts")
                .hasMessageContaining("lockedUntil");
    }

    @Test
    void anEmailWithoutItsSubjectLineFailsTheLoad() {
        assertThatThrownBy(() -> load("no-subject", 3)).isInstanceOf(TemplateException.class)
                .hasMessageContaining("LICENSE_EXPIRING/email.v1.mustache must start with a line «Тема: …»");
    }

    @Test
    void aFolderThatIsNoKindFailsTheLoad() {
        assertThatThrownBy(() -> load("unknown-kind", 3)).isInstanceOf(TemplateException.class)
                .hasMessageContaining("NO_SUCH_KIND");
    }

    @Test
    void onlyTheHighestVersionIsUsedAndChecked() {
        // v1 uses a field no longer declared: it is not in use, so it does not stop the load.
        assertThatThrownBy(() -> load("versions", 3)).isInstanceOf(TemplateException.class)
                .hasMessageContaining("LICENSE_EXPIRED/email.v1.mustache is missing");
        assertThat(SHIPPED.loaded(NoticeKind.LICENSE_EXPIRING, NotificationChannel.EMAIL).orElseThrow().version())
                .isEqualTo(1);
    }

    @Test
    void aValueCutToItsMaximumEndsWithAnEllipsisAndNeverSplitsACharacter() {
        assertThat(MustacheTemplates.cut("Терапия", 7)).isEqualTo("Терапия");
        assertThat(MustacheTemplates.cut("Терапевтический", 7)).isEqualTo("Терапе…").hasSize(7);
        // U+1F3E5 (hospital) is two UTF-16 units: cut before it, not through it.
        assertThat(MustacheTemplates.cut("Больница \uD83C\uDFE5 №1", 11)).isEqualTo("Больница …");
    }

    private static MustacheTemplates load(String set, int maxSegments) {
        return MustacheTemplates.load("broken-templates/" + set, NoticeFields.standard(), maxSegments);
    }
}
