package ru.frmr.audit.access;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ru.frmr.kit.security.CurrentUser;

/** «Кто смотрел мои данные»: the worker's own record's reads by others (the token's {@code worker_id}). */
@RestController
@Validated
class MyAccessController {

    private final AccessRecords records;

    MyAccessController(AccessRecords records) {
        this.records = records;
    }

    @GetMapping("/api/audit/me/access")
    Page me(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        if (user.workerId() == null) {
            return new Page(List.of(), page, size, 0);
        }
        List<Item> items = records.ofWorker(user.workerId(), page, size).stream()
                .map(v -> new Item(v.accessId(), v.at(), v.actorRole(), ActorLabels.of(v.actorRole()), v.what(),
                        v.purpose(), v.service()))
                .toList();
        return new Page(items, page, size, records.countOfWorker(user.workerId()));
    }

    record Page(List<Item> items, int page, int size, long total) {
    }

    record Item(String accessId, Instant at, String actorRole, String actorLabel, String what, String purpose,
                String service) {
    }
}
