package ru.frmr.audit.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ru.frmr.audit.ledger.checkpoint.Checkpoints;
import ru.frmr.audit.ledger.checkpoint.NoteSigner;
import ru.frmr.audit.ledger.checkpoint.StoredCheckpoint;
import ru.frmr.audit.ledger.tree.TreeProofs;
import ru.frmr.kit.error.InvalidParameterException;
import ru.frmr.kit.error.NotFoundException;

/**
 * What anyone may read without a token (a public path): the signed checkpoints, the key that verifies them, and
 * proofs against any tree size up to the current one. Nothing here names a person: hashes and sizes only.
 */
@RestController
@RequestMapping("/api/audit/public")
class PublicAuditController {

    private static final MediaType TEXT = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);

    private final Checkpoints checkpoints;
    private final NoteSigner signer;
    private final TreeProofs tree;

    PublicAuditController(Checkpoints checkpoints, NoteSigner signer, TreeProofs tree) {
        this.checkpoints = checkpoints;
        this.signer = signer;
        this.tree = tree;
    }

    /**
     * The latest signed checkpoint, as a C2SP signed note. The type is set on the answer rather than declared with
     * {@code produces}, so that "none yet" can still be a problem+json 404.
     */
    @GetMapping("/checkpoint")
    ResponseEntity<String> checkpoint() {
        String note = checkpoints.latest().map(StoredCheckpoint::note)
                .orElseThrow(() -> new NotFoundException("No checkpoint has been signed yet"));
        return ResponseEntity.ok().contentType(TEXT).body(note);
    }

    @GetMapping("/checkpoints")
    CheckpointPage list(@RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
                        @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        List<CheckpointItem> items = checkpoints.page(page, size).stream()
                .map(c -> new CheckpointItem(c.treeSize(), c.rootHashBase64(), c.createdAt(), c.note()))
                .toList();
        return new CheckpointPage(items, page, size, checkpoints.count());
    }

    /** The note verifier key: {@code <name>+<hex key hash>+<base64(0x01 ‖ public key)>}. */
    @GetMapping("/verifier-key")
    ResponseEntity<String> verifierKey() {
        return ResponseEntity.ok().contentType(TEXT).body(signer.verifierKey() + "\n");
    }

    @GetMapping("/proofs/inclusion")
    InclusionProof inclusion(@RequestParam(required = false) Long index,
                             @RequestParam(required = false) Long treeSize) {
        TreeProofs.Inclusion proof = tree.inclusion(required("index", index), required("treeSize", treeSize));
        return new InclusionProof(proof.leafIndex(), proof.treeSize(), base64(proof.leafHash()),
                proof.hashes().stream().map(PublicAuditController::base64).toList());
    }

    @GetMapping("/proofs/consistency")
    ConsistencyProof consistency(@RequestParam(required = false) Long from,
                                 @RequestParam(required = false) Long to) {
        TreeProofs.Consistency proof = tree.consistency(required("from", from), required("to", to));
        return new ConsistencyProof(proof.from(), proof.to(),
                proof.hashes().stream().map(PublicAuditController::base64).toList());
    }

    /** Here rather than by Spring, so the problem names the missing parameter like any other bad one. */
    private static long required(String parameter, Long value) {
        if (value == null) {
            throw new InvalidParameterException(parameter, "is required");
        }
        return value;
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    record CheckpointItem(long treeSize, String rootHash, Instant publishedAt, String note) {
    }

    record CheckpointPage(List<CheckpointItem> items, int page, int size, long total) {
    }

    record InclusionProof(long leafIndex, long treeSize, String leafHash, List<String> hashes) {
    }

    record ConsistencyProof(long from, long to, List<String> hashes) {
    }
}
