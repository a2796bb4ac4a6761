package ru.frmr.audit.verifier;

import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The body of a C2SP tlog checkpoint: origin, tree size (decimal), base64 root hash, one per line, and optional
 * extension lines after them.
 *
 * @param extensions lines after the root hash, as they are
 */
public record Checkpoint(String origin, long treeSize, byte[] rootHash, List<String> extensions) {

    private static final Pattern DECIMAL = Pattern.compile("0|[1-9][0-9]{0,18}");

    public Checkpoint {
        extensions = List.copyOf(extensions);
    }

    /** Reads a signed note's text as a checkpoint. */
    public static Checkpoint parse(String text) {
        if (!text.endsWith("\n")) {
            throw new IllegalArgumentException("A checkpoint's text ends with a newline");
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        if (lines.length < 3 || lines[0].isEmpty()) {
            throw new IllegalArgumentException("A checkpoint has an origin, a tree size and a root hash line");
        }
        if (!DECIMAL.matcher(lines[1]).matches()) {
            throw new IllegalArgumentException("A checkpoint's tree size is a decimal number without leading zeros");
        }
        byte[] root;
        try {
            root = Base64.getDecoder().decode(lines[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("A checkpoint's root hash is base64");
        }
        if (root.length != TreeHash.SIZE) {
            throw new IllegalArgumentException("A checkpoint's root hash has 32 bytes");
        }
        return new Checkpoint(lines[0], Long.parseLong(lines[1]), root,
                List.of(lines).subList(3, lines.length));
    }

    /** The note text: {@code <origin>\n<tree size>\n<base64 root>\n}, then any extension lines. */
    public String text() {
        StringBuilder text = new StringBuilder().append(origin).append('\n').append(treeSize).append('\n')
                .append(Base64.getEncoder().encodeToString(rootHash)).append('\n');
        extensions.forEach(line -> text.append(line).append('\n'));
        return text.toString();
    }
}
