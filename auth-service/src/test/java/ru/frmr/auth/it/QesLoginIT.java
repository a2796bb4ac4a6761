package ru.frmr.auth.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import ru.frmr.auth.DevKeys;
import ru.frmr.auth.command.Accounts;
import ru.frmr.auth.query.AuthQueries;
import ru.frmr.gost.GostCertificates;
import ru.frmr.gost.GostKeys;
import ru.frmr.gost.GostSignatures;
import ru.frmr.gost.Pem;

/** Login with a qualified electronic signature: a person certificate issued by the test CA, СНИЛС inside. */
class QesLoginIT extends AuthIntegrationTest {

    @Autowired
    AuthQueries queries;

    @Test
    void aTrustedCertificateWithTheSnilsOfAnAccountOpensASession() throws Exception {
        login(browser("Firefox"), TestPeople.IVANOVA);
        String accountId = Accounts.idFor("esia", TestPeople.IVANOVA.oid);
        String workerId = queries.account(accountId).map(a -> a.workerId()).orElse(null);
        if (workerId == null) {
            workerId = RegistryEvents.linkToNewRecord(queries, accountId);
        }
        Holder holder = Holder.issuedByTestCa(TestPeople.IVANOVA.snils);
        Browser browser = browser("Firefox (token plugged in)");

        HttpResponse<String> answer = await(() -> signIn(browser, holder, holder.key));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(browser.cookie("frmr_refresh")).isPresent();
        JWTClaimsSet claims = SignedJWT.parse(Browser.json(answer).get("access_token").asText()).getJWTClaimsSet();
        assertThat(claims.getStringListClaim("roles")).containsExactly("WORKER");
        assertThat(claims.getStringClaim("worker_id")).isEqualTo(workerId);
        assertThat(browser.refresh().statusCode()).isEqualTo(200);
    }

    @Test
    void aCertificateFromAnUntrustedIssuerIsRefused() {
        KeyPair keys = GostKeys.generate();
        X509Certificate selfMade = GostCertificates.selfSigned(keys,
                "CN=Иванова Мария, 1.2.643.100.3=" + TestPeople.IVANOVA.snils, Duration.ofDays(1), false);
        assertProblem(signIn(browser("x"), new Holder(keys, Pem.write(selfMade)), keys), 403,
                "certificate-not-trusted");
    }

    @Test
    void aSignatureByAnotherKeyIsRefused() {
        Holder holder = Holder.issuedByTestCa(TestPeople.IVANOVA.snils);
        assertProblem(signIn(browser("x"), holder, GostKeys.generate()), 401, "signature-invalid");
    }

    @Test
    void aChallengeWorksOnce() {
        Holder holder = Holder.issuedByTestCa("99999999999");
        Browser browser = browser("x");
        String challenge = Browser.json(browser.get(browser.authBase() + "/api/auth/qes/challenge"))
                .get("challenge").asText();
        String body = body(challenge, holder, holder.key);
        assertProblem(browser.postJson("/api/auth/qes/login", body, null), 403, "no-account");
        assertProblem(browser.postJson("/api/auth/qes/login", body, null), 400, "invalid-challenge");
    }

    @Test
    void malformedInputIsAValidationProblem() {
        assertProblem(browser("x").postJson("/api/auth/qes/login", "{\"challenge\":\"<x>\"}", null), 400,
                "validation");
    }

    private static HttpResponse<String> signIn(Browser browser, Holder holder, KeyPair signer) {
        String challenge = Browser.json(browser.get(browser.authBase() + "/api/auth/qes/challenge"))
                .get("challenge").asText();
        return browser.postJson("/api/auth/qes/login", body(challenge, holder, signer), null);
    }

    private static String body(String challenge, Holder holder, KeyPair signer) {
        String signature = GostSignatures.signBase64Url(signer.getPrivate(),
                challenge.getBytes(StandardCharsets.UTF_8));
        try {
            return Browser.JSON.writeValueAsString(Map.of("challenge", challenge,
                    "certificateChain", holder.chainPem, "signature", signature));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The account view follows the first login within moments. */
    private static HttpResponse<String> await(Callable<HttpResponse<String>> attempt) {
        return Awaitility.await().atMost(Duration.ofSeconds(15))
                .until(attempt, r -> r.statusCode() != 403 || !Browser.json(r).get("type").asText().endsWith("no-account"));
    }

    record Holder(KeyPair key, String chainPem) {

        static Holder issuedByTestCa(String snils) {
            KeyPair person = GostKeys.generate();
            X509Certificate ca = DevKeys.certificate("qes-test-ca");
            X509Certificate certificate = GostCertificates.issue(new KeyPair(ca.getPublicKey(),
                    DevKeys.key("qes-test-ca")), ca, person.getPublic(),
                    "CN=Держатель сертификата, 1.2.643.100.3=" + snils + ", C=RU", Duration.ofDays(1));
            return new Holder(person, Pem.write(certificate) + Pem.write(ca));
        }
    }
}
