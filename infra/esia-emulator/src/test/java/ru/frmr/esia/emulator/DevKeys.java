package ru.frmr.esia.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

import ru.frmr.gost.Pem;

/** The committed development keys, as the emulator jar and the test classpath carry them. */
public final class DevKeys {

    private DevKeys() {
    }

    /** The FRMR_LK client's key, which auth-service signs its requests with. */
    public static PrivateKey clientKey() {
        return Pem.privateKey(read("frmr-lk.key.pem"));
    }

    public static X509Certificate clientCertificate() {
        return Pem.certificate(read("frmr-lk.cert.pem"));
    }

    public static PrivateKey emulatorKey() {
        return Pem.privateKey(read("esia-emulator.key.pem"));
    }

    /** What clients trust the emulator's tokens by. */
    public static X509Certificate emulatorCertificate() {
        return Pem.certificate(read("esia-emulator.cert.pem"));
    }

    private static String read(String file) {
        try (InputStream in = DevKeys.class.getResourceAsStream("/dev-keys/" + file)) {
            if (in == null) {
                throw new IllegalStateException("dev-keys/" + file + " is not on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
