package ru.frmr.documents.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A file's encryption at rest, streamed: AES-256-GCM over 64 KiB chunks, each with its own nonce (the chunk's
 * index: the key is the file's own, used for nothing else) and a flag in the associated data marking the last
 * chunk, so a reordered, dropped or truncated chunk fails authentication. One GCM over the whole file would have to
 * hold all of it in memory before its tag can be checked on the way out. Used through {@link EncryptedFiles}.
 */
final class FileCrypto {

    static final int CHUNK = 64 * 1024;
    private static final int TAG_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private FileCrypto() {
    }

    static byte[] newKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }

    static void encrypt(byte[] key, InputStream plain, OutputStream out) throws IOException {
        long index = 0;
        byte[] current = plain.readNBytes(CHUNK);
        while (true) {
            byte[] next = current.length == CHUNK ? plain.readNBytes(CHUNK) : new byte[0];
            boolean last = next.length == 0;
            out.write(crypt(Cipher.ENCRYPT_MODE, key, index++, last, current, current.length));
            if (last) {
                return;
            }
            current = next;
        }
    }

    /** The plaintext, decrypted chunk by chunk as it is read; a chunk that fails authentication ends in an IOException. */
    static InputStream decrypting(byte[] key, InputStream encrypted) {
        return new DecryptingStream(key, encrypted);
    }

    private static byte[] crypt(int mode, byte[] key, long index, boolean last, byte[] data, int length)
            throws IOException {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            byte[] nonce = ByteBuffer.allocate(12).putInt(0).putLong(index).array();
            cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BYTES * 8, nonce));
            cipher.updateAAD(new byte[] {(byte) (last ? 1 : 0)});
            return cipher.doFinal(data, 0, length);
        } catch (GeneralSecurityException e) {
            throw new IOException("A file chunk failed authentication", e);
        }
    }

    private static final class DecryptingStream extends InputStream {

        private final byte[] key;
        private final PushbackInputStream in;
        private byte[] plain = new byte[0];
        private int position;
        private long index;
        private boolean finished;

        DecryptingStream(byte[] key, InputStream encrypted) {
            this.key = key;
            this.in = new PushbackInputStream(encrypted, 1);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            while (position == plain.length) {
                if (finished) {
                    return -1;
                }
                fill();
            }
            int n = Math.min(len, plain.length - position);
            System.arraycopy(plain, position, b, off, n);
            position += n;
            return n;
        }

        private void fill() throws IOException {
            byte[] chunk = in.readNBytes(CHUNK + TAG_BYTES);
            int peek = in.read();
            boolean last = peek < 0;
            if (!last) {
                in.unread(peek);
            }
            if (chunk.length < TAG_BYTES || (!last && chunk.length != CHUNK + TAG_BYTES)) {
                throw new IOException("A file is truncated");
            }
            plain = crypt(Cipher.DECRYPT_MODE, key, index++, last, chunk, chunk.length);
            position = 0;
            finished = last;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
