package ru.frmr.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ru.frmr.infra.embedded.SharedTestInfra;

/**
 * The portal as a browser meets it: the login handoff keeps every token on the server, the tokens are refreshed
 * and stored sealed, an ended platform session sends the person through the login back to the page they were
 * on, and every error is a page of the portal.
 */
class PortalIT extends PortalTestSupport {

    @Test
    void theStartPageOffersTheLoginAndSearchesThePublicRegister() throws Exception {
        HttpResponse<String> start = open("/");
        assertThat(start.statusCode()).isEqualTo(200);
        assertThat(start.body()).contains("Войти через Госуслуги", "<option value=\"31.08.49\">Терапия</option>");
        String policy = start.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("script-src 'self'", "form-action 'self'").doesNotContain("unsafe-inline");

        GATEWAY.stubFor(get(urlPathEqualTo("/api/registry/public/workers")).willReturn(okJson("""
                {"items":[{"workerId":"%s","lastName":"Иванова","firstName":"Мария","middleName":"Петровна",
                 "specialties":[{"code":"31.08.49","name":"Терапия"}],
                 "licenses":[{"kind":"ACCREDITATION","specialtyCode":"31.08.49","status":"ACTIVE","endDate":"2031-03-01"}],
                 "status":"ACTIVE"}],"total":1,"page":0,"size":20}""".formatted(WORKER_ID))));
        HttpResponse<String> found = open("/search?q=%D0%98%D0%B2%D0%B0%D0%BD%D0%BE%D0%B2%D0%B0&status=ACTIVE");
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.body()).contains("Найдено: 1", "Иванова Мария Петровна", "Право на работу действует",
                "Аккредитация, Терапия — до 01.03.2031");
        LoggedRequest search = GATEWAY.findAll(com.github.tomakehurst.wiremock.client.WireMock
                .getRequestedFor(urlPathEqualTo("/api/registry/public/workers"))).get(0);
        assertThat(search.queryParameter("q").firstValue()).isEqualTo("Иванова");
        assertThat(search.queryParameter("status").firstValue()).isEqualTo("ACTIVE");
        assertThat(search.containsHeader("Authorization")).isFalse();
    }

    @Test
    void theLoginHandsTheTokensToThePortalAndNoneToTheBrowser() throws Exception {
        String challenge = startLogin();
        stubHandoff(challenge, "handoff-1", 300, "refresh-1");
        GATEWAY.stubFor(get(urlEqualTo("/api/registry/workers/" + WORKER_ID)).willReturn(okJson(worker())));

        HttpResponse<String> complete = open("/login/complete?code=handoff-1");
        assertThat(complete.statusCode()).isEqualTo(302);
        assertThat(complete.headers().firstValue("Location")).contains("/cabinet");
        assertOnlyThePortalCookie(complete);
        assertVerifierMatches(challenge, "handoff-1");

        HttpResponse<String> cabinet = open("/cabinet");
        assertThat(cabinet.statusCode()).isEqualTo(200);
        assertThat(cabinet.body()).contains("Иванова Мария Петровна", "Активна", "Аккредитация истекает через");
        LoggedRequest read = GATEWAY.findAll(com.github.tomakehurst.wiremock.client.WireMock
                .getRequestedFor(urlEqualTo("/api/registry/workers/" + WORKER_ID))).get(0);
        assertThat(read.getHeader("Authorization")).isEqualTo("Bearer " + token());
        assertThat(read.getHeader("User-Agent")).isEqualTo("PortalIT-browser");

        // What the portal keeps is sealed: neither token is in its database as it is.
        String stored = mongo.getCollection("portal_logins").find().into(new java.util.ArrayList<>()).toString();
        assertThat(stored).doesNotContain("refresh-1").doesNotContain(token().substring(40));
    }

    @Test
    void anAccessTokenAboutToExpireIsReplacedWithTheRotatedRefreshToken() throws Exception {
        String challenge = startLogin();
        stubHandoff(challenge, "handoff-2", 30, "refresh-old");
        GATEWAY.stubFor(get(urlEqualTo("/api/registry/workers/" + WORKER_ID)).willReturn(okJson(worker())));
        GATEWAY.stubFor(post(urlEqualTo("/api/auth/token"))
                .withRequestBody(equalToJson("{\"refresh_token\":\"refresh-old\"}"))
                .willReturn(okJson("{\"access_token\":\"" + token() + "\",\"token_type\":\"Bearer\","
                        + "\"expires_in\":300,\"refresh_token\":\"refresh-new\"}")));
        open("/login/complete?code=handoff-2");

        assertThat(open("/cabinet").statusCode()).isEqualTo(200);
        assertThat(open("/cabinet").statusCode()).isEqualTo(200);
        // One refresh for both pages: the new token lasts; the old refresh token was used once only.
        GATEWAY.verify(1, postRequestedFor(urlEqualTo("/api/auth/token")));
    }

    @Test
    void anEndedPlatformSessionSendsThePersonThroughTheLoginBackToTheirPage() throws Exception {
        String challenge = startLogin();
        stubHandoff(challenge, "handoff-3", 300, "refresh-3");
        open("/login/complete?code=handoff-3");
        GATEWAY.stubFor(get(urlEqualTo("/api/registry/workers/" + WORKER_ID)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"https://frmr.ru/problems/unauthorized\",\"status\":401}")));

        HttpResponse<String> cabinet = open("/cabinet?tab=1");
        assertThat(cabinet.statusCode()).isEqualTo(302);
        assertThat(cabinet.headers().firstValue("Location").orElseThrow()).endsWith("/login");

        GATEWAY.stubFor(get(urlEqualTo("/api/registry/workers/" + WORKER_ID)).willReturn(okJson(worker())));
        String again = startLogin();
        stubHandoff(again, "handoff-4", 300, "refresh-4");
        HttpResponse<String> back = open("/login/complete?code=handoff-4");
        assertThat(back.headers().firstValue("Location").orElseThrow()).endsWith("/cabinet?tab=1");
    }

    @Test
    void aSecondFactorIsAskedOnThePortalsOwnPage() throws Exception {
        String challenge = startLogin();
        GATEWAY.stubFor(post(urlEqualTo("/api/auth/handoff"))
                .withRequestBody(matchingJsonPath("$.code", equalTo("handoff-5")))
                .willReturn(okJson("{\"status\":\"SECOND_FACTOR_REQUIRED\",\"login\":\"pending-secret\","
                        + "\"sentTo\":\"k***@frmr.test\",\"expiresAt\":\"2030-01-01T00:00:00Z\"}")));
        HttpResponse<String> complete = open("/login/complete?code=handoff-5");
        assertThat(complete.headers().firstValue("Location").orElseThrow()).endsWith("/login/code");
        HttpResponse<String> page = open("/login/code");
        assertThat(page.body()).contains("Код отправлен на k***@frmr.test").doesNotContain("pending-secret");

        HttpResponse<String> wrongShape = submit("/login/code", Map.of("code", "12ab"), csrf(page.body()));
        assertThat(wrongShape.statusCode()).isEqualTo(400);
        assertThat(wrongShape.body()).contains("Исправьте ошибки", "href=\"#code\"", "Введите шесть цифр");

        GATEWAY.stubFor(post(urlEqualTo("/api/auth/handoff/second-factor"))
                .withRequestBody(equalToJson("{\"login\":\"pending-secret\",\"code\":\"654321\"}"))
                .willReturn(okJson(opened(300, "refresh-5"))));
        HttpResponse<String> passed = submit("/login/code", Map.of("code", "654321"), csrf(page.body()));
        assertThat(passed.statusCode()).isEqualTo(302);
        assertThat(passed.headers().firstValue("Location").orElseThrow()).endsWith("/cabinet");
        assertThat(challenge).isNotBlank();
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() throws Exception {
        open("/");
        HttpResponse<String> forged = submit("/login/code", Map.of("code", "123456"), null);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("Нет доступа").doesNotContain("\"status\"");
    }

    @Test
    void errorsArePagesOfThePortal() throws Exception {
        HttpResponse<String> anonymous = open("/admin/moderation");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElseThrow()).endsWith("/login");

        String challenge = startLogin();
        stubHandoff(challenge, "handoff-6", 300, "refresh-6");
        open("/login/complete?code=handoff-6");
        HttpResponse<String> forbidden = open("/admin/moderation");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.body()).contains("Нет доступа");

        HttpResponse<String> unknown = open("/no-such-page");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(unknown.body()).contains("Страница не найдена");

        GATEWAY.stubFor(get(urlPathEqualTo("/api/registry/public/workers")).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "17").withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"https://frmr.ru/problems/too-many-requests\",\"status\":429}")));
        HttpResponse<String> limited = open("/search?q=x");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.body()).contains("Слишком много запросов", "Повторите через 17 с.");

        GATEWAY.stubFor(get(urlPathEqualTo("/api/registry/public/workers")).willReturn(aResponse().withStatus(500)));
        HttpResponse<String> failed = open("/search?q=x");
        assertThat(failed.statusCode()).isEqualTo(502);
        assertThat(failed.body()).contains("Сервис временно недоступен", "Код запроса");
    }


    @org.springframework.boot.test.web.server.LocalManagementPort
    int managementPort;

    @Test
    void probesAnswerOnTheManagementPortWithoutALogin() throws Exception {
        HttpResponse<String> readiness = browser.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/readiness")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("UP");
        assertThat(readiness.headers().allValues("Set-Cookie")).isEmpty();
        // Not on the public port.
        assertThat(open("/actuator/health").statusCode()).isIn(302, 404);
    }
}
