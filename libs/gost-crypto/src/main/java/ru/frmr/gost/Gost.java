package ru.frmr.gost;

import java.security.Provider;
import java.security.Security;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** Names of the GOST algorithms as BouncyCastle knows them, and the provider itself. */
public final class Gost {

    /** GOST R 34.10-2012; the 256-bit size follows from the curve. */
    public static final String KEY_ALGORITHM = "ECGOST3410-2012";
    /** The curve ESIA integrations use. */
    public static final String CURVE = "Tc26-Gost-3410-12-256-paramSetA";
    /** Signature: Streebog-256 digest, GOST R 34.10-2012 (256) signature. */
    public static final String SIGNATURE_ALGORITHM = "GOST3411-2012-256withECGOST3410-2012-256";
    /** GOST R 34.11-2012 (Streebog), 256-bit output. */
    public static final String DIGEST_ALGORITHM = "GOST3411-2012-256";

    private static final Provider PROVIDER = install();

    private Gost() {
    }

    public static Provider provider() {
        return PROVIDER;
    }

    private static Provider install() {
        Provider existing = Security.getProvider(BouncyCastleProvider.PROVIDER_NAME);
        if (existing != null) {
            return existing;
        }
        Provider bc = new BouncyCastleProvider();
        Security.addProvider(bc);
        return bc;
    }
}
