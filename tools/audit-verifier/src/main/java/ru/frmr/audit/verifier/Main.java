package ru.frmr.audit.verifier;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line: {@code java -jar audit-verifier.jar <checkpoint|inclusion|consistency> [options]}. Exit code 0
 * when everything checked verifies, 1 when something does not (the line starting with {@code FAILED} says what), 2
 * for a usage error. See {@link #USAGE}.
 */
public final class Main {

    static final int VERIFIED = 0;
    static final int FAILED = 1;
    static final int USAGE_ERROR = 2;

    static final String USAGE = """
            Usage: java -jar audit-verifier.jar <command> [options]

              checkpoint   --key KEY (--checkpoint FILE | --url BASE)
                  checks a checkpoint's signature (the latest one at BASE/checkpoint with --url)
              inclusion    --key KEY (--leaf FILE | --leaf-hash BASE64 --index N)
                           [--checkpoint FILE] [--proof FILE] [--url BASE]
                  checks that an entry is in the log: --leaf is the answer of /api/audit/entries/{sequence}/leaf;
                  the checkpoint and the proof are read from files, or fetched from BASE
                  (BASE/checkpoint, BASE/proofs/inclusion?index=&treeSize=)
              consistency  --key KEY --old FILE [--new FILE] [--proof FILE] [--url BASE]
                  checks that the log of checkpoint --old is a prefix of the log of the newer checkpoint
                  (from a file, or BASE/checkpoint) by a proof (from a file, or BASE/proofs/consistency?from=&to=)

              KEY is the log's verifier key <name>+<hex key hash>+<base64 key>, or a file holding it.
              BASE is the public audit API, e.g. http://localhost:8080/api/audit/public
            Exit code: 0 verified, 1 failed, 2 usage error.
            """;

    private static final Map<String, Set<String>> OPTIONS = Map.of(
            "checkpoint", Set.of("key", "checkpoint", "url"),
            "inclusion", Set.of("key", "leaf", "leaf-hash", "index", "checkpoint", "proof", "url"),
            "consistency", Set.of("key", "old", "new", "proof", "url"));

    private final PrintStream out;
    private final Map<String, String> options;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private Main(PrintStream out, Map<String, String> options) {
        this.out = out;
        this.options = options;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command; answers the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> options;
        try {
            options = options(args);
        } catch (UsageException e) {
            err.println("Usage error: " + e.getMessage());
            err.print(USAGE);
            return USAGE_ERROR;
        }
        Main main = new Main(out, options);
        try {
            boolean verified = switch (args[0]) {
                case "checkpoint" -> main.checkpoint();
                case "inclusion" -> main.inclusion();
                default -> main.consistency();
            };
            return verified ? VERIFIED : FAILED;
        } catch (UsageException e) {
            err.println("Usage error: " + e.getMessage());
            err.print(USAGE);
            return USAGE_ERROR;
        } catch (Failure e) {
            out.println("FAILED: " + e.getMessage());
            return FAILED;
        }
    }

    private static Map<String, String> options(String[] args) {
        if (args.length == 0 || !OPTIONS.containsKey(args[0])) {
            throw new UsageException("name a command: checkpoint, inclusion or consistency");
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : "";
            if (!OPTIONS.get(args[0]).contains(name)) {
                throw new UsageException("unknown option " + args[i] + " for " + args[0]);
            }
            if (i + 1 >= args.length) {
                throw new UsageException(args[i] + " needs a value");
            }
            options.put(name, args[i + 1]);
        }
        return options;
    }

    private boolean checkpoint() {
        VerifierKey key = key();
        Checkpoint checkpoint = signedCheckpoint(key, "checkpoint", "checkpoint");
        out.println("OK: checkpoint of " + checkpoint.origin() + " at tree size " + checkpoint.treeSize()
                + " is signed by " + key.name());
        return true;
    }

    private boolean inclusion() {
        VerifierKey key = key();
        long index;
        byte[] leafHash;
        if (options.containsKey("leaf")) {
            Map<String, Object> leaf = object(readFile("leaf"), "--leaf");
            byte[] bytes = base64(leaf.get("leaf"), "the leaf's \"leaf\"");
            leafHash = TreeHash.leaf(bytes);
            index = number(leaf.get("leafIndex"), "the leaf's \"leafIndex\"");
            if (leaf.get("leafHash") != null
                    && !java.util.Arrays.equals(leafHash, base64(leaf.get("leafHash"), "the leaf's \"leafHash\""))) {
                throw new Failure("the leaf's bytes do not hash to its leafHash");
            }
        } else if (options.containsKey("leaf-hash") && options.containsKey("index")) {
            leafHash = base64(options.get("leaf-hash"), "--leaf-hash");
            try {
                index = Long.parseLong(options.get("index"));
            } catch (NumberFormatException e) {
                throw new UsageException("--index is a number");
            }
        } else {
            throw new UsageException("inclusion needs --leaf, or --leaf-hash with --index");
        }
        Checkpoint checkpoint = signedCheckpoint(key, "checkpoint", "checkpoint");
        Map<String, Object> proof = object(options.containsKey("proof") ? readFile("proof")
                : fetch("proofs/inclusion?index=" + index + "&treeSize=" + checkpoint.treeSize()), "the proof");
        long proofIndex = number(proof.get("leafIndex"), "the proof's \"leafIndex\"");
        long proofSize = number(proof.get("treeSize"), "the proof's \"treeSize\"");
        if (proofIndex != index || proofSize != checkpoint.treeSize()) {
            throw new Failure("the proof is for leaf " + proofIndex + " of tree size " + proofSize
                    + ", not leaf " + index + " of the checkpoint's tree size " + checkpoint.treeSize());
        }
        if (!Proofs.verifyInclusion(index, checkpoint.treeSize(), leafHash, hashes(proof), checkpoint.rootHash())) {
            throw new Failure("leaf " + index + " (sequence " + (index + 1) + ") is not in the tree of size "
                    + checkpoint.treeSize() + " with the checkpoint's root: the entry or the proof differs");
        }
        out.println("OK: leaf " + index + " (sequence " + (index + 1) + ") is included in the signed tree of size "
                + checkpoint.treeSize());
        return true;
    }

    private boolean consistency() {
        VerifierKey key = key();
        if (!options.containsKey("old")) {
            throw new UsageException("consistency needs --old");
        }
        Checkpoint old = signedCheckpoint(key, "old", "old");
        Checkpoint newer = signedCheckpoint(key, "new", "checkpoint");
        if (!old.origin().equals(newer.origin())) {
            throw new Failure("the checkpoints are of different logs: " + old.origin() + " and " + newer.origin());
        }
        if (old.treeSize() > newer.treeSize()) {
            throw new Failure("the newer checkpoint's tree (" + newer.treeSize() + ") is smaller than the old one's ("
                    + old.treeSize() + "): the log was cut");
        }
        Map<String, Object> proof = object(options.containsKey("proof") ? readFile("proof")
                : fetch("proofs/consistency?from=" + old.treeSize() + "&to=" + newer.treeSize()), "the proof");
        long from = number(proof.get("from"), "the proof's \"from\"");
        long to = number(proof.get("to"), "the proof's \"to\"");
        if (from != old.treeSize() || to != newer.treeSize()) {
            throw new Failure("the proof is from " + from + " to " + to + ", not from " + old.treeSize() + " to "
                    + newer.treeSize());
        }
        if (!Proofs.verifyConsistency(old.treeSize(), newer.treeSize(), old.rootHash(), newer.rootHash(),
                hashes(proof))) {
            throw new Failure("the tree of size " + newer.treeSize() + " does not extend the tree of size "
                    + old.treeSize() + ": the log was rewritten (or the proof differs)");
        }
        out.println("OK: the tree of size " + newer.treeSize() + " extends the tree of size " + old.treeSize());
        return true;
    }

    private VerifierKey key() {
        String value = options.get("key");
        if (value == null) {
            throw new UsageException("--key is required: the log's verifier key, or a file holding it");
        }
        Path file = Path.of(value.length() > 255 ? "-" : value);
        String text = value.contains("+") || !Files.isRegularFile(file) ? value : readFile("key");
        try {
            return VerifierKey.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--key: " + e.getMessage());
        }
    }

    /** The checkpoint from the file of {@code option}, else fetched from {@code path} under --url; signature checked. */
    private Checkpoint signedCheckpoint(VerifierKey key, String option, String path) {
        String note = options.containsKey(option) ? readFile(option) : fetch(path);
        SignedNote signed;
        Checkpoint checkpoint;
        try {
            signed = SignedNote.parse(note);
            checkpoint = Checkpoint.parse(signed.text());
        } catch (IllegalArgumentException e) {
            throw new Failure("the " + option + " checkpoint is not a signed checkpoint: " + e.getMessage());
        }
        if (!signed.verifiedBy(key)) {
            throw new Failure("the " + option + " checkpoint (tree size " + checkpoint.treeSize()
                    + ") has no valid signature by " + key.name());
        }
        return checkpoint;
    }

    private String readFile(String option) {
        try {
            return Files.readString(Path.of(options.get(option)), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new UsageException("--" + option + ": cannot read " + options.get(option));
        }
    }

    private String fetch(String path) {
        String base = options.get("url");
        if (base == null) {
            throw new UsageException("give --url, or the files to read instead of fetching " + path);
        }
        URI uri = URI.create(base.endsWith("/") ? base + path : base + "/" + path);
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new Failure("GET " + uri + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new Failure("GET " + uri + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted while fetching " + uri);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(String json, String what) {
        try {
            if (Json.parse(json) instanceof Map<?, ?> map) {
                return (Map<String, Object>) map;
            }
        } catch (IllegalArgumentException e) {
            throw new Failure(what + " is not valid JSON: " + e.getMessage());
        }
        throw new Failure(what + " is not a JSON object");
    }

    private static List<byte[]> hashes(Map<String, Object> proof) {
        if (!(proof.get("hashes") instanceof List<?> list)) {
            throw new Failure("the proof has no \"hashes\" array");
        }
        List<byte[]> hashes = new ArrayList<>();
        for (Object hash : list) {
            hashes.add(base64(hash, "a proof hash"));
        }
        return hashes;
    }

    private static long number(Object value, String what) {
        if (value instanceof Long number) {
            return number;
        }
        throw new Failure(what + " is not a number");
    }

    private static byte[] base64(Object value, String what) {
        if (value instanceof String text) {
            try {
                return Base64.getDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                // Falls through to the failure below.
            }
        }
        throw new Failure(what + " is not base64");
    }

    /** What did not verify, in words for the person running the check. */
    static final class Failure extends RuntimeException {
        Failure(String message) {
            super(message);
        }
    }

    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
