package ru.frmr.auth.qes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;

import ru.frmr.auth.api.SessionClaims;
import ru.frmr.auth.error.AuthException;
import ru.frmr.auth.observability.AuthMetrics;
import ru.frmr.auth.privacy.PersonalDataVault;
import ru.frmr.auth.login.RoleResolver;
import ru.frmr.auth.query.AccountView;
import ru.frmr.auth.query.AuthQueries;
import ru.frmr.auth.session.OpenedSession;
import ru.frmr.auth.session.Sessions;
import ru.frmr.contracts.auth.LoginMethod;
import ru.frmr.gost.GostCertificates;
import ru.frmr.gost.GostException;
import ru.frmr.gost.GostSignatures;
import ru.frmr.gost.Pem;

/**
 * Login by signing a server challenge with a qualified certificate: the raw GOST R 34.10-2012 signature
 * over the challenge must verify with the certificate's key, the chain must lead to a configured
 * trusted root, and the СНИЛС in the certificate must belong to an existing account (made by an ESIA login
 * before). The signature is itself a second factor (key possession plus its PIN), so no one-time code follows.
 */
public class QesLogin {

    private static final int MAX_CHAIN = 5;

    private final QesChallenges challenges;
    private final List<X509Certificate> trustedRoots;
    private final AuthQueries queries;
    private final PersonalDataVault vault;
    private final RoleResolver roles;
    private final Sessions sessions;
    private final AuthMetrics metrics;
    private final Clock clock;

    public QesLogin(QesChallenges challenges, QesProperties properties, AuthQueries queries, PersonalDataVault vault,
                    RoleResolver roles, Sessions sessions, AuthMetrics metrics, Clock clock) {
        this.challenges = challenges;
        this.trustedRoots = load(properties.trustedRoots());
        this.queries = queries;
        this.vault = vault;
        this.roles = roles;
        this.sessions = sessions;
        this.metrics = metrics;
        this.clock = clock;
    }

    public QesChallenges.Challenge challenge() {
        return challenges.issue();
    }

    public OpenedSession login(String challenge, String certificateChainPem, String signature, String userAgent,
                               String ip) {
        if (!challenges.take(challenge)) {
            throw refused("invalid-challenge", HttpStatus.BAD_REQUEST,
                    "The challenge is unknown, expired or already used; get a new one.");
        }
        List<X509Certificate> chain;
        try {
            chain = Pem.certificates(certificateChainPem);
        } catch (GostException e) {
            chain = List.of();
        }
        if (chain.isEmpty() || chain.size() > MAX_CHAIN) {
            throw refused("validation", HttpStatus.BAD_REQUEST,
                    "certificateChain must hold 1 to " + MAX_CHAIN + " PEM certificates, the signer's first.");
        }
        X509Certificate signer = chain.get(0);
        if (!signatureVerifies(signer, challenge, signature)) {
            throw refused("signature-invalid", HttpStatus.UNAUTHORIZED,
                    "The signature does not verify with the certificate's key.");
        }
        if (!GostCertificates.chainIsTrusted(chain, trustedRoots, clock.instant())) {
            throw refused("certificate-not-trusted", HttpStatus.FORBIDDEN,
                    "The certificate is not valid or not issued by a trusted certification authority.");
        }
        String snils = QualifiedCertificates.snils(signer).orElseThrow(() -> refused("certificate-not-trusted",
                HttpStatus.FORBIDDEN, "The certificate carries no СНИЛС."));
        AccountView account = queries.accountBySnilsKey(vault.subjectsFor(snils)).orElseThrow(() -> refused(
                "no-account", HttpStatus.FORBIDDEN, "No account for this certificate's holder: log in with ESIA once."));
        SessionClaims claims = roles.resolveWithoutOrganisations(account.esiaOid(), account.workerId());
        if (claims.roles().isEmpty()) {
            throw refused("forbidden", HttpStatus.FORBIDDEN,
                    "Acting for an organisation needs an ESIA login with that organisation.");
        }
        return sessions.open(account.id(), LoginMethod.QUALIFIED_SIGNATURE, claims, userAgent, ip);
    }

    private static boolean signatureVerifies(X509Certificate signer, String challenge, String signature) {
        try {
            return GostSignatures.verifyBase64Url(signer.getPublicKey(), challenge.getBytes(StandardCharsets.UTF_8),
                    signature);
        } catch (GostException notAGostKey) {
            return false;
        }
    }

    private AuthException refused(String kind, HttpStatus status, String message) {
        metrics.loginFailed(LoginMethod.QUALIFIED_SIGNATURE.name(), kind);
        return new AuthException(status, kind, message);
    }

    private static List<X509Certificate> load(List<Resource> roots) {
        List<X509Certificate> certificates = new ArrayList<>();
        for (Resource root : roots) {
            try (InputStream in = root.getInputStream()) {
                certificates.addAll(Pem.certificates(new String(in.readAllBytes(), StandardCharsets.US_ASCII)));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read a trusted root of frmr.auth.qes.trusted-roots", e);
            }
        }
        if (certificates.isEmpty()) {
            throw new IllegalStateException("frmr.auth.qes.trusted-roots names no certificate");
        }
        return List.copyOf(certificates);
    }
}
