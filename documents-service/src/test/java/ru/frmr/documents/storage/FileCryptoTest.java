package ru.frmr.documents.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileCryptoTest {

    private static byte[] encrypt(byte[] key, byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FileCrypto.encrypt(key, new ByteArrayInputStream(plain), out);
        return out.toByteArray();
    }

    private static byte[] decrypt(byte[] key, byte[] encrypted) throws IOException {
        return FileCrypto.decrypting(key, new ByteArrayInputStream(encrypted)).readAllBytes();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, FileCrypto.CHUNK - 1, FileCrypto.CHUNK, FileCrypto.CHUNK + 1, 3 * FileCrypto.CHUNK,
            5 * 1024 * 1024})
    void roundTripsEverySize(int size) throws IOException {
        byte[] key = FileCrypto.newKey();
        byte[] plain = new byte[size];
        new Random(size).nextBytes(plain);

        byte[] encrypted = encrypt(key, plain);

        assertThat(decrypt(key, encrypted)).isEqualTo(plain);
        if (size > 64) {
            String sealed = new String(encrypted, StandardCharsets.ISO_8859_1);
            assertThat(sealed).doesNotContain(new String(plain, 0, 64, StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    void aChangedByteATruncationOrAnotherKeyFails() throws IOException {
        byte[] key = FileCrypto.newKey();
        byte[] plain = new byte[3 * FileCrypto.CHUNK + 10];
        new Random(1).nextBytes(plain);
        byte[] encrypted = encrypt(key, plain);

        byte[] flipped = encrypted.clone();
        flipped[FileCrypto.CHUNK + 100] ^= 1;
        assertThatThrownBy(() -> decrypt(key, flipped)).isInstanceOf(IOException.class);
        // Cut at a chunk boundary: the remaining last chunk was not sealed as the last one.
        byte[] truncated = Arrays.copyOf(encrypted, 2 * (FileCrypto.CHUNK + 16));
        assertThatThrownBy(() -> decrypt(key, truncated)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> decrypt(FileCrypto.newKey(), encrypted)).isInstanceOf(IOException.class);
    }
}
