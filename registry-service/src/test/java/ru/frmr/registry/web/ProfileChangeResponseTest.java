package ru.frmr.registry.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ru.frmr.registry.api.AccreditationEntry;
import ru.frmr.registry.api.AccreditationKind;
import ru.frmr.registry.api.ChangeKind;
import ru.frmr.registry.api.RecordEntry;
import ru.frmr.registry.api.RecordSection;
import ru.frmr.registry.query.ChangeStatus;
import ru.frmr.registry.query.ProfileChangeView;
import ru.frmr.registry.query.WorkerView;

class ProfileChangeResponseTest {

    private static final AccreditationEntry HELD = new AccreditationEntry(AccreditationKind.PERIODIC, "П-17/2024",
            LocalDate.of(2024, 6, 1), "31.08.49", LocalDate.of(2029, 6, 1));
    private static final AccreditationEntry PROPOSED = new AccreditationEntry(AccreditationKind.PERIODIC,
            "П-18/2024", LocalDate.of(2024, 6, 1), "31.08.49", LocalDate.of(2029, 6, 1));
    private static final WorkerView WORKER = new WorkerView("w-1", "Иванова", "Мария", "Петровна",
            LocalDate.of(1985, 4, 12), "pd1:sealed", null, null, Instant.EPOCH, Instant.EPOCH, 7,
            Map.of("a-1", HELD), null, null, null, null, null, null, "иванова мария петровна");

    @Test
    void aCorrectionShowsTheWorkerTheProposedEntryAndTheOneTheRecordHoldsNow() {
        ProfileChangeResponse response = ProfileChangeResponse.of(change(ChangeKind.CORRECT, "a-1", PROPOSED), WORKER,
                List.of());

        assertThat(response.worker()).isEqualTo(new ProfileChangeResponse.Worker("w-1", "Иванова", "Мария",
                "Петровна"));
        assertThat(response.entry()).isEqualTo(PROPOSED);
        assertThat(response.currentEntry()).isEqualTo(HELD);
    }

    @Test
    void aRemovalShowsTheEntryItWouldRemove() {
        ProfileChangeResponse response = ProfileChangeResponse.of(change(ChangeKind.REMOVE, "a-1", null), WORKER,
                List.of());
        assertThat(response.entry()).isNull();
        assertThat(response.currentEntry()).isEqualTo(HELD);
    }

    @Test
    void anAdditionHasNoCurrentEntryEvenUnderAnIdTheRecordKnows() {
        assertThat(ProfileChangeResponse.of(change(ChangeKind.ADD, "a-1", PROPOSED), WORKER, List.of()).currentEntry())
                .isNull();
    }

    @Test
    void withoutTheWorkersViewThereIsNeitherNameNorCurrentEntry() {
        ProfileChangeResponse response = ProfileChangeResponse.of(change(ChangeKind.CORRECT, "a-1", PROPOSED), null,
                List.of());
        assertThat(response.worker()).isNull();
        assertThat(response.currentEntry()).isNull();
        assertThat(response.workerId()).isEqualTo("w-1");
    }

    private static ProfileChangeView change(ChangeKind kind, String entryId, RecordEntry entry) {
        return new ProfileChangeView("ch-1", "w-1", kind, RecordSection.ACCREDITATION, entryId, entry,
                ChangeStatus.PENDING, "account:w", Instant.parse("2026-11-01T10:00:00Z"), null, null, null);
    }
}
