package ru.frmr.registry.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ru.frmr.kit.access.AccessCaller;
import ru.frmr.kit.security.Roles;
import ru.frmr.registry.api.EmploymentContractKind;
import ru.frmr.registry.query.EmploymentView;
import ru.frmr.registry.query.WorkerView;

class SupervisionScopeTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

    private static AccessCaller regional(String region) {
        return new AccessCaller("a-1", null, Roles.SUPERVISOR, "ag-regional77aa",
                AccessCaller.REGIONAL_HEALTH_AUTHORITY, region, null);
    }

    @Test
    void aRegionalAuthoritySeesWorkersWithAnEmploymentLastingTodayInItsRegionOnly() {
        assertThat(SupervisionScope.covers(regional("77"), worker("77", TODAY.minusYears(1), null), TODAY)).isTrue();
        assertThat(SupervisionScope.covers(regional("77"), worker("77", TODAY.minusYears(1), TODAY), TODAY)).isTrue();
        assertThat(SupervisionScope.covers(regional("77"), worker("50", TODAY.minusYears(1), null), TODAY)).isFalse();
        assertThat(SupervisionScope.covers(regional("77"), worker("77", TODAY.minusYears(1), TODAY.minusDays(1)),
                TODAY)).as("ended").isFalse();
        assertThat(SupervisionScope.covers(regional("77"), worker("77", TODAY.plusDays(1), null), TODAY))
                .as("not started").isFalse();
        assertThat(SupervisionScope.covers(regional(null), worker("77", TODAY.minusYears(1), null), TODAY)).isFalse();
    }

    @Test
    void federalAgenciesAndAdministratorsSeeEveryone() {
        WorkerView elsewhere = worker("50", TODAY.minusYears(1), null);
        assertThat(SupervisionScope.covers(new AccessCaller("a-2", null, Roles.SUPERVISOR, "ag-rzngovagency",
                "ROSZDRAVNADZOR", null, null), elsewhere, TODAY)).isTrue();
        assertThat(SupervisionScope.covers(new AccessCaller("a-3", null, Roles.REGISTRY_ADMIN, null, null, null,
                null), elsewhere, TODAY)).isTrue();
    }

    @Test
    void aSupervisorOrAgencyClientOfNoKnownAgencySeesNobody() {
        WorkerView anyone = worker("77", TODAY.minusYears(1), null);
        assertThat(SupervisionScope.covers(new AccessCaller("a-4", null, Roles.SUPERVISOR, null, null, null, null),
                anyone, TODAY)).isFalse();
        assertThat(SupervisionScope.covers(new AccessCaller(null, "cl-1", Roles.AGENCY, "ag-gone", null, null, null),
                anyone, TODAY)).isFalse();
    }

    private static WorkerView worker(String region, LocalDate start, LocalDate end) {
        EmploymentView employment = new EmploymentView("org-1", "ГБУЗ", "1027700132195", region, null, null,
                "THERAPIST", null, BigDecimal.ONE, EmploymentContractKind.MAIN, start, end, 1);
        return new WorkerView("w-1", "Иванова", "Анна", null, LocalDate.of(1980, 1, 1), null, null, null, null, null,
                1, Map.of(), Map.of("emp-1", employment), null, null, null, null, false, null);
    }
}
