package ru.frmr.auth;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

import ru.frmr.gost.Pem;

/** The repository's development keys ({@code infra/dev-keys}), as tests read them. */
public final class DevKeys {

    /** Relative to the module directory, where Maven runs the tests. */
    public static final Path DIR = Path.of("..", "infra", "dev-keys").toAbsolutePath().normalize();

    private DevKeys() {
    }

    public static PrivateKey key(String name) {
        return Pem.privateKey(Pem.read(DIR.resolve(name + ".key.pem")));
    }

    public static X509Certificate certificate(String name) {
        return Pem.certificate(Pem.read(DIR.resolve(name + ".cert.pem")));
    }

    /** {@code file:} location of a dev key file, for Spring resource properties. */
    public static String location(String file) {
        return "file:" + DIR.resolve(file);
    }
}
