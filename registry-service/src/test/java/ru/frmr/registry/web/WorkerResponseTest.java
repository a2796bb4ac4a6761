package ru.frmr.registry.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import ru.frmr.registry.query.WorkerView;

class WorkerResponseTest {

    private static final WorkerView VIEW = new WorkerView("w-1", "Иванова", "Мария", null, LocalDate.of(1985, 4, 12),
            "112-233-445 95", "m@example.ru", null, Instant.EPOCH, Instant.EPOCH, 3, null, null);

    @Test
    void theCabinetCallsAnAccountAwaitingConfirmationPendingVerification() {
        assertThat(WorkerResponse.of(VIEW, 0, "NEEDS_CONFIRMATION").accountStatus())
                .isEqualTo("PENDING_VERIFICATION");
        assertThat(WorkerResponse.of(VIEW, 0, "BLOCKED").accountStatus()).isEqualTo("BLOCKED");
        assertThat(WorkerResponse.of(VIEW, 0, null).accountStatus()).isNull();
    }

    @Test
    void aRecordWithoutApprovedEntriesShowsAnEmptyRecordAndItsPendingCount() {
        WorkerResponse response = WorkerResponse.of(VIEW, 2, "ACTIVE");
        assertThat(response.entries()).isEmpty();
        assertThat(response.pendingChanges()).isEqualTo(2);
    }

    @Test
    void aRecordWithoutEmploymentsShowsNone() {
        assertThat(WorkerResponse.of(VIEW, 0, "ACTIVE").employments()).isEmpty();
    }
}
