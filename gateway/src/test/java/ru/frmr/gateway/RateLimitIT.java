package ru.frmr.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.handler.codec.http.HttpHeaders;
import org.junit.jupiter.api.Test;
import reactor.netty.http.client.HttpClient;

import ru.frmr.infra.embedded.jwt.TestToken;

/**
 * Per-client budgets. Login requests come from distinct loopback addresses (all of 127.0.0.0/8 reaches
 * this host), so that each test has IPs, and so budgets, of its own.
 */
class RateLimitIT extends GatewayTestSupport {

    private static final int LOGIN_LIMIT = 10;
    private static final int API_LIMIT = 40;

    record Answer(int status, HttpHeaders headers, String body) {
    }

    @Test
    void theLoginEndpointsAllowTenRequestsAMinutePerIpAndIgnoreForwardedFor() throws Exception {
        String ip = randomLoopbackIp();
        for (int i = 0; i < LOGIN_LIMIT; i++) {
            assertThat(fromIp(ip, "/api/auth/esia/login", Map.of()).status()).isEqualTo(200);
        }

        Answer limited = fromIp(ip, "/api/auth/esia/login", Map.of());
        assertTooManyRequests(limited);
        assertThat(Integer.parseInt(limited.headers().get("Retry-After"))).isBetween(1, 60);

        assertTooManyRequests(fromIp(ip, "/api/auth/esia/login", Map.of("X-Forwarded-For", "203.0.113.7")));
        assertThat(fromIp(randomLoopbackIp(), "/api/auth/esia/login", Map.of()).status()).isEqualTo(200);
    }

    @Test
    void theApiIsBudgetedPerAccountNotPerIp() throws Exception {
        String ip = randomLoopbackIp();
        Map<String, String> account = Map.of("Authorization", "Bearer " + ISSUER.mint(caller));
        for (int i = 0; i < API_LIMIT; i++) {
            assertThat(fromIp(ip, "/api/registry/workers/w-1", account).status()).isEqualTo(200);
        }

        assertTooManyRequests(fromIp(ip, "/api/registry/workers/w-1", account));
        Map<String, String> otherAccount = Map.of("Authorization",
                "Bearer " + ISSUER.mint(TestToken.withRoles("WORKER")));
        assertThat(fromIp(ip, "/api/registry/workers/w-1", otherAccount).status()).isEqualTo(200);
    }

    @Test
    void withoutATokenTheApiIsBudgetedPerIp() throws Exception {
        String ip = randomLoopbackIp();
        for (int i = 0; i < API_LIMIT; i++) {
            assertThat(fromIp(ip, "/api/registry/public/search", Map.of()).status()).isEqualTo(200);
        }

        assertTooManyRequests(fromIp(ip, "/api/registry/public/search", Map.of()));
        assertThat(fromIp(randomLoopbackIp(), "/api/registry/public/search", Map.of()).status()).isEqualTo(200);
    }

    private static void assertTooManyRequests(Answer answer) throws Exception {
        assertThat(answer.status()).isEqualTo(429);
        assertThat(answer.headers().get("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.headers().get("Retry-After")).matches("[1-9][0-9]*");
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.path("type").asText()).isEqualTo("https://frmr.ru/problems/too-many-requests");
        assertThat(problem.path("status").asInt()).isEqualTo(429);
    }

    private Answer fromIp(String ip, String path, Map<String, String> headers) {
        return HttpClient.create()
                .bindAddress(() -> new InetSocketAddress(ip, 0))
                .headers(h -> headers.forEach(h::set))
                .get()
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
