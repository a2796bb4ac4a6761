package ru.frmr.portal.web.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

/** The purpose of access: how the form's choice becomes one, and that it holds for one worker for 15 minutes. */
class AccessPurposesTest {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    /** A clock the test moves. */
    private static final class Ticking extends Clock {
        Instant now = NOW;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aStatedPurposeHoldsForThatWorkerFor15MinutesOnly() {
        Ticking clock = new Ticking();
        AccessPurposes purposes = new AccessPurposes(clock);
        MockHttpSession session = new MockHttpSession();

        purposes.remember(session, "w-1", "Рассмотрение обращения работника");

        assertThat(purposes.current(session, "w-1")).contains("Рассмотрение обращения работника");
        assertThat(purposes.current(session, "w-2")).isEmpty();
        clock.now = NOW.plus(AccessPurposes.KEPT_FOR).minusSeconds(1);
        assertThat(purposes.current(session, "w-1")).isPresent();
        clock.now = NOW.plus(AccessPurposes.KEPT_FOR);
        assertThat(purposes.current(session, "w-1")).isEmpty();

        purposes.remember(session, "w-2", "Контрольно-надзорное мероприятие");
        purposes.forget(session, "w-2");
        assertThat(purposes.current(session, "w-2")).isEmpty();
        assertThat(purposes.current(null, "w-2")).isEmpty();
        assertThat(AccessPurposes.KEPT_FOR).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void theFormsChoiceAndDetailsMakeThePurpose() {
        Map<String, String> errors = new LinkedHashMap<>();
        assertThat(AccessPurposes.fromForm("APPEAL", "  обращение   № 17 ", errors))
                .isEqualTo("Рассмотрение обращения работника: обращение № 17");
        assertThat(AccessPurposes.fromForm("SUPERVISION", "", errors)).isEqualTo("Контрольно-надзорное мероприятие");
        assertThat(AccessPurposes.fromForm("OTHER", "Запрос прокуратуры", errors)).isEqualTo("Запрос прокуратуры");
        assertThat(errors).isEmpty();

        assertThat(AccessPurposes.fromForm(null, "что-то", errors)).isNull();
        assertThat(errors).containsEntry("suggested", "Выберите цель доступа");
        errors.clear();
        assertThat(AccessPurposes.fromForm("HACK", "", errors)).isNull();
        assertThat(errors).containsKey("suggested");
        errors.clear();
        assertThat(AccessPurposes.fromForm("OTHER", "аб", errors)).isNull();
        assertThat(errors).containsEntry("details", "Цель доступа — не короче 3 символов");
        errors.clear();
        assertThat(AccessPurposes.fromForm("OTHER", "я".repeat(300), errors)).hasSize(300);
        assertThat(AccessPurposes.fromForm("OTHER", "я".repeat(301), errors)).isNull();
        assertThat(errors).containsKey("details");
    }
}
