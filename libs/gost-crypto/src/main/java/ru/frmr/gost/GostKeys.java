package ru.frmr.gost;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;

import org.bouncycastle.jce.spec.ECNamedCurveGenParameterSpec;

/** GOST R 34.10-2012 (256) key pairs. */
public final class GostKeys {

    private GostKeys() {
    }

    public static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(Gost.KEY_ALGORITHM, Gost.provider());
            generator.initialize(new ECNamedCurveGenParameterSpec(Gost.CURVE));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new GostException("Cannot generate a GOST key pair", e);
        }
    }
}
