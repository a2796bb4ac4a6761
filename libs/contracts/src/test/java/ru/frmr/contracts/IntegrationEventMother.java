package ru.frmr.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import ru.frmr.contracts.employer.EmployerLinkRequested;
import ru.frmr.contracts.registry.LicenseExpired;
import ru.frmr.contracts.registry.LicenseKind;
import ru.frmr.contracts.registry.ProfileSection;
import ru.frmr.contracts.registry.ProfileUpdated;
import ru.frmr.contracts.registry.WorkerRegistered;

/** One typical instance of every catalogued event. */
final class IntegrationEventMother {

    private static final Instant NOW = Instant.parse("2026-11-25T10:15:30.123Z");

    static final Map<Class<? extends IntegrationEvent>, IntegrationEvent> SAMPLES = Map.of(
            WorkerRegistered.class, new WorkerRegistered("w-1", "Иванова", "Мария", "Петровна", NOW),
            ProfileUpdated.class, new ProfileUpdated("w-1", List.of(ProfileSection.CONTACTS), 2, NOW),
            LicenseExpired.class, new LicenseExpired("w-1", "acc-7", LicenseKind.ACCREDITATION, "31.08.49",
                    LocalDate.of(2026, 11, 25)),
            EmployerLinkRequested.class, new EmployerLinkRequested("lr-1", "org-5", "w-1", NOW));

    private IntegrationEventMother() {
    }
}
