package ru.frmr.auth.oidc;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.text.ParseException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.springframework.http.HttpStatus;

import ru.frmr.auth.identity.AuthorizationRequest;
import ru.frmr.auth.identity.IdentifiedPerson;
import ru.frmr.auth.identity.IdentityProvider;
import ru.frmr.auth.identity.IdentityProviderException;
import ru.frmr.auth.identity.ProviderExchange;
import ru.frmr.auth.identity.QueryString;
import ru.frmr.contracts.auth.LoginMethod;

/**
 * A generic OpenID Connect provider: discovery document, authorization code flow with PKCE (S256) and
 * a nonce, ID token checked against the provider's JWKS (nimbus), person claims from the ID token and
 * userinfo. Kept behind the same port as ESIA so that ESIA's OIDC successor can replace it by config.
 */
public class OidcIdentityProvider implements IdentityProvider {

    static final String ID = "oidc";
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.PS256,
            JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.RS512);

    private final OidcProperties properties;
    private final HttpClient http;
    private final ObjectMapper json;
    private volatile OidcDiscovery discovery;
    private volatile DefaultJWTProcessor<SecurityContext> idTokens;

    public OidcIdentityProvider(OidcProperties properties, HttpClient http, ObjectMapper json) {
        this.properties = properties;
        this.http = http;
        this.json = json;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public LoginMethod method() {
        return LoginMethod.OIDC;
    }

    @Override
    public AuthorizationRequest authorize() {
        OidcDiscovery provider = discovery();
        String state = UUID.randomUUID().toString();
        String verifier = Pkce.randomToken();
        String nonce = Pkce.randomToken();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", properties.clientId());
        query.put("redirect_uri", properties.redirectUri().toString());
        query.put("scope", properties.scopes());
        query.put("state", state);
        query.put("nonce", nonce);
        query.put("code_challenge", Pkce.challenge(verifier));
        query.put("code_challenge_method", "S256");
        URI url = URI.create(provider.authorizationEndpoint() + "?" + QueryString.of(query));
        return new AuthorizationRequest(url, state, Map.of("code_verifier", verifier, "nonce", nonce));
    }

    @Override
    public IdentifiedPerson complete(AuthorizationRequest request, Map<String, String> callback) {
        if (callback.containsKey("error")) {
            throw error(callback.get("error"));
        }
        String code = callback.get("code");
        if (code == null || code.isBlank() || code.length() > 4096) {
            throw new IdentityProviderException(HttpStatus.BAD_REQUEST, "validation",
                    "The callback carries no authorization code.", null);
        }
        OidcDiscovery provider = discovery();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", properties.redirectUri().toString());
        form.put("client_id", properties.clientId());
        form.put("client_secret", properties.clientSecret());
        form.put("code_verifier", request.secrets().get("code_verifier"));
        JsonNode tokens = send(HttpRequest.newBuilder(provider.tokenEndpoint())
                .timeout(properties.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(QueryString.of(form))).build());
        JWTClaimsSet idToken = verifyIdToken(tokens.path("id_token").asText(null), request.secrets().get("nonce"));
        Map<String, Object> claims = new LinkedHashMap<>(idToken.getClaims());
        String accessToken = tokens.path("access_token").asText(null);
        if (provider.userinfoEndpoint() != null && accessToken != null) {
            JsonNode userinfo = send(HttpRequest.newBuilder(provider.userinfoEndpoint())
                    .timeout(properties.timeout()).header("Authorization", "Bearer " + accessToken).GET().build());
            if (!idToken.getSubject().equals(userinfo.path("sub").asText())) {
                throw invalid("userinfo describes another subject");
            }
            userinfo.fields().forEachRemaining(f -> claims.putIfAbsent(f.getKey(), json.convertValue(f.getValue(),
                    Object.class)));
        }
        return person(idToken.getSubject(), claims);
    }

    @Override
    public Optional<URI> logoutUrl(URI returnTo) {
        URI endSession = discovery().endSessionEndpoint();
        return endSession == null ? Optional.empty() : Optional.of(URI.create(endSession + "?" + QueryString.of(
                Map.of("client_id", properties.clientId(), "post_logout_redirect_uri", returnTo.toString()))));
    }

    private JWTClaimsSet verifyIdToken(String idToken, String nonce) {
        if (idToken == null) {
            throw invalid("the token answer has no ID token");
        }
        try {
            JWTClaimsSet claims = idTokenProcessor().process(idToken, null);
            if (nonce == null || !nonce.equals(claims.getStringClaim("nonce"))) {
                throw invalid("the ID token carries another nonce");
            }
            return claims;
        } catch (ParseException | BadJOSEException | JOSEException e) {
            throw invalid("the ID token does not verify");
        }
    }

    private DefaultJWTProcessor<SecurityContext> idTokenProcessor() {
        if (idTokens == null) {
            synchronized (this) {
                if (idTokens == null) {
                    OidcDiscovery provider = discovery();
                    JWKSource<SecurityContext> keys;
                    try {
                        keys = JWKSourceBuilder.create(provider.jwksUri().toURL()).retrying(true).build();
                    } catch (MalformedURLException e) {
                        throw invalid("the JWKS address is malformed");
                    }
                    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
                    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
                    processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(properties.clientId(),
                            new JWTClaimsSet.Builder().issuer(provider.issuer()).build(),
                            new HashSet<>(List.of("sub", "iat", "exp"))));
                    idTokens = processor;
                }
            }
        }
        return idTokens;
    }

    private OidcDiscovery discovery() {
        if (discovery == null) {
            URI location = URI.create(properties.issuer().toString().replaceAll("/$", "")
                    + "/.well-known/openid-configuration");
            OidcDiscovery found = OidcDiscovery.from(send(HttpRequest.newBuilder(location)
                    .timeout(properties.timeout()).GET().build()));
            if (!found.isComplete() || !found.issuer().equals(properties.issuer().toString())) {
                throw invalid("the discovery document does not describe the configured issuer");
            }
            discovery = found;
        }
        return discovery;
    }

    private IdentifiedPerson person(String subject, Map<String, Object> claims) {
        String snils = string(claims, properties.snilsClaim());
        snils = snils == null ? "" : snils.replaceAll("\\D", "");
        if (snils.length() != 11) {
            throw invalid("the person has no СНИЛС");
        }
        LocalDate birthDate;
        try {
            birthDate = LocalDate.parse(String.valueOf(claims.get("birthdate")));
        } catch (DateTimeParseException e) {
            throw invalid("the person's birth date is missing or malformed");
        }
        String gender = switch (String.valueOf(claims.get("gender")).toLowerCase()) {
            case "male", "m" -> "M";
            case "female", "f" -> "F";
            default -> null;
        };
        String email = Boolean.TRUE.equals(claims.get("email_verified")) ? string(claims, "email") : null;
        String mobile = Boolean.TRUE.equals(claims.get("phone_number_verified")) ? string(claims, "phone_number")
                : null;
        return new IdentifiedPerson(subject, string(claims, "family_name"), string(claims, "given_name"),
                string(claims, "middle_name"), birthDate, gender, snils, email, mobile, true, List.of());
    }

    private JsonNode send(HttpRequest request) {
        ProviderExchange.Answer answer = ProviderExchange.send(http, json, request, "The identity provider");
        JsonNode body = answer.body();
        if (body != null && body.hasNonNull("error")) {
            throw error(body.path("error").asText());
        }
        if (answer.status() != 200 || body == null || !body.isObject()) {
            throw invalid("HTTP " + answer.status() + " from " + request.uri().getPath());
        }
        return body;
    }

    private static IdentityProviderException error(String error) {
        String code = error == null || !error.matches("[a-z_]{1,40}") ? null : error;
        if ("invalid_grant".equals(code)) {
            return new IdentityProviderException(HttpStatus.BAD_REQUEST, "invalid-grant",
                    "The authorization code is invalid, expired or already used; start the login again.", code);
        }
        if ("access_denied".equals(code)) {
            return new IdentityProviderException(HttpStatus.FORBIDDEN, "login-cancelled",
                    "The login was cancelled at the identity provider.", code);
        }
        return new IdentityProviderException(HttpStatus.BAD_GATEWAY, "identity-provider-error",
                "The identity provider answered with an error.", code);
    }

    private static IdentityProviderException invalid(String why) {
        return new IdentityProviderException(HttpStatus.BAD_GATEWAY, "identity-provider-error",
                "The identity provider's answer did not check out: " + why + ".", null);
    }

    private static String string(Map<String, Object> claims, String name) {
        Object value = claims.get(name);
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }
}
