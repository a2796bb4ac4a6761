package ru.frmr.gost;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/** PEM reading and writing of GOST keys (PKCS#8, unencrypted) and certificates. */
public final class Pem {

    private Pem() {
    }

    public static String write(Object keyOrCertificate) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(keyOrCertificate);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public static PrivateKey privateKey(String pem) {
        for (Object object : objects(new StringReader(pem))) {
            if (object instanceof PrivateKeyInfo info) {
                try {
                    return new JcaPEMKeyConverter().setProvider(Gost.provider()).getPrivateKey(info);
                } catch (IOException e) {
                    throw new GostException("Unreadable private key", e);
                }
            }
        }
        throw new GostException("No PKCS#8 private key in PEM");
    }

    public static X509Certificate certificate(String pem) {
        List<X509Certificate> all = certificates(pem);
        if (all.isEmpty()) {
            throw new GostException("No certificate in PEM");
        }
        return all.get(0);
    }

    public static List<X509Certificate> certificates(String pem) {
        List<X509Certificate> certificates = new ArrayList<>();
        for (Object object : objects(new StringReader(pem))) {
            if (object instanceof X509CertificateHolder holder) {
                try {
                    certificates.add(new JcaX509CertificateConverter().setProvider(Gost.provider())
                            .getCertificate(holder));
                } catch (CertificateException e) {
                    throw new GostException("Unreadable certificate", e);
                }
            }
        }
        return certificates;
    }

    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static List<Object> objects(Reader reader) {
        List<Object> objects = new ArrayList<>();
        try (PEMParser parser = new PEMParser(reader)) {
            for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
                objects.add(o);
            }
        } catch (IOException e) {
            throw new GostException("Malformed PEM", e);
        }
        return objects;
    }
}
