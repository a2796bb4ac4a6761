package ru.frmr.portal.web.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * The portal's own check of what audit-service claims, with the JDK only: a checkpoint's signature (C2SP signed
 * note, Ed25519) and an entry's inclusion and two checkpoints' consistency (RFC 9162 §2.1.3.2, §2.1.4.2). The
 * auditor's page does not take the service's word for it.
 *
 * <p>Kept apart on purpose (no Spring, no portal types): the standalone verifier {@code tools/audit-verifier} does
 * the same, and this class is to be replaced by it once both are in one build.
 */
public final class ProofCheck {

    private static final byte[] ED25519_SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final int ED25519_ALGORITHM = 0x01;
    private static final String SIGNATURE_PREFIX = "\u2014 ";

    private ProofCheck() {
    }

    /** Why a check failed, in words the page shows. */
    public static final class Failure extends Exception {
        public Failure(String message) {
            super(message);
        }
    }

    /** A checkpoint: the signed text, what it says, and its signature lines. */
    public record Checkpoint(String origin, long treeSize, byte[] rootHash, String signedText,
                             List<NoteSignature> signatures) {
    }

    /** One signature line: the key's name, its 4-byte hash and the signature. */
    public record NoteSignature(String keyName, byte[] keyHash, byte[] signature) {
    }

    /** A verifier key {@code <name>+<hex key hash>+<base64(0x01 ‖ public key)>}. */
    public record VerifierKey(String name, byte[] keyHash, byte[] publicKey) {
    }

    /** Reads a checkpoint in the tlog-checkpoint format (origin, size, base64 root, extensions; blank line; signatures). */
    public static Checkpoint parseCheckpoint(String note) throws Failure {
        int split = note.indexOf("\n\n");
        if (split < 0) {
            throw new Failure("в контрольной точке нет строки-разделителя перед подписями");
        }
        String signed = note.substring(0, split + 1);
        String[] lines = signed.split("\n", -1);
        if (lines.length < 4) {
            throw new Failure("в контрольной точке меньше трёх строк");
        }
        long size;
        byte[] root;
        try {
            size = Long.parseLong(lines[1]);
            root = Base64.getDecoder().decode(lines[2]);
        } catch (IllegalArgumentException unreadable) {
            throw new Failure("размер дерева или корневой хеш контрольной точки не читаются");
        }
        if (size < 0 || root.length != 32 || lines[0].isEmpty()) {
            throw new Failure("размер дерева или корневой хеш контрольной точки не читаются");
        }
        List<NoteSignature> signatures = new ArrayList<>();
        for (String line : note.substring(split + 2).split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            if (!line.startsWith(SIGNATURE_PREFIX)) {
                throw new Failure("строка подписи контрольной точки не читается");
            }
            String[] parts = line.substring(SIGNATURE_PREFIX.length()).split(" ");
            byte[] blob;
            try {
                blob = parts.length == 2 ? Base64.getDecoder().decode(parts[1]) : new byte[0];
            } catch (IllegalArgumentException unreadable) {
                blob = new byte[0];
            }
            if (blob.length < 5) {
                throw new Failure("строка подписи контрольной точки не читается");
            }
            signatures.add(new NoteSignature(parts[0], Arrays.copyOf(blob, 4), Arrays.copyOfRange(blob, 4,
                    blob.length)));
        }
        return new Checkpoint(lines[0], size, root, signed, List.copyOf(signatures));
    }

    public static VerifierKey parseVerifierKey(String text) throws Failure {
        // The key data is base64, which may hold "+" itself: the name and the hash come first and hold none.
        String[] parts = text.strip().split("\\+", 3);
        try {
            if (parts.length != 3 || parts[1].length() != 8) {
                throw new IllegalArgumentException("shape");
            }
            byte[] hash = HexFormat.of().parseHex(parts[1]);
            byte[] typed = Base64.getDecoder().decode(parts[2]);
            if (typed.length != 33 || (typed[0] & 0xff) != ED25519_ALGORITHM) {
                throw new IllegalArgumentException("not Ed25519");
            }
            VerifierKey key = new VerifierKey(parts[0], hash, Arrays.copyOfRange(typed, 1, 33));
            if (!Arrays.equals(hash, keyHash(key.name(), key.publicKey()))) {
                throw new IllegalArgumentException("hash");
            }
            return key;
        } catch (IllegalArgumentException unreadable) {
            throw new Failure("ключ проверки подписи не читается");
        }
    }

    /** The key's 4-byte id as signed notes name it: SHA-256(name ‖ "\n" ‖ 0x01 ‖ public key), first four bytes. */
    static byte[] keyHash(String name, byte[] publicKey) {
        MessageDigest sha = sha256();
        sha.update(name.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) '\n');
        sha.update((byte) ED25519_ALGORITHM);
        sha.update(publicKey);
        return Arrays.copyOf(sha.digest(), 4);
    }

    /** Fails unless the checkpoint carries a valid signature by {@code key}. */
    public static void verifySignature(Checkpoint checkpoint, VerifierKey key) throws Failure {
        for (NoteSignature signature : checkpoint.signatures()) {
            if (signature.keyName().equals(key.name()) && Arrays.equals(signature.keyHash(), key.keyHash())) {
                if (ed25519(key.publicKey(), checkpoint.signedText().getBytes(StandardCharsets.UTF_8),
                        signature.signature())) {
                    return;
                }
                throw new Failure("подпись контрольной точки неверна");
            }
        }
        throw new Failure("контрольная точка не подписана ключом " + key.name());
    }

    private static boolean ed25519(byte[] publicKey, byte[] message, byte[] signature) throws Failure {
        try {
            byte[] spki = Arrays.copyOf(ED25519_SPKI_PREFIX, ED25519_SPKI_PREFIX.length + 32);
            System.arraycopy(publicKey, 0, spki, ED25519_SPKI_PREFIX.length, 32);
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (java.security.SignatureException malformed) {
            return false;
        } catch (GeneralSecurityException broken) {
            throw new Failure("ключ проверки подписи не подходит для Ed25519");
        }
    }

    /** RFC 9162 leaf hash: SHA-256(0x00 ‖ entry). */
    public static byte[] leafHash(byte[] leaf) {
        MessageDigest sha = sha256();
        sha.update((byte) 0x00);
        sha.update(leaf);
        return sha.digest();
    }

    /** RFC 9162 interior node: SHA-256(0x01 ‖ left ‖ right). */
    static byte[] node(byte[] left, byte[] right) {
        MessageDigest sha = sha256();
        sha.update((byte) 0x01);
        sha.update(left);
        sha.update(right);
        return sha.digest();
    }

    /** Fails unless {@code path} proves the leaf at {@code index} is in the tree of {@code size} with {@code root}. */
    public static void verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> path, byte[] root)
            throws Failure {
        if (index < 0 || index >= size) {
            throw new Failure("номер записи вне дерева");
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0) {
                throw new Failure("доказательство включения длиннее, чем нужно");
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = node(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            throw new Failure("доказательство включения короче, чем нужно");
        }
        if (!MessageDigest.isEqual(r, root)) {
            throw new Failure("доказательство включения не сходится к корню контрольной точки");
        }
    }

    /** Fails unless {@code path} proves the tree of {@code second} extends the tree of {@code first}. */
    public static void verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot,
                                         List<byte[]> path) throws Failure {
        if (first < 1 || second < first) {
            throw new Failure("размеры деревьев для проверки согласованности неверны");
        }
        if (first == second) {
            if (!path.isEmpty() || !MessageDigest.isEqual(firstRoot, secondRoot)) {
                throw new Failure("у контрольных точек одного размера разные корни");
            }
            return;
        }
        List<byte[]> proof = new ArrayList<>(path);
        if (Long.bitCount(first) == 1) {
            proof.add(0, firstRoot);
        }
        if (proof.isEmpty()) {
            throw new Failure("доказательство согласованности пусто");
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = proof.get(0);
        byte[] sr = proof.get(0);
        for (byte[] c : proof.subList(1, proof.size())) {
            if (sn == 0) {
                throw new Failure("доказательство согласованности длиннее, чем нужно");
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = node(c, fr);
                sr = node(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = node(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            throw new Failure("доказательство согласованности короче, чем нужно");
        }
        if (!MessageDigest.isEqual(fr, firstRoot)) {
            throw new Failure("доказательство не сходится к корню более ранней контрольной точки");
        }
        if (!MessageDigest.isEqual(sr, secondRoot)) {
            throw new Failure("доказательство не сходится к корню более поздней контрольной точки");
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JDK has SHA-256", impossible);
        }
    }
}
