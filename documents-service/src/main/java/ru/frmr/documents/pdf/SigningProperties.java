package ru.frmr.documents.pdf;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * The platform's document-signing key ({@code frmr.documents.signing.*}). Key and certificate are resource
 * locations ({@code file:...}), never part of the jar; outside {@code local}/{@code test} they have no default, and
 * the repository's development pair ({@code infra/dev-keys/documents-signing.*}) is refused there by the kit's
 * {@code DevelopmentKeyGuard}.
 *
 * @param algorithm   GOST R 34.10-2012 by default: справки are Russian documents; ECDSA where a deployment must be
 *                    checkable by readers without GOST support. Must match the key.
 * @param key         PKCS#8 PEM of the private key
 * @param certificate PEM of its certificate: embedded in every signature, and the only signer the verifier accepts
 */
@ConfigurationProperties("frmr.documents.signing")
public record SigningProperties(SigningAlgorithm algorithm, Resource key, Resource certificate) {

    public SigningProperties {
        algorithm = algorithm == null ? SigningAlgorithm.GOST3410_2012_256 : algorithm;
    }
}
