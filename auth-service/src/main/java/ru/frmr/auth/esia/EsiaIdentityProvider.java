package ru.frmr.auth.esia;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpStatus;

import ru.frmr.auth.api.IdentityDocument;
import ru.frmr.auth.identity.AuthorizationRequest;
import ru.frmr.auth.identity.IdentifiedPerson;
import ru.frmr.auth.identity.IdentityProvider;
import ru.frmr.auth.identity.IdentityProviderException;
import ru.frmr.auth.identity.OrganisationRole;
import ru.frmr.auth.identity.ProviderExchange;
import ru.frmr.auth.identity.QueryString;
import ru.frmr.contracts.auth.LoginMethod;

/**
 * The ESIA client: authorization request with a GOST-signed {@code client_secret}, code exchange at
 * {@code /aas/oauth2/v3/te}, token check, and the person (with ИНН and citizenship), contacts, identity
 * documents and organisation roles from the REST API. ESIA's tokens live only inside {@link #complete} and are never logged or stored.
 */
public class EsiaIdentityProvider implements IdentityProvider {

    static final String ID = "esia";
    private static final DateTimeFormatter ESIA_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final List<String> IDENTITY_DOCUMENT_TYPES = List.of("RF_PASSPORT", "FID_DOC");

    private final EsiaProperties properties;
    private final EsiaCredentials credentials;
    private final EsiaTokenValidator validator;
    private final HttpClient http;
    private final ObjectMapper json;
    private final Clock clock;

    public EsiaIdentityProvider(EsiaProperties properties, HttpClient http, ObjectMapper json, Clock clock) {
        this(properties, EsiaCredentials.load(properties), http, json, clock);
    }

    EsiaIdentityProvider(EsiaProperties properties, EsiaCredentials credentials, HttpClient http, ObjectMapper json,
                         Clock clock) {
        this.properties = properties;
        this.credentials = credentials;
        this.validator = new EsiaTokenValidator(credentials.esiaKey(), properties.tokenIssuer(),
                properties.clientId(), properties.clockSkew());
        this.http = http;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public LoginMethod method() {
        return LoginMethod.ESIA;
    }

    @Override
    public AuthorizationRequest authorize() {
        String state = UUID.randomUUID().toString();
        String timestamp = EsiaClientSecret.timestamp(clock.instant(), clock.getZone());
        String redirectUri = properties.redirectUri().toString();
        String secret = EsiaClientSecret.sign(credentials.clientKey(), EsiaClientSecret.signedString(
                properties.clientId(), properties.scopes(), "", timestamp, state, redirectUri, null));
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", properties.clientId());
        query.put("client_certificate_hash", credentials.certificateHash());
        query.put("client_secret", secret);
        query.put("redirect_uri", redirectUri);
        query.put("scope", properties.scopes());
        query.put("response_type", "code");
        query.put("access_type", "online");
        query.put("state", state);
        query.put("timestamp", timestamp);
        URI url = URI.create(properties.baseUrl() + "/aas/oauth2/v2/ac?" + QueryString.of(query));
        return new AuthorizationRequest(url, state, Map.of());
    }

    @Override
    public IdentifiedPerson complete(AuthorizationRequest request, Map<String, String> callback) {
        if (callback.containsKey("error")) {
            throw EsiaErrors.from(callback.get("error"), callback.get("error_description"));
        }
        String code = callback.get("code");
        if (code == null || code.isBlank() || code.length() > 4096) {
            throw new IdentityProviderException(HttpStatus.BAD_REQUEST, "validation",
                    "The callback carries no authorization code.", null);
        }
        String accessToken = exchange(code);
        String oid = validator.validate(accessToken, clock.instant());
        return person(oid, accessToken);
    }

    @Override
    public Optional<URI> logoutUrl(URI returnTo) {
        return Optional.of(URI.create(properties.baseUrl() + "/idp/ext/Logout?" + QueryString.of(
                Map.of("client_id", properties.clientId(), "redirect_url", returnTo.toString()))));
    }

    /** The token call, with a new {@code state} that the answer must repeat. */
    private String exchange(String code) {
        String state = UUID.randomUUID().toString();
        String timestamp = EsiaClientSecret.timestamp(clock.instant(), clock.getZone());
        String redirectUri = properties.redirectUri().toString();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", properties.clientId());
        form.put("code", code);
        form.put("grant_type", "authorization_code");
        form.put("client_certificate_hash", credentials.certificateHash());
        form.put("client_secret", EsiaClientSecret.sign(credentials.clientKey(), EsiaClientSecret.signedString(
                properties.clientId(), properties.scopes(), "", timestamp, state, redirectUri, code)));
        form.put("state", state);
        form.put("redirect_uri", redirectUri);
        form.put("scope", properties.scopes());
        form.put("timestamp", timestamp);
        form.put("token_type", "Bearer");
        HttpRequest post = HttpRequest.newBuilder(URI.create(properties.baseUrl() + "/aas/oauth2/v3/te"))
                .timeout(properties.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(QueryString.of(form)))
                .build();
        JsonNode answer = send(post);
        if (!state.equals(answer.path("state").asText(null))) {
            throw EsiaErrors.invalidAnswer("the token answer carries another state");
        }
        String accessToken = answer.path("access_token").asText(null);
        if (accessToken == null) {
            throw EsiaErrors.invalidAnswer("the token answer has no access token");
        }
        return accessToken;
    }

    private IdentifiedPerson person(String oid, String accessToken) {
        String base = properties.baseUrl() + "/rs/prns/" + oid;
        JsonNode person = get(base, accessToken);
        JsonNode contacts = get(base + "/ctts?embed=(elements)", accessToken);
        JsonNode documents = get(base + "/docs?embed=(elements)", accessToken);
        JsonNode roles = get(base + "/roles", accessToken);
        String snils = person.path("snils").asText("").replaceAll("\\D", "");
        if (snils.length() != 11) {
            throw EsiaErrors.invalidAnswer("the person has no СНИЛС");
        }
        LocalDate birthDate;
        try {
            birthDate = LocalDate.parse(person.path("birthDate").asText(""), ESIA_DATE);
        } catch (DateTimeParseException e) {
            throw EsiaErrors.invalidAnswer("the person's birth date is malformed");
        }
        String gender = switch (person.path("gender").asText("").toUpperCase()) {
            case "M", "MALE" -> "M";
            case "F", "FEMALE" -> "F";
            default -> null;
        };
        return new IdentifiedPerson(oid, text(person, "lastName"), text(person, "firstName"),
                text(person, "middleName"), birthDate, gender, snils, verifiedContact(contacts, "EML"),
                verifiedContact(contacts, "MBT"), person.path("trusted").asBoolean(false), organisations(roles),
                inn(person), citizenship(person), identityDocument(documents));
    }

    /** ESIA has an ИНН only for people the tax service confirmed: absent is normal, never a reason to refuse. */
    private static String inn(JsonNode person) {
        String inn = person.path("inn").asText("").strip();
        return inn.matches("\\d{12}") ? inn : null;
    }

    private static String citizenship(JsonNode person) {
        String code = person.path("citizenship").asText("").strip().toUpperCase(Locale.ROOT);
        return code.matches("[A-Z]{3}") ? code : null;
    }

    /**
     * The verified Russian passport, else a verified foreign identity document; ESIA's other documents (driving
     * licence, military ID, ...) are not identity documents for the register.
     */
    private static IdentityDocument identityDocument(JsonNode documents) {
        for (String type : IDENTITY_DOCUMENT_TYPES) {
            for (JsonNode d : documents.path("elements")) {
                String number = text(d, "number");
                if (type.equals(d.path("type").asText()) && "VERIFIED".equals(d.path("vrfStu").asText())
                        && number != null) {
                    return new IdentityDocument(type, text(d, "series"), number, issueDate(d), text(d, "issuedBy"),
                            text(d, "issueId"));
                }
            }
        }
        return null;
    }

    private static LocalDate issueDate(JsonNode document) {
        try {
            String date = text(document, "issueDate");
            return date == null ? null : LocalDate.parse(date, ESIA_DATE);
        } catch (DateTimeParseException e) {
            return null; // the document stays usable without it; the registry shows no date
        }
    }

    private static String verifiedContact(JsonNode contacts, String type) {
        for (JsonNode c : contacts.path("elements")) {
            if (type.equals(c.path("type").asText()) && "VERIFIED".equals(c.path("vrfStu").asText())) {
                return text(c, "value");
            }
        }
        return null;
    }

    private static List<OrganisationRole> organisations(JsonNode roles) {
        List<OrganisationRole> result = new ArrayList<>();
        for (JsonNode r : roles.path("elements")) {
            String oid = r.path("oid").asText("");
            if (!oid.isBlank()) {
                result.add(new OrganisationRole(oid, text(r, "fullName"), text(r, "ogrn"),
                        r.path("chief").asBoolean(false), r.path("admin").asBoolean(false),
                        r.path("active").asBoolean(false)));
            }
        }
        return result;
    }

    private JsonNode get(String url, String accessToken) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .timeout(properties.timeout())
                .header("Authorization", "Bearer " + accessToken)
                .header("Accept", "application/json")
                .GET()
                .build());
    }

    /** ESIA's JSON answer; its errors come as JSON too ({@code error}, {@code error_description}). */
    private JsonNode send(HttpRequest request) {
        ProviderExchange.Answer answer = ProviderExchange.send(http, json, request, "ESIA");
        JsonNode body = answer.body();
        if (body != null && body.hasNonNull("error")) {
            throw EsiaErrors.from(body.path("error").asText(), body.path("error_description").asText(null));
        }
        if (answer.status() != 200 || body == null || !body.isObject()) {
            throw EsiaErrors.invalidAnswer("HTTP " + answer.status() + " from " + request.uri().getPath()
                    .replaceAll("/\\d+", "/{oid}"));
        }
        return body;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText().strip();
    }
}
