package ru.frmr.auth.esia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpStatus;

import ru.frmr.auth.DevKeys;
import ru.frmr.auth.api.IdentityDocument;
import ru.frmr.auth.identity.AuthorizationRequest;
import ru.frmr.auth.identity.IdentifiedPerson;
import ru.frmr.auth.identity.IdentityProviderException;
import ru.frmr.gost.GostDigests;
import ru.frmr.gost.GostSignatures;

class EsiaIdentityProviderTest {

    private static final String SCOPES = "openid fullname birthdate gender snils inn id_doc email mobile contacts usr_org";
    private static final String REDIRECT = "http://localhost:8080/api/auth/esia/callback";

    private EsiaStub esia;
    private EsiaIdentityProvider provider;

    @BeforeEach
    void start() throws Exception {
        esia = new EsiaStub();
        EsiaProperties properties = new EsiaProperties(true, URI.create(esia.baseUrl()), "FRMR_LK",
                new FileSystemResource(DevKeys.DIR.resolve("frmr-lk.key.pem")),
                new FileSystemResource(DevKeys.DIR.resolve("frmr-lk.cert.pem")),
                new FileSystemResource(DevKeys.DIR.resolve("esia-emulator.cert.pem")), EsiaStub.ISSUER,
                URI.create(REDIRECT), SCOPES, Duration.ofSeconds(5), Duration.ofSeconds(30));
        provider = new EsiaIdentityProvider(properties, HttpClient.newHttpClient(), new ObjectMapper(),
                Clock.system(ZoneId.of("Europe/Moscow")));
    }

    @AfterEach
    void stop() {
        esia.close();
    }

    @Test
    void theAuthorizationUrlCarriesAClientSecretEsiaCanVerify() {
        AuthorizationRequest request = provider.authorize();
        Map<String, String> query = EsiaStub.form(request.redirect().getRawQuery());
        assertThat(request.redirect().getPath()).isEqualTo("/aas/oauth2/v2/ac");
        assertThat(query).containsEntry("client_id", "FRMR_LK").containsEntry("scope", SCOPES)
                .containsEntry("response_type", "code").containsEntry("redirect_uri", REDIRECT)
                .containsEntry("state", request.state())
                .containsEntry("client_certificate_hash", GostDigests.certificateHash(DevKeys.certificate("frmr-lk")));
        assertThat(query.get("timestamp")).matches("\\d{4}\\.\\d{2}\\.\\d{2} \\d{2}:\\d{2}:\\d{2} \\+0300");
        assertThat(request.redirect().getRawQuery()).contains("%2B0300").doesNotContain("+");
        assertThat(request.state()).matches("[0-9a-f-]{36}");
        String signed = "FRMR_LK" + SCOPES + query.get("timestamp") + request.state() + REDIRECT;
        assertThat(GostSignatures.verifyBase64Url(DevKeys.certificate("frmr-lk").getPublicKey(),
                signed.getBytes(StandardCharsets.UTF_8), query.get("client_secret"))).isTrue();
    }

    @Test
    void everyAuthorizationHasItsOwnState() {
        assertThat(provider.authorize().state()).isNotEqualTo(provider.authorize().state());
    }

    @Test
    void theCallbackExchangesTheCodeAndReadsThePersonAndRoles() {
        AuthorizationRequest request = provider.authorize();
        esia.acceptCode("code-1");
        IdentifiedPerson person = provider.complete(request, Map.of("code", "code-1", "state", request.state()));

        assertThat(person.subject()).isEqualTo(EsiaStub.OID);
        assertThat(person.lastName()).isEqualTo("Сидорова");
        assertThat(person.middleName()).isEqualTo("Викторовна");
        assertThat(person.birthDate()).isEqualTo(LocalDate.of(1982, 7, 21));
        assertThat(person.gender()).isEqualTo("F");
        assertThat(person.snils()).isEqualTo("00000060006");
        assertThat(person.email()).isEqualTo("sidorova.hr@frmr.test");
        assertThat(person.mobile()).as("an unverified number is not used").isNull();
        assertThat(person.trusted()).isTrue();
        assertThat(person.organisations()).singleElement().satisfies(org -> {
            assertThat(org.oid()).isEqualTo("5000001");
            assertThat(org.active()).isTrue();
        });
        assertThat(person.inn()).isEqualTo("770334567804");
        assertThat(person.citizenship()).isEqualTo("RUS");
        assertThat(person.identityDocument()).as("the verified passport, not the licence or the unverified one")
                .isEqualTo(new IdentityDocument("RF_PASSPORT", "4502", "834567", LocalDate.of(2002, 8, 1),
                        "ГУ МВД России по г. Москве", "770-003"));
        assertThat(person.toString()).doesNotContain("Сидорова").doesNotContain("00000060006")
                .doesNotContain("770334567804").doesNotContain("834567");
    }

    @Test
    void aPersonWithoutInnOrVerifiedPassportStillLogsIn() {
        esia.bareRecord = true;
        AuthorizationRequest request = provider.authorize();
        esia.acceptCode("code-1");
        IdentifiedPerson person = provider.complete(request, Map.of("code", "code-1", "state", request.state()));

        assertThat(person.snils()).isEqualTo("00000060006");
        assertThat(person.inn()).isNull();
        assertThat(person.citizenship()).isNull();
        assertThat(person.identityDocument()).isNull();
    }

    @Test
    void theTokenRequestUsesANewStateAndSignsTheCodeToo() {
        AuthorizationRequest request = provider.authorize();
        esia.acceptCode("code-2");
        provider.complete(request, Map.of("code", "code-2", "state", request.state()));
        Map<String, String> form = esia.lastTokenRequest;
        assertThat(form.get("state")).isNotEqualTo(request.state()).matches("[0-9a-f-]{36}");
        assertThat(form).containsEntry("grant_type", "authorization_code").containsEntry("token_type", "Bearer")
                .containsEntry("redirect_uri", REDIRECT);
    }

    @Test
    void aTokenAnswerWithAnotherStateIsRejected() {
        AuthorizationRequest request = provider.authorize();
        esia.acceptCode("code-3");
        esia.answerState = "00000000-0000-4000-8000-000000000000";
        assertThatThrownBy(() -> provider.complete(request, Map.of("code", "code-3", "state", request.state())))
                .isInstanceOfSatisfying(IdentityProviderException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.BAD_GATEWAY);
                    assertThat(e.getMessage()).contains("state");
                });
    }

    @Test
    void aReplayedCodeIsAnInvalidGrant() {
        AuthorizationRequest request = provider.authorize();
        esia.acceptCode("code-4");
        provider.complete(request, Map.of("code", "code-4", "state", request.state()));
        assertThatThrownBy(() -> provider.complete(request, Map.of("code", "code-4", "state", request.state())))
                .isInstanceOfSatisfying(IdentityProviderException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(e.kind()).isEqualTo("invalid-grant");
                    assertThat(e.providerCode()).isEqualTo("ESIA-007011");
                });
    }

    @Test
    void aTokenSignedByAnotherKeyIsRejected() {
        AuthorizationRequest request = provider.authorize();
        esia.acceptCode("code-5");
        esia.tokenKey = DevKeys.key("qes-test-ca");
        assertThatThrownBy(() -> provider.complete(request, Map.of("code", "code-5", "state", request.state())))
                .isInstanceOfSatisfying(IdentityProviderException.class,
                        e -> assertThat(e.getMessage()).contains("signature"));
    }

    @Test
    void anErrorSentToTheCallbackBecomesAProblemWithEsiasCode() {
        AuthorizationRequest request = provider.authorize();
        assertThatThrownBy(() -> provider.complete(request, Map.of("error", "invalid_client",
                "error_description", "ESIA-007053: client_secret is wrong", "state", request.state())))
                .isInstanceOfSatisfying(IdentityProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo("identity-provider-rejected-client");
                    assertThat(e.providerCode()).isEqualTo("ESIA-007053");
                    assertThat(e.getMessage()).doesNotContain("client_secret is wrong");
                });
    }

    @Test
    void aCallbackWithoutCodeIsInvalid() {
        AuthorizationRequest request = provider.authorize();
        assertThatThrownBy(() -> provider.complete(request, Map.of("state", request.state())))
                .isInstanceOfSatisfying(IdentityProviderException.class,
                        e -> assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST));
    }

    @Test
    void anUnreachableEsiaIsA502() throws Exception {
        AuthorizationRequest request = provider.authorize();
        esia.close();
        assertThatThrownBy(() -> provider.complete(request, Map.of("code", "c", "state", request.state())))
                .isInstanceOfSatisfying(IdentityProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo("identity-provider-unavailable"));
    }

    @Test
    void logoutGoesToEsiasLogoutWithTheReturnAddress() {
        assertThat(provider.logoutUrl(URI.create("http://localhost:8080/"))).hasValueSatisfying(url -> {
            assertThat(url.getPath()).isEqualTo("/idp/ext/Logout");
            assertThat(EsiaStub.form(url.getRawQuery())).containsEntry("client_id", "FRMR_LK")
                    .containsEntry("redirect_url", "http://localhost:8080/");
        });
    }
}
