package ru.frmr.registry.web;

import java.time.LocalDate;
import java.util.Map;

import ru.frmr.kit.access.AccessCaller;
import ru.frmr.registry.query.EmploymentView;
import ru.frmr.registry.query.WorkerView;

/**
 * Which workers a supervisory caller may open. A regional health authority sees the workers with an employment
 * lasting today in an organisation of its region, as employers reported it (the record's employments carry the
 * organisation's region); federal agencies and administrators see everyone, a supervisor of no known agency nobody.
 */
final class SupervisionScope {

    private SupervisionScope() {
    }

    static boolean covers(AccessCaller caller, WorkerView worker, LocalDate today) {
        if (caller.supervisoryWithoutAgency()) {
            return false;
        }
        if (!caller.regional()) {
            return true;
        }
        String region = caller.agencyRegion();
        Map<String, EmploymentView> employments = worker.employments();
        return region != null && employments != null && employments.values().stream()
                .anyMatch(e -> region.equals(e.regionCode()) && !e.startDate().isAfter(today)
                        && (e.endDate() == null || !e.endDate().isBefore(today)));
    }
}
