package ru.frmr.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import org.junit.jupiter.api.Test;
import reactor.netty.http.client.HttpClient;

import ru.frmr.infra.embedded.jwt.BadToken;
import ru.frmr.infra.embedded.jwt.TestToken;

/**
 * Per-client budgets. Requests come from distinct loopback addresses (all of 127.0.0.0/8 reaches this
 * host), so that each test has addresses, and so budgets, of its own.
 */
class RateLimitIT extends GatewayTestSupport {

    /** The defaults of application.yml: the login and person-lookup budgets are tested as deployed. */
    private static final int LOGIN_ADDRESS_LIMIT = 600;
    private static final int LOGIN_ATTEMPT_LIMIT = 10;
    private static final int PERSON_LOOKUP_LIMIT = 30;

    record Answer(int status, HttpHeaders headers, String body) {
    }

    @Test
    void twentyPeopleBehindOneAddressAllLogInWithinAMinuteSecondFactorIncluded() {
        String hospital = randomLoopbackIp();
        List<Integer> statuses = new ArrayList<>();
        for (int person = 0; person < 20; person++) {
            Map<String, String> pending = Map.of("Cookie", "frmr_login=" + UUID.randomUUID());
            statuses.add(send(hospital, HttpMethod.GET, "/api/auth/esia/login", Map.of()).status());
            statuses.add(send(hospital, HttpMethod.GET, "/api/auth/esia/callback?code=c&state=s", pending).status());
            statuses.add(send(hospital, HttpMethod.GET, "/api/auth/second-factor", pending).status());
            statuses.add(send(hospital, HttpMethod.POST, "/api/auth/second-factor/resend", pending).status());
            statuses.add(send(hospital, HttpMethod.POST, "/api/auth/second-factor", pending).status());
        }

        assertThat(statuses).hasSize(100).allMatch(status -> status == 200 || status == 201);
    }

    @Test
    void anAddressHasAnOrganisationSizedLoginBudgetAndItsForwardedForIsNotBelieved() throws Exception {
        String ip = randomLoopbackIp();
        for (int i = 0; i < LOGIN_ADDRESS_LIMIT; i++) {
            assertThat(send(ip, HttpMethod.GET, "/api/auth/esia/login", Map.of()).status()).isEqualTo(200);
        }

        Answer limited = send(ip, HttpMethod.GET, "/api/auth/esia/login", Map.of());
        assertTooManyRequests(limited);
        assertThat(Integer.parseInt(limited.headers().get("Retry-After"))).isBetween(1, 60);
        // No trusted proxies are configured: a client cannot pick another address's budget.
        assertTooManyRequests(send(ip, HttpMethod.GET, "/api/auth/esia/login", Map.of("X-Forwarded-For", "203.0.113.7")));
        assertThat(send(randomLoopbackIp(), HttpMethod.GET, "/api/auth/esia/login", Map.of()).status()).isEqualTo(200);
    }

    @Test
    void onePendingLoginHasAStrictBudgetOfItsOwnWhateverItsAddress() throws Exception {
        String ip = randomLoopbackIp();
        Map<String, String> guessed = Map.of("Cookie", "frmr_login=" + UUID.randomUUID());
        for (int i = 0; i < LOGIN_ATTEMPT_LIMIT; i++) {
            assertThat(send(ip, HttpMethod.POST, "/api/auth/second-factor", guessed).status()).isEqualTo(201);
        }

        assertTooManyRequests(send(ip, HttpMethod.POST, "/api/auth/second-factor", guessed));
        assertTooManyRequests(send(randomLoopbackIp(), HttpMethod.POST, "/api/auth/second-factor", guessed));
        Map<String, String> colleague = Map.of("Cookie", "frmr_login=" + UUID.randomUUID());
        assertThat(send(ip, HttpMethod.POST, "/api/auth/second-factor", colleague).status()).isEqualTo(201);
    }

    @Test
    void theApiIsBudgetedPerAccountNotPerIp() throws Exception {
        String ip = randomLoopbackIp();
        Map<String, String> account = Map.of("Authorization", "Bearer " + ISSUER.mint(caller));
        for (int i = 0; i < ACCOUNT_LIMIT; i++) {
            assertThat(send(ip, HttpMethod.GET, "/api/registry/workers/w-1", account).status()).isEqualTo(200);
        }

        assertTooManyRequests(send(ip, HttpMethod.GET, "/api/registry/workers/w-1", account));
        Map<String, String> otherAccount = Map.of("Authorization",
                "Bearer " + ISSUER.mint(TestToken.withRoles("WORKER")));
        assertThat(send(ip, HttpMethod.GET, "/api/registry/workers/w-1", otherAccount).status()).isEqualTo(200);
    }

    @Test
    void theHrLookupBySnilsHasAStrictBudgetPerAccountAndOnlyHrOfficersGetThrough() throws Exception {
        String ip = randomLoopbackIp();
        String lookup = "/api/registry/workers/lookup";
        TestToken officer = TestToken.withRoles("EMPLOYER_HR").withOrgId("org-gp1");
        Map<String, String> account = Map.of("Authorization", "Bearer " + ISSUER.mint(officer));
        for (int i = 0; i < PERSON_LOOKUP_LIMIT; i++) {
            assertThat(send(ip, HttpMethod.POST, lookup, account).status()).isEqualTo(201);
        }

        assertTooManyRequests(send(ip, HttpMethod.POST, lookup, account));
        assertTooManyRequests(send(randomLoopbackIp(), HttpMethod.POST, lookup, account));
        assertThat(send(management("/actuator/prometheus")).body())
                .containsPattern("frmr_gateway_rate_limited_total\\{[^}]*policy=\"person-lookup\"[^}]*} [1-9]");
        // The rest of the account's API budget is left, and a colleague at the same address has a lookup budget.
        assertThat(send(ip, HttpMethod.GET, "/api/registry/workers/w-1", account).status()).isEqualTo(200);
        Map<String, String> colleague = Map.of("Authorization", "Bearer " + ISSUER.mint(
                TestToken.withRoles("EMPLOYER_HR").withOrgId("org-gp1")));
        assertThat(send(ip, HttpMethod.POST, lookup, colleague).status()).isEqualTo(201);
        // Checked at the edge already (the registry checks again): a worker cannot look people up.
        Map<String, String> worker = Map.of("Authorization", "Bearer " + ISSUER.mint(TestToken.withRoles("WORKER")));
        assertThat(send(ip, HttpMethod.POST, lookup, worker).status()).isEqualTo(403);
    }

    @Test
    void unknownKeyTokensCostTheirSenderAndFetchTheKeySetAtMostOnce() throws Exception {
        String ip = randomLoopbackIp();
        int fetchesBefore = ISSUER.keySetFetches();
        List<Answer> answers = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Map<String, String> unknownKey = Map.of("Authorization",
                    "Bearer " + ISSUER.mint(BadToken.UNKNOWN_KEY, TestToken.withRoles("WORKER")));
            answers.add(send(ip, HttpMethod.GET, "/api/registry/workers/w-1", unknownKey));
        }

        assertThat(ISSUER.keySetFetches() - fetchesBefore).isLessThanOrEqualTo(1);
        assertThat(answers.subList(0, ADDRESS_LIMIT)).allMatch(answer -> answer.status() == 401);
        for (Answer answer : answers.subList(ADDRESS_LIMIT, answers.size())) {
            assertTooManyRequests(answer);
        }
        Map<String, String> valid = Map.of("Authorization", "Bearer " + ISSUER.mint(caller));
        assertTooManyRequests(send(ip, HttpMethod.GET, "/api/registry/workers/w-1", valid));
        assertThat(send(randomLoopbackIp(), HttpMethod.GET, "/api/registry/workers/w-1", valid).status())
                .isEqualTo(200);
    }

    @Test
    void thePublicRegisterAndFhirAreBudgetedPerAddressWithAStricterOneForSearches() throws Exception {
        String ip = randomLoopbackIp();
        for (int i = 0; i < SEARCH_LIMIT; i++) {
            String search = i % 2 == 0 ? "/fhir/Practitioner?name=Ivanov" : "/api/registry/public/workers?q=Ivanov";
            assertThat(send(ip, HttpMethod.GET, search, Map.of()).status()).isEqualTo(200);
        }
        assertTooManyRequests(send(ip, HttpMethod.GET, "/fhir/Practitioner?name=Petrov", Map.of()));
        assertTooManyRequests(send(ip, HttpMethod.GET, "/fhir/Practitioner/_history", Map.of()));
        assertTooManyRequests(send(ip, HttpMethod.GET, "/api/registry/public/workers", Map.of()));

        // Reads of one resource still have the rest of the public budget.
        int reads = PUBLIC_LIMIT - SEARCH_LIMIT;
        for (int i = 0; i < reads; i++) {
            String read = i % 2 == 0 ? "/fhir/Practitioner/p-1" : "/fhir/metadata";
            assertThat(send(ip, HttpMethod.GET, read, Map.of()).status()).isEqualTo(200);
        }
        assertTooManyRequests(send(ip, HttpMethod.GET, "/fhir/Practitioner/p-1", Map.of()));
        assertThat(send(randomLoopbackIp(), HttpMethod.GET, "/fhir/Practitioner/p-1", Map.of()).status())
                .isEqualTo(200);
    }

    @Test
    void theVerificationOfASpravkaIsPublicAndSpendsThePublicReadsBudgetOfItsAddress() throws Exception {
        String ip = randomLoopbackIp();
        for (int i = 0; i < PUBLIC_LIMIT; i++) {
            String path = i % 2 == 0 ? "/api/documents/verify/ABCD-EFGH-JKMN-PQRS" : "/api/documents/verify";
            HttpMethod method = i % 2 == 0 ? HttpMethod.GET : HttpMethod.POST;
            assertThat(send(ip, method, path, Map.of()).status()).as(path).isIn(200, 201);
        }
        assertTooManyRequests(send(ip, HttpMethod.GET, "/api/documents/verify/ABCD-EFGH-JKMN-PQRS", Map.of()));
        assertTooManyRequests(send(ip, HttpMethod.POST, "/api/documents/verify", Map.of()));
        assertThat(send(randomLoopbackIp(), HttpMethod.GET, "/api/documents/verify/ABCD-EFGH-JKMN-PQRS", Map.of())
                .status()).isEqualTo(200);
    }

    private static void assertTooManyRequests(Answer answer) throws Exception {
        assertThat(answer.status()).isEqualTo(429);
        assertThat(answer.headers().get("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.headers().get("Retry-After")).matches("[1-9][0-9]*");
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.path("type").asText()).isEqualTo("https://frmr.ru/problems/too-many-requests");
        assertThat(problem.path("status").asInt()).isEqualTo(429);
    }

    private Answer send(String ip, HttpMethod method, String path, Map<String, String> headers) {
        return HttpClient.create()
                .bindAddress(() -> new InetSocketAddress(ip, 0))
                .headers(h -> headers.forEach(h::set))
                .request(method)
                .uri("http://127.0.0.1:" + port + path)
                .responseSingle((response, body) -> body.asString().defaultIfEmpty("")
                        .map(text -> new Answer(response.status().code(), response.responseHeaders(), text)))
                .block();
    }

    private static String randomLoopbackIp() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "127." + random.nextInt(1, 255) + "." + random.nextInt(0, 256) + "." + random.nextInt(2, 255);
    }
}
