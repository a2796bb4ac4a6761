package ru.frmr.registry.web;

import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ru.frmr.registry.query.ActivationQueue;
import ru.frmr.registry.query.ActivationRequestView;

/**
 * The registry administrators' queue of login accounts awaiting activation, oldest request first. The queue only
 * shows: accounts are auth-service's, so an administrator activates one there (each item links to it), and the
 * request leaves the queue when auth-service reports the account's new status.
 */
@RestController
@RequestMapping("/api/registry/admin/activation-requests")
class ActivationQueueController {

    private final ActivationQueue queue;

    ActivationQueueController(ActivationQueue queue) {
        this.queue = queue;
    }

    @GetMapping
    ActivationQueueResponse open(@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
                                 @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        List<ActivationRequestView> requests = queue.open(page, size);
        Map<String, String> workers = queue.workersOf(requests.stream().map(ActivationRequestView::accountId).toList());
        return new ActivationQueueResponse(requests.stream()
                .map(r -> ActivationRequestResponse.of(r, workers.get(r.accountId())))
                .toList(), page, size, queue.openTotal());
    }
}
