package ru.frmr.kit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import ru.frmr.infra.embedded.jwt.BadToken;
import ru.frmr.infra.embedded.jwt.TestJwtIssuer;
import ru.frmr.infra.embedded.jwt.TestToken;
import ru.frmr.kit.openapi.OpenApiCoverage;
import ru.frmr.kit.web.WebProblemsAutoConfiguration;

/** The kit's filter chain in a bare MVC application, with tokens from a test issuer. */
@SpringBootTest(classes = KitSecurityTest.App.class, properties = {"frmr.security.public-paths=/public/**",
        "frmr.security.agency-paths=/webhooks,/things"})
@AutoConfigureMockMvc
class KitSecurityTest {

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("frmr.security.jwks-uri", () -> TestJwtIssuer.shared().jwksUri());
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    private final TestJwtIssuer issuer = TestJwtIssuer.shared();

    @Test
    void aRequestWithoutATokenIsAnUnauthorizedProblemWithABearerChallenge() throws Exception {
        assertProblem(mvc.perform(get("/things")), 401, "unauthorized", "/things")
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer"));
    }

    @ParameterizedTest
    @EnumSource(BadToken.class)
    void everyKindOfBadTokenIsUnauthorized(BadToken kind) throws Exception {
        String token = issuer.mint(kind, TestToken.worker("w-1"));
        assertProblem(mvc.perform(get("/things").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)), 401,
                "unauthorized", "/things")
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\""));
    }

    @Test
    void tokensWithUnknownKeyIdsFetchTheKeySetAtMostOncePerCoolDown() throws Exception {
        mvc.perform(get("/things").header(HttpHeaders.AUTHORIZATION, "Bearer " + issuer.mint(TestToken.worker("w-1"))))
                .andExpect(status().isOk());
        int fetchesBefore = issuer.keySetFetches();

        for (int i = 0; i < 300; i++) {
            String token = issuer.mint(BadToken.UNKNOWN_KEY, TestToken.worker("w-1"));
            mvc.perform(get("/things").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                    .andExpect(status().isUnauthorized());
        }

        assertThat(issuer.keySetFetches() - fetchesBefore).isLessThanOrEqualTo(1);
    }

    @Test
    void aTokenExpiredWithinTheClockSkewIsStillAccepted() throws Exception {
        String token = issuer.mint(TestToken.worker("w-1").expiringAt(Instant.now().minusSeconds(10)));
        mvc.perform(get("/things").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isOk());
    }

    @Test
    void aMalformedAuthorizationHeaderIsUnauthorized() throws Exception {
        assertProblem(mvc.perform(get("/things").header(HttpHeaders.AUTHORIZATION, "Bearer not a token")), 401,
                "unauthorized", "/things");
    }

    @Test
    void aValidTokenReachesTheControllerAsTheCurrentUserAndNamesTheActor() throws Exception {
        TestToken token = TestToken.worker("w-1").withOrgId("org-7");
        MvcResult result = mvc.perform(get("/things").header(HttpHeaders.AUTHORIZATION, bearer(token)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accountId").value(token.subject()))
                .andExpect(jsonPath("$.sessionId").value(token.sessionId()))
                .andExpect(jsonPath("$.roles[0]").value("WORKER"))
                .andExpect(jsonPath("$.workerId").value("w-1"))
                .andExpect(jsonPath("$.orgId").value("org-7"))
                .andExpect(jsonPath("$.actor").value("account:" + token.subject()))
                .andReturn();
        assertThat(result.getRequest().getSession(false)).as("stateless").isNull();
        assertThat(result.getResponse().getHeader(HttpHeaders.SET_COOKIE)).isNull();
    }

    @Test
    void aRoleRuleDeniesOtherRolesWithAForbiddenProblem() throws Exception {
        assertProblem(mvc.perform(get("/admin").header(HttpHeaders.AUTHORIZATION, bearer(TestToken.worker("w-1")))),
                403, "forbidden", "/admin");
        mvc.perform(get("/admin").header(HttpHeaders.AUTHORIZATION, bearer(TestToken.withRoles("REGISTRY_ADMIN"))))
                .andExpect(status().isOk());
    }

    @Test
    void anOwnershipRuleComparesThePathWithTheWorkerIdClaim() throws Exception {
        mvc.perform(get("/workers/w-1").header(HttpHeaders.AUTHORIZATION, bearer(TestToken.worker("w-1"))))
                .andExpect(status().isOk());
        assertProblem(mvc.perform(get("/workers/w-2").header(HttpHeaders.AUTHORIZATION,
                bearer(TestToken.worker("w-1")))), 403, "forbidden", "/workers/w-2");
        assertProblem(mvc.perform(get("/workers/w-1").header(HttpHeaders.AUTHORIZATION,
                bearer(TestToken.withRoles("EMPLOYER_HR").withWorkerId("w-1")))), 403, "forbidden", "/workers/w-1");
    }

    @Test
    void anAgencyClientsScopesAreAuthoritiesBesideItsRole() throws Exception {
        TestToken client = TestToken.agencyClient("cl-abcdefghijklmnop");
        String withScope = issuer.mint(client, Map.of("scope", "registry.read webhooks.manage", "client_id",
                client.subject(), "agency_id", "ag-abcdefghijkl"));
        String otherScope = issuer.mint(client, Map.of("scope", "audit.read"));

        mvc.perform(get("/webhooks").header(HttpHeaders.AUTHORIZATION, "Bearer " + withScope))
                .andExpect(status().isOk());
        assertProblem(mvc.perform(get("/webhooks").header(HttpHeaders.AUTHORIZATION, "Bearer " + otherScope)), 403,
                "forbidden", "/webhooks");
        // The scope alone is not enough: a person's token with a scope claim is no agency's.
        assertProblem(mvc.perform(get("/webhooks").header(HttpHeaders.AUTHORIZATION, "Bearer "
                + issuer.mint(TestToken.withRoles("WORKER"), Map.of("scope", "webhooks.manage")))), 403,
                "forbidden", "/webhooks");
        mvc.perform(get("/things").header(HttpHeaders.AUTHORIZATION, "Bearer " + withScope))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accountId").value(client.subject()))
                .andExpect(jsonPath("$.roles[0]").value("AGENCY"))
                .andExpect(jsonPath("$.agencyId").value("ag-abcdefghijkl"));
        mvc.perform(get("/things").header(HttpHeaders.AUTHORIZATION, bearer(TestToken.worker("w-1"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.agencyId").doesNotExist());
    }

    @Test
    void anAgencyClientIsRefusedOutsideItsServicesAgencyPathsWhereAnyPersonWouldPass() throws Exception {
        String client = issuer.mint(TestToken.agencyClient("cl-abcdefghijklmnop"),
                Map.of("scope", "registry.read webhooks.manage", "client_id", "cl-abcdefghijklmnop"));

        assertProblem(mvc.perform(get("/people-only").header(HttpHeaders.AUTHORIZATION, "Bearer " + client)), 403,
                "forbidden", "/people-only");
        mvc.perform(get("/people-only").header(HttpHeaders.AUTHORIZATION, bearer(TestToken.worker("w-1"))))
                .andExpect(status().isOk());
        mvc.perform(get("/public/ping").header(HttpHeaders.AUTHORIZATION, "Bearer " + client))
                .andExpect(status().isOk());
    }

    @Test
    void theOpenApiCoverageCheckNamesEveryHandlerTheDocumentLacks() throws Exception {
        JsonNode document = new ObjectMapper().readTree("""
                {"openapi":"3.1.0","paths":{"/things":{"get":{}},"/workers/{id}":{"get":{}},"/webhooks":{"post":{}},
                "/public/ping":{"get":{}}}}""");

        assertThat(OpenApiCoverage.missingOperations(handlers, document))
                .containsExactly("GET /admin (Things#admin)", "GET /people-only (Things#peopleOnly)",
                        "GET /webhooks (Things#webhooks)");
    }

    @Test
    void aPublicPathIgnoresAnyTokenEvenAnExpiredOne() throws Exception {
        mvc.perform(get("/public/ping")).andExpect(status().isOk());
        mvc.perform(get("/public/ping").header(HttpHeaders.AUTHORIZATION,
                "Bearer " + issuer.mint(BadToken.EXPIRED, TestToken.worker("w-1")))).andExpect(status().isOk());
    }

    private String bearer(TestToken token) {
        return "Bearer " + issuer.mint(token);
    }

    private static ResultActions assertProblem(ResultActions result, int status, String type, String instance)
            throws Exception {
        return result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://frmr.ru/problems/" + type))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.instance").value(instance));
    }

    @SpringBootConfiguration
    @ImportAutoConfiguration({JacksonAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
            DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class, SecurityAutoConfiguration.class,
            SecurityFilterAutoConfiguration.class, WebProblemsAutoConfiguration.class,
            KitSecurityAutoConfiguration.class})
    @Import(Things.class)
    static class App {

        @Bean
        AuthorizationRules rules() {
            return requests -> requests
                    .requestMatchers("/admin").access(PlatformAccess.anyRole(Roles.REGISTRY_ADMIN))
                    .requestMatchers("/webhooks").access(AuthorizationManagers.allOf(
                            AuthorityAuthorizationManager.hasRole(Roles.AGENCY),
                            AuthorityAuthorizationManager.hasAuthority("SCOPE_webhooks.manage")))
                    .requestMatchers("/workers/{id}").access(PlatformAccess.ownWorkerRecord("id"));
        }
    }

    @RestController
    static class Things {

        @GetMapping("/things")
        Map<String, Object> things(@AuthenticationPrincipal CurrentUser user) {
            Map<String, Object> seen = new HashMap<>();
            seen.put("accountId", user.accountId());
            seen.put("sessionId", user.sessionId());
            seen.put("roles", user.roles());
            seen.put("workerId", user.workerId());
            seen.put("orgId", user.orgId());
            seen.put("actor", new SecurityContextActorResolver().currentActor());
            AgencyClient.current().ifPresent(client -> seen.put("agencyId", client.agencyId()));
            return seen;
        }

        @GetMapping("/admin")
        String admin() {
            return "ok";
        }

        /** Any authenticated caller (the kit's rule for what a service does not list): meant for people. */
        @GetMapping("/people-only")
        String peopleOnly() {
            return "ok";
        }

        @GetMapping("/webhooks")
        String webhooks() {
            return "ok";
        }

        @GetMapping("/workers/{id}")
        String worker(@PathVariable String id) {
            return id;
        }

        @GetMapping("/public/ping")
        String ping() {
            return "pong";
        }
    }
}
