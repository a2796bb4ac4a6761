package ru.frmr.audit.ledger.checkpoint;

import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A signed checkpoint of the audit tree.
 *
 * @param note      the C2SP signed note: {@code <origin>\n<tree size>\n<base64 root>\n}, a blank line, the signature
 * @param createdAt when it was made (and from then on served)
 */
public record StoredCheckpoint(long treeSize, byte[] rootHash, String note, Instant createdAt) {

    private static final Pattern BODY = Pattern.compile("([^\\n]+)\\n(0|[1-9][0-9]{0,18})\\n([A-Za-z0-9+/=]{44})\\n");

    /** The checkpoint body of C2SP tlog-checkpoint, without extension lines. */
    public static String text(String origin, long treeSize, byte[] rootHash) {
        return origin + "\n" + treeSize + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\n";
    }

    /** The origin, size and root of a checkpoint body (extension lines are not part of this log's checkpoints). */
    public record Body(String origin, long treeSize, byte[] rootHash) {
    }

    public static Optional<Body> parse(String text) {
        Matcher body = BODY.matcher(text);
        if (!body.matches()) {
            return Optional.empty();
        }
        byte[] root = Base64.getDecoder().decode(body.group(3));
        return root.length == 32 ? Optional.of(new Body(body.group(1), Long.parseLong(body.group(2)), root))
                : Optional.empty();
    }

    public String rootHashBase64() {
        return Base64.getEncoder().encodeToString(rootHash);
    }
}
