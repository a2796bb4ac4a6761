package ru.frmr.audit.web;

import java.time.Instant;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ru.frmr.audit.ledger.EntryFilter;
import ru.frmr.audit.ledger.EntryPage;
import ru.frmr.audit.ledger.LeafBytes;
import ru.frmr.audit.ledger.LedgerQueries;
import ru.frmr.audit.ledger.checkpoint.CheckpointAudit;
import ru.frmr.audit.ledger.tree.NodeHash;
import ru.frmr.kit.error.NotFoundException;

/**
 * Read-only API over the ledger. Constraint annotations on the parameters make Spring MVC validate them
 * itself; the kit turns the failures into problem+json naming the parameter.
 */
@RestController
@RequestMapping("/api/audit")
class AuditController {

    static final int MAX_PAGE_SIZE = 500;

    private final LedgerQueries queries;
    private final CheckpointAudit checkpointAudit;

    AuditController(LedgerQueries queries, CheckpointAudit checkpointAudit) {
        this.queries = queries;
        this.checkpointAudit = checkpointAudit;
    }

    /** Entries in sequence order; {@code from} (inclusive) and {@code to} (exclusive) bound the event time. */
    @GetMapping("/entries")
    EntryPageResponse entries(@RequestParam(required = false) String subject,
                              @RequestParam(required = false) String type,
                              @RequestParam(required = false) Instant from,
                              @RequestParam(required = false) Instant to,
                              @RequestParam(defaultValue = "0") @Min(0) int page,
                              @RequestParam(defaultValue = "50") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        // The query string template is "?subject=&type=": an empty value means no filter.
        EntryFilter filter = new EntryFilter(blankToNull(subject), blankToNull(type), from, to);
        EntryPage result = queries.find(filter, page, size);
        return new EntryPageResponse(result.items().stream().map(EntryResponse::of).toList(), page, size,
                result.totalItems());
    }

    @GetMapping("/entries/{sequence}")
    EntryResponse entry(@PathVariable long sequence) {
        return queries.bySequence(sequence)
                .map(EntryResponse::of)
                .orElseThrow(() -> new NotFoundException("No ledger entry with sequence " + sequence));
    }

    /** The exact bytes the tree hashes for this entry (base64), so anyone can recompute its leaf hash. */
    @GetMapping("/entries/{sequence}/leaf")
    LeafResponse leaf(@PathVariable long sequence) {
        byte[] leaf = queries.bySequence(sequence)
                .map(LeafBytes::of)
                .orElseThrow(() -> new NotFoundException("No ledger entry with sequence " + sequence));
        return new LeafResponse(sequence, sequence - 1, PublicAuditController.base64(leaf),
                PublicAuditController.base64(NodeHash.leaf(leaf)));
    }

    /**
     * The chain from entry 1 to the tail; with {@code checkpoint} (a signed note this log published), the stored
     * entries held against that checkpoint's root instead, naming the first that is missing or differs.
     */
    @GetMapping("/verify")
    Object verify(@RequestParam(required = false) String checkpoint) {
        if (checkpoint != null) {
            return checkpointAudit.verify(checkpoint);
        }
        return VerificationResponse.of(queries.verify());
    }

    record LeafResponse(long sequence, long leafIndex, String leaf, String leafHash) {
    }

    private static String blankToNull(String value) {
        return StringUtils.hasText(value) ? value : null;
    }
}
