package ru.frmr.audit.alerts;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ru.frmr.contracts.audit.AuditAlertRaised;

/** The alerts raised, newest first, for auditors and administrators (see AccessRulesConfiguration). */
@RestController
@Validated
class AlertsController {

    private final Alerts alerts;

    AlertsController(Alerts alerts) {
        this.alerts = alerts;
    }

    @GetMapping("/api/audit/alerts")
    Page list(@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
              @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return new Page(alerts.page(page, size), page, size, alerts.total());
    }

    record Page(List<AuditAlertRaised> items, int page, int size, long total) {
    }
}
