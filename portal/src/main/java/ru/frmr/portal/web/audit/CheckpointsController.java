package ru.frmr.portal.web.audit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import ru.frmr.audit.verifier.VerifierKey;
import ru.frmr.portal.api.ApiProblem;
import ru.frmr.portal.api.Platform;
import ru.frmr.portal.login.SignedIn;

/**
 * The auditor's view of the audit log's signed checkpoints: the latest one (its signed note as published), the list,
 * and two checks the portal makes itself with {@link ProofCheck} rather than trusting the service: that an entry is
 * included in the tree the latest checkpoint signs, and that a later checkpoint extends an earlier one.
 */
@Controller
class CheckpointsController {

    static final int PAGE_SIZE = 20;
    /** How far back the consistency form looks for the two checkpoints' roots. */
    static final int SEARCHED = 100;

    private final Platform platform;

    CheckpointsController(Platform platform) {
        this.platform = platform;
    }

    /** The outcome of a check: passed, or what failed. */
    record Outcome(boolean passed, String message) {
    }

    @GetMapping("/audit/checkpoints")
    String checkpoints(@AuthenticationPrincipal SignedIn me, @RequestParam(defaultValue = "0") int page,
                       Model model) {
        return page(model, page, Map.of(), Map.of());
    }

    @GetMapping("/audit/checkpoints/inclusion")
    String inclusion(@AuthenticationPrincipal SignedIn me, @RequestParam(required = false) String sequence,
                     Model model, HttpServletResponse response) {
        Map<String, String> values = Map.of("sequence", sequence == null ? "" : sequence.strip());
        Long number = number(values.get("sequence"));
        if (number == null || number < 1) {
            response.setStatus(400);
            return page(model, 0, values, Map.of("sequence", "Номер записи — целое число от 1"));
        }
        Outcome outcome;
        try {
            outcome = checkInclusion(me, number);
        } catch (ApiProblem refused) {
            if (refused.status() != 404 && refused.status() != 400) {
                throw refused;
            }
            response.setStatus(400);
            return page(model, 0, values, Map.of("sequence", "Записи №" + number + " в журнале нет"));
        }
        model.addAttribute("inclusion", outcome);
        return page(model, 0, values, Map.of());
    }

    @GetMapping("/audit/checkpoints/consistency")
    String consistency(@AuthenticationPrincipal SignedIn me, @RequestParam(required = false) String from,
                       @RequestParam(required = false) String to, Model model, HttpServletResponse response) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("from", from == null ? "" : from.strip());
        values.put("to", to == null ? "" : to.strip());
        Map<String, String> errors = new LinkedHashMap<>();
        Long first = number(values.get("from"));
        Long second = number(values.get("to"));
        if (first == null || first < 1) {
            errors.put("from", "Размер более ранней контрольной точки — целое число от 1");
        }
        if (second == null || second < 1) {
            errors.put("to", "Размер более поздней контрольной точки — целое число от 1");
        }
        if (errors.isEmpty() && second < first) {
            errors.put("to", "Более поздняя контрольная точка не может быть меньше более ранней");
        }
        if (!errors.isEmpty()) {
            response.setStatus(400);
            return page(model, 0, values, errors);
        }
        Map<Long, JsonNode> published = new LinkedHashMap<>();
        platform.anonymous(HttpMethod.GET, "/api/audit/public/checkpoints?page=0&size={s}", SEARCHED).json()
                .path("items").forEach(item -> published.putIfAbsent(item.path("treeSize").asLong(), item));
        for (Map.Entry<String, Long> size : Map.of("from", first, "to", second).entrySet()) {
            if (!published.containsKey(size.getValue())) {
                errors.put(size.getKey(), "Контрольной точки с размером " + size.getValue() + " среди последних "
                        + SEARCHED + " нет");
            }
        }
        if (!errors.isEmpty()) {
            response.setStatus(400);
            return page(model, 0, values, errors);
        }
        model.addAttribute("consistency", checkConsistency(published.get(first), published.get(second)));
        return page(model, 0, values, Map.of());
    }

    /** The latest checkpoint signed by the log's key, the entry's leaf, and its inclusion proof against that tree. */
    private Outcome checkInclusion(SignedIn me, long sequence) {
        String note = latestNote();
        if (note == null) {
            return new Outcome(false, "Журнал ещё не опубликовал ни одной контрольной точки");
        }
        ProofCheck.Checkpoint checkpoint;
        try {
            checkpoint = ProofCheck.parseCheckpoint(note);
            ProofCheck.verifySignature(checkpoint, verifierKey());
        } catch (ProofCheck.Failure failed) {
            return new Outcome(false, "Контрольная точка не прошла проверку: " + failed.getMessage());
        }
        if (sequence > checkpoint.treeSize()) {
            return new Outcome(false, "Запись №" + sequence + " ещё не вошла в последнюю контрольную точку "
                    + "(в ней " + checkpoint.treeSize() + "); проверьте её после следующей");
        }
        JsonNode leaf = platform.as(me, HttpMethod.GET, "/api/audit/entries/{s}/leaf", sequence).json();
        long index = sequence - 1;
        JsonNode proof = platform.anonymous(HttpMethod.GET,
                "/api/audit/public/proofs/inclusion?index={i}&treeSize={n}", index, checkpoint.treeSize()).json();
        try {
            byte[] leafHash = ProofCheck.leafHash(decode(leaf.path("leaf")));
            if (leaf.path("leafHash").isTextual()
                    && !java.security.MessageDigest.isEqual(leafHash, decode(leaf.path("leafHash")))) {
                throw new ProofCheck.Failure("хеш записи, названный журналом, не совпадает с её содержимым");
            }
            if (proof.path("leafIndex").asLong(index) != index
                    || proof.path("treeSize").asLong(checkpoint.treeSize()) != checkpoint.treeSize()) {
                throw new ProofCheck.Failure("журнал прислал доказательство для другой записи или другого дерева");
            }
            ProofCheck.verifyInclusion(index, checkpoint.treeSize(), leafHash, hashes(proof), checkpoint.rootHash());
        } catch (ProofCheck.Failure failed) {
            return new Outcome(false, "Запись №" + sequence + " не подтверждена: " + failed.getMessage());
        }
        return new Outcome(true, "Запись №" + sequence + " включена в журнал, подпись контрольной точки верна "
                + "(дерево из " + checkpoint.treeSize() + " записей)");
    }

    private Outcome checkConsistency(JsonNode earlier, JsonNode later) {
        try {
            VerifierKey key = verifierKey();
            ProofCheck.Checkpoint first = ProofCheck.parseCheckpoint(earlier.path("note").asText());
            ProofCheck.Checkpoint second = ProofCheck.parseCheckpoint(later.path("note").asText());
            ProofCheck.verifySignature(first, key);
            ProofCheck.verifySignature(second, key);
            JsonNode proof = first.treeSize() == second.treeSize() ? null : platform.anonymous(HttpMethod.GET,
                    "/api/audit/public/proofs/consistency?from={f}&to={t}", first.treeSize(), second.treeSize())
                    .json();
            ProofCheck.verifyConsistency(first.treeSize(), second.treeSize(), first.rootHash(), second.rootHash(),
                    proof == null ? List.of() : hashes(proof));
            return new Outcome(true, "Контрольные точки согласованы: дерево из " + first.treeSize() + " записей — "
                    + "начало дерева из " + second.treeSize() + ", подписи обеих верны");
        } catch (ProofCheck.Failure failed) {
            return new Outcome(false, "Согласованность не подтверждена: " + failed.getMessage());
        }
    }

    private String page(Model model, int page, Map<String, String> values, Map<String, String> errors) {
        String note = latestNote();
        model.addAttribute("note", note);
        ProofCheck.Checkpoint latest = null;
        String signature = null;
        if (note != null) {
            try {
                latest = ProofCheck.parseCheckpoint(note);
                ProofCheck.verifySignature(latest, verifierKey());
            } catch (ProofCheck.Failure failed) {
                signature = failed.getMessage();
            }
        }
        model.addAttribute("latest", latest);
        model.addAttribute("latestRoot", latest == null ? null : Base64.getEncoder().encodeToString(latest.rootHash()));
        model.addAttribute("signatureProblem", signature);
        int current = Math.max(0, Math.min(page, 100_000));
        JsonNode list = platform.anonymous(HttpMethod.GET, "/api/audit/public/checkpoints?page={p}&size={s}",
                current, PAGE_SIZE).json();
        List<JsonNode> items = new ArrayList<>();
        list.path("items").forEach(items::add);
        model.addAttribute("checkpoints", items);
        model.addAttribute("page", current);
        model.addAttribute("hasNext", items.size() == PAGE_SIZE);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return "audit/checkpoints";
    }

    /** The latest checkpoint's signed note; null before the log published its first. */
    private String latestNote() {
        try {
            return new String(platform.anonymous(HttpMethod.GET, "/api/audit/public/checkpoint")
                    .download(MediaType.TEXT_PLAIN).body(), StandardCharsets.UTF_8);
        } catch (ApiProblem none) {
            if (none.status() != 404) {
                throw none;
            }
            return null;
        }
    }

    private VerifierKey verifierKey() throws ProofCheck.Failure {
        return ProofCheck.parseVerifierKey(new String(platform.anonymous(HttpMethod.GET,
                "/api/audit/public/verifier-key").download(MediaType.TEXT_PLAIN).body(), StandardCharsets.UTF_8));
    }

    private static List<byte[]> hashes(JsonNode proof) throws ProofCheck.Failure {
        List<byte[]> hashes = new ArrayList<>();
        for (JsonNode hash : proof.path("hashes")) {
            byte[] bytes = decode(hash);
            if (bytes.length != 32) {
                throw new ProofCheck.Failure("хеш в доказательстве не из 32 байт");
            }
            hashes.add(bytes);
        }
        return hashes;
    }

    private static byte[] decode(JsonNode base64) throws ProofCheck.Failure {
        try {
            return Base64.getDecoder().decode(base64.asText(""));
        } catch (IllegalArgumentException unreadable) {
            throw new ProofCheck.Failure("журнал прислал нечитаемые данные (не base64)");
        }
    }

    private static Long number(String text) {
        return text.matches("^\\d{1,15}$") ? Long.parseLong(text) : null;
    }
}
