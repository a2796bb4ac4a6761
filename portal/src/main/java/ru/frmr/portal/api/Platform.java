package ru.frmr.portal.api;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import ru.frmr.portal.config.PortalProperties;
import ru.frmr.portal.login.PortalLogins;
import ru.frmr.portal.login.SignedIn;

/**
 * The portal's way to the platform: every call goes through the gateway, as the signed-in person (their access
 * token, replaced with the refresh token shortly before it expires) and on behalf of their browser (its
 * {@code User-Agent} and address are passed on, so sessions and one-time codes see the person's device, not the
 * portal). Answers that are not a success become {@link ApiProblem}s; a session auth-service no longer honours
 * becomes {@link SessionExpiredException}; an unreachable gateway {@link PlatformUnavailableException}.
 */
@Component
public class Platform {

    private static final Logger log = LoggerFactory.getLogger(Platform.class);
    /** Concurrent requests of one person refresh one at a time: the refresh token rotates. */
    private static final Object[] REFRESH_LOCKS = new Object[64];

    static {
        for (int i = 0; i < REFRESH_LOCKS.length; i++) {
            REFRESH_LOCKS[i] = new Object();
        }
    }

    /** The header that carries the purpose of reading another person's data (the services record it). */
    public static final String ACCESS_PURPOSE = "X-Access-Purpose";

    /** How long a page waits for a glance (the header's unread count) before it renders without it. */
    static final Duration GLANCE_TIMEOUT = Duration.ofMillis(800);

    private final RestClient rest;
    private final RestClient glances;
    private final PortalLogins logins;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration refreshMargin;

    public Platform(RestClient.Builder builder, PortalProperties properties, PortalLogins logins, ObjectMapper json,
                    Clock clock) {
        // HTTP/1.1 to the gateway: the JDK client would otherwise try an h2c upgrade on every request with a body.
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build());
        requests.setReadTimeout(properties.callTimeout());
        this.rest = builder.clone().baseUrl(properties.gatewayUrl().toString()).requestFactory(requests).build();
        JdkClientHttpRequestFactory quick = new JdkClientHttpRequestFactory(java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).connectTimeout(GLANCE_TIMEOUT).build());
        quick.setReadTimeout(GLANCE_TIMEOUT);
        this.glances = builder.clone().baseUrl(properties.gatewayUrl().toString()).requestFactory(quick).build();
        this.logins = logins;
        this.json = json;
        this.clock = clock;
        this.refreshMargin = properties.tokenRefreshMargin();
    }

    /** A call without the person's token (the public register, dictionaries, the login handoff). */
    public Call anonymous(HttpMethod method, String uri, Object... variables) {
        return new Call(method, uri, variables, null, false);
    }

    /** A call as the signed-in person. */
    public Call as(SignedIn person, HttpMethod method, String uri, Object... variables) {
        return new Call(method, uri, variables, person, false);
    }

    /**
     * A call as the signed-in person for something a page shows beside its content (the header's unread count):
     * it waits {@link #GLANCE_TIMEOUT} at most, so a slow service costs every page under a second, not the call
     * timeout.
     */
    public Call glance(SignedIn person, HttpMethod method, String uri, Object... variables) {
        Call call = new Call(method, uri, variables, person, false);
        call.client = glances;
        return call;
    }

    /** A sensitive change as the signed-in person, carrying the step-up token of a code they just confirmed. */
    public Call withStepUp(SignedIn person, HttpMethod method, String uri, Object... variables) {
        return new Call(method, uri, variables, person, true);
    }

    /** One request being built: an optional JSON body, then what to read from the answer. */
    public final class Call {

        private final HttpMethod method;
        private final String uri;
        private final Object[] variables;
        private final SignedIn person;
        private final boolean stepUp;
        private RestClient client = rest;
        private Object body;
        private final HttpHeaders extraHeaders = new HttpHeaders();
        private MediaType bodyType = MediaType.APPLICATION_JSON;
        private MediaType[] accepted = {MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON};

        private Call(HttpMethod method, String uri, Object[] variables, SignedIn person, boolean stepUp) {
            this.method = method;
            this.uri = uri;
            this.variables = variables;
            this.person = person;
            this.stepUp = stepUp;
        }

        /**
         * The purpose the person stated for reading someone's personal data ({@code X-Access-Purpose}), sent
         * percent-encoded as UTF-8: a header carries ASCII only, and the services decode it back.
         */
        public Call purpose(String statedPurpose) {
            extraHeaders.set(ACCESS_PURPOSE, percentEncoded(statedPurpose));
            return this;
        }

        public Call body(Object requestBody) {
            this.body = requestBody;
            return this;
        }

        /**
         * A multipart body (a file the person chose, with the form's other fields). A file part is passed as a
         * {@link org.springframework.core.io.Resource} read as it is sent: the bytes stream from the portal's
         * temporary file on disk to the gateway and are never held whole in memory.
         */
        public Call multipart(MultiValueMap<String, Object> parts) {
            this.body = parts;
            this.bodyType = MediaType.MULTIPART_FORM_DATA;
            return this;
        }

        /** The answer's JSON; an empty object for an answer without a body. */
        public JsonNode json() {
            return exchange(response -> {
                byte[] bytes = response.getBody().readAllBytes();
                return bytes.length == 0 ? json.createObjectNode() : json.readTree(bytes);
            });
        }

        public <T> T as(Class<T> type) {
            return json.convertValue(json(), type);
        }

        /**
         * A file the platform answers (the staff list as CSV): its bytes and headers, for the browser as they came.
         */
        public Download download(MediaType type) {
            accepted = new MediaType[] {type, MediaType.APPLICATION_PROBLEM_JSON};
            return exchange(response -> new Download(response.getBody().readAllBytes(),
                    response.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE),
                    response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)));
        }

        /**
         * A file the platform answers, streamed to the browser as it arrives (a scan of up to 5 MiB, a справка): its
         * type, length and {@code Content-Disposition} as the service sent them, never sniffed by the browser nor
         * cached. A refusal is an {@link ApiProblem} before anything is written.
         */
        public void relay(HttpServletResponse target, MediaType... types) {
            accepted = Stream.concat(Arrays.stream(types), Stream.of(MediaType.APPLICATION_PROBLEM_JSON))
                    .toArray(MediaType[]::new);
            exchange(response -> {
                HttpHeaders headers = response.getHeaders();
                target.setStatus(200);
                target.setContentType(headers.getFirst(HttpHeaders.CONTENT_TYPE));
                String disposition = headers.getFirst(HttpHeaders.CONTENT_DISPOSITION);
                target.setHeader(HttpHeaders.CONTENT_DISPOSITION, disposition != null && disposition.startsWith(
                        "attachment") ? disposition : "attachment");
                if (headers.getContentLength() >= 0) {
                    target.setContentLengthLong(headers.getContentLength());
                }
                target.setHeader("X-Content-Type-Options", "nosniff");
                target.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
                response.getBody().transferTo(target.getOutputStream());
                return null;
            });
        }

        /** For commands: success or an exception. */
        public void send() {
            exchange(response -> null);
        }

        private <T> T exchange(ResponseReader<T> reader) {
            String token = person == null ? null : stepUp ? stepUpToken(person) : accessToken(person);
            try {
                RestClient.RequestBodySpec request = client.method(method).uri(uri, variables)
                        .accept(accepted)
                        .headers(headers -> {
                            browser(headers, token);
                            headers.addAll(extraHeaders);
                        });
                if (body != null) {
                    request.contentType(bodyType).body(body);
                }
                return request.exchange((req, response) -> {
                    if (response.getStatusCode().is2xxSuccessful()) {
                        return reader.read(response);
                    }
                    throw problem(response, person != null);
                }, true);
            } catch (ResourceAccessException unreachable) {
                throw new PlatformUnavailableException(unreachable);
            }
        }
    }

    /** UTF-8 percent-encoding with spaces as {@code %20} (not {@code +}, which is a form's convention only). */
    static String percentEncoded(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A file's bytes with its {@code Content-Type} and {@code Content-Disposition} (either may be null). */
    public record Download(byte[] body, String contentType, String disposition) {
    }

    @FunctionalInterface
    private interface ResponseReader<T> {
        T read(ClientHttpResponse response) throws IOException;
    }

    private String accessToken(SignedIn person) {
        PortalLogins.Tokens tokens = logins.find(person.handle())
                .orElseThrow(() -> new SessionExpiredException("no tokens for this portal session"));
        if (fresh(tokens)) {
            return tokens.accessToken();
        }
        return refresh(person, null);
    }

    /**
     * Replaces the person's access token now, however long it is still valid, and answers the new token's claims.
     * For the one claim known to lag behind: on a worker's first login the registry links their record a moment
     * after auth-service issued the token, so it carries no {@code worker_id}; the tokens issued after the link
     * do. One refresh under the same lock as the usual one; if another request of this person refreshed while
     * this one waited, its token is as new as this one would be and is used instead.
     */
    public JsonNode refreshNow(SignedIn person) {
        PortalLogins.Tokens before = logins.find(person.handle())
                .orElseThrow(() -> new SessionExpiredException("no tokens for this portal session"));
        return claims(refresh(person, before.version()));
    }

    /**
     * @param unlessReplacedSince null: refresh only if the token is (still) about to expire; a version: refresh
     *                            unless the tokens were replaced since that version
     */
    private String refresh(SignedIn person, Long unlessReplacedSince) {
        synchronized (REFRESH_LOCKS[Math.floorMod(person.handle().hashCode(), REFRESH_LOCKS.length)]) {
            // Another request of this person may have refreshed while this one waited: use its tokens.
            PortalLogins.Tokens tokens = logins.find(person.handle())
                    .orElseThrow(() -> new SessionExpiredException("no tokens for this portal session"));
            if (unlessReplacedSince == null ? fresh(tokens) : tokens.version() != unlessReplacedSince) {
                return tokens.accessToken();
            }
            JsonNode answer;
            try {
                answer = rest.post().uri("/api/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .accept(MediaType.APPLICATION_JSON)
                        .headers(headers -> browser(headers, null))
                        .body(Map.of("refresh_token", tokens.refreshToken()))
                        .exchange((req, response) -> {
                            if (response.getStatusCode().is2xxSuccessful()) {
                                return json.readTree(response.getBody());
                            }
                            throw problem(response, false);
                        }, true);
            } catch (ResourceAccessException unreachable) {
                throw new PlatformUnavailableException(unreachable);
            } catch (ApiProblem refused) {
                if (refused.clientError() && refused.status() != 429) {
                    logins.delete(person.handle());
                    throw new SessionExpiredException("auth-service refused the refresh: " + refused.status());
                }
                throw refused;
            }
            String access = answer.path("access_token").asText(null);
            String refresh = answer.path("refresh_token").asText(null);
            if (access == null || refresh == null) {
                throw new IllegalStateException("auth-service's token answer lacks a token");
            }
            Duration ttl = Duration.ofSeconds(answer.path("expires_in").asLong(300));
            if (!logins.replace(person.handle(), tokens.version(), access, ttl, refresh)) {
                log.warn("tokens of a portal login were replaced concurrently by another portal instance");
            }
            return access;
        }
    }

    private boolean fresh(PortalLogins.Tokens tokens) {
        return tokens.accessExpiresAt().isAfter(clock.instant().plus(refreshMargin));
    }

    /** The claims of an access token, read as SignIn reads them at the login (the services verify the token). */
    private JsonNode claims(String token) {
        String[] parts = token.split("\\.");
        try {
            return json.readTree(new String(Base64.getUrlDecoder().decode(parts.length == 3 ? parts[1] : ""),
                    StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException unreadable) {
            throw new IllegalStateException("auth-service answered an unreadable token", unreadable);
        }
    }

    private String stepUpToken(SignedIn person) {
        PortalLogins.Tokens tokens = logins.find(person.handle())
                .orElseThrow(() -> new SessionExpiredException("no tokens for this portal session"));
        if (tokens.stepUpToken() == null || tokens.stepUpExpiresAt() == null
                || !tokens.stepUpExpiresAt().isAfter(clock.instant())) {
            throw new StepUpRequiredException();
        }
        return tokens.stepUpToken();
    }

    /** The browser's device and address go along, so the platform sees the person, not the portal. */
    private static void browser(HttpHeaders headers, String token) {
        if (token != null) {
            headers.setBearerAuth(token);
        }
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            String userAgent = request.getHeader(HttpHeaders.USER_AGENT);
            if (userAgent != null) {
                headers.set(HttpHeaders.USER_AGENT, userAgent.length() > 512 ? userAgent.substring(0, 512)
                        : userAgent);
            }
            headers.set("X-Forwarded-For", request.getRemoteAddr());
        }
    }

    private ApiProblem problem(ClientHttpResponse response, boolean asPerson) throws IOException {
        HttpStatusCode status = response.getStatusCode();
        JsonNode problem = json.createObjectNode();
        byte[] bytes = response.getBody().readAllBytes();
        if (bytes.length > 0) {
            try {
                problem = json.readTree(new String(bytes, StandardCharsets.UTF_8));
            } catch (IOException notJson) {
                // A proxy's page instead of problem+json: the status says enough.
            }
        }
        String type = problem.path("type").asText(null);
        String typeName = type == null ? null : URI.create(type).getPath().replaceAll(".*/", "");
        if (status.value() == 401 && asPerson) {
            throw new SessionExpiredException("the platform refused the person's token");
        }
        if ("step-up-required".equals(typeName)) {
            throw new StepUpRequiredException();
        }
        Map<String, String> fields = new LinkedHashMap<>();
        problem.path("errors").forEach(error -> fields.putIfAbsent(error.path("field").asText(""),
                error.path("message").asText("")));
        String retryAfter = response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER);
        Long wait = null;
        if (retryAfter != null && retryAfter.matches("\\d{1,6}")) {
            wait = Long.parseLong(retryAfter);
        }
        return new ApiProblem(status.value(), typeName, problem.path("detail").asText(null), fields, wait);
    }
}
