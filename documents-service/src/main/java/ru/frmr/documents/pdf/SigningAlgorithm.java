package ru.frmr.documents.pdf;

import java.security.Key;
import java.util.Locale;
import java.util.Set;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.rosstandart.RosstandartObjectIdentifiers;
import org.bouncycastle.operator.DefaultAlgorithmNameFinder;

import ru.frmr.gost.Gost;

/** The algorithms справки can be signed with ({@code frmr.documents.signing.algorithm}). */
public enum SigningAlgorithm {

    /** GOST R 34.10-2012 (256) over a Streebog-256 digest: what Russian relying parties expect. */
    GOST3410_2012_256(Gost.SIGNATURE_ALGORITHM, Set.of(Gost.KEY_ALGORITHM),
            RosstandartObjectIdentifiers.id_tc26_gost_3411_12_256),
    /** ECDSA on P-256 with SHA-256: what any PDF reader outside Russia can check. */
    ECDSA_P256_SHA256("SHA256withECDSA", Set.of("EC", "ECDSA"), NISTObjectIdentifiers.id_sha256);

    // BouncyCastle's CMS names a GOST signature by its key's OID or by the signature's; neither has a JCA name there.
    private static final Set<String> GOST_KEYS = Set.of(
            RosstandartObjectIdentifiers.id_tc26_gost_3410_12_256.getId(),
            RosstandartObjectIdentifiers.id_tc26_signwithdigest_gost_3410_12_256.getId());

    private final String signatureName;
    private final Set<String> keyAlgorithms;
    private final ASN1ObjectIdentifier digest;

    SigningAlgorithm(String signatureName, Set<String> keyAlgorithms, ASN1ObjectIdentifier digest) {
        this.signatureName = signatureName;
        this.keyAlgorithms = keyAlgorithms;
        this.digest = digest;
    }

    /**
     * The JCA name of a CMS signer's algorithm, e.g. GOST3411-2012-256WITHECGOST3410-2012-256 or SHA256WITHECDSA;
     * the OIDs themselves when BouncyCastle has no name for them.
     */
    static String nameOf(String digestOid, String signatureOid) {
        DefaultAlgorithmNameFinder names = new DefaultAlgorithmNameFinder();
        if (GOST_KEYS.contains(signatureOid)) {
            return (digestOid.equals(GOST3410_2012_256.digest.getId()) ? "GOST3411-2012-256" : digestOid)
                    + "WITHECGOST3410-2012-256";
        }
        String signature = names.getAlgorithmName(new ASN1ObjectIdentifier(signatureOid));
        if (signature.toUpperCase(Locale.ROOT).contains("WITH")) {
            return signature;
        }
        return names.getAlgorithmName(new ASN1ObjectIdentifier(digestOid)).replace("-", "") + "WITH" + signature;
    }

    /** The JCA signature name (BouncyCastle provider). */
    String signatureName() {
        return signatureName;
    }

    /** Whether {@code key} is of the kind this algorithm signs with (by its JCA algorithm name). */
    boolean accepts(Key key) {
        return keyAlgorithms.contains(key.getAlgorithm());
    }

    /** The digest of the message and of the signing-certificate-v2 attribute's certificate hash. */
    ASN1ObjectIdentifier digest() {
        return digest;
    }
}
