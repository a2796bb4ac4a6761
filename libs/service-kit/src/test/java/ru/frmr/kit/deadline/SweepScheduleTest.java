package ru.frmr.kit.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

class SweepScheduleTest {

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aFailedSweepIsLoggedByItsTypeAndTheNextOneStillRuns(CapturedOutput output) {
        AtomicInteger runs = new AtomicInteger();
        SweepSchedule schedule = new SweepSchedule("test-sweep", () -> {
            if (runs.incrementAndGet() == 1) {
                throw new IllegalStateException("Иванова Анна Сергеевна");
            }
        }, true, Duration.ofMillis(10));

        schedule.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() >= 2);
        } finally {
            schedule.stop();
        }

        assertThat(schedule.isRunning()).isFalse();
        assertThat(output.getOut()).contains("Sweep test-sweep failed: java.lang.IllegalStateException")
                .doesNotContain("Иванова");
    }

    @Test
    void startsWithTheApplicationOnlyWhenEnabled() {
        assertThat(new SweepSchedule("on", () -> { }, true, Duration.ofMinutes(1)).isAutoStartup()).isTrue();
        assertThat(new SweepSchedule("off", () -> { }, false, Duration.ofMinutes(1)).isAutoStartup()).isFalse();
    }
}
