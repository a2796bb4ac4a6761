package ru.frmr.kit.openapi;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Compares a running service's request handlers with its OpenAPI document: every {@code @RequestMapping} handler
 * method (path and HTTP method) must be an operation of the document. Integration tests call it with the context's
 * handler mapping and the document the service serves, and fail listing what is missing. Springdoc's own endpoint
 * and error controllers are not the service's API and are left out.
 */
public final class OpenApiCoverage {

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head",
            "options", "trace");

    private OpenApiCoverage() {
    }

    /**
     * The check an integration test makes: the document at {@code documentUrl} is served without a token, is OpenAPI
     * 3.1 with the platform's two security schemes, and lists every handler of {@code handlers}; an
     * {@link AssertionError} says what is wrong or missing.
     */
    public static void verify(URI documentUrl, RequestMappingHandlerMapping handlers) {
        HttpResponse<String> served;
        try {
            served = HttpClient.newHttpClient().send(HttpRequest.newBuilder(documentUrl)
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("The OpenAPI document at " + documentUrl + " could not be read", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted", e);
        }
        if (served.statusCode() != 200) {
            throw new AssertionError("GET " + documentUrl + " without a token answered " + served.statusCode());
        }
        JsonNode document;
        try {
            document = new ObjectMapper().readTree(served.body());
        } catch (IOException e) {
            throw new AssertionError("The OpenAPI document at " + documentUrl + " is not JSON", e);
        }
        if (!document.path("openapi").asText().startsWith("3.1")) {
            throw new AssertionError("Not OpenAPI 3.1: openapi=" + document.path("openapi").asText());
        }
        JsonNode schemes = document.path("components").path("securitySchemes");
        if (!schemes.has(OpenApiAutoConfiguration.BEARER) || !schemes.has(OpenApiAutoConfiguration.AGENCY_CLIENT)) {
            throw new AssertionError("The security schemes are missing: " + schemes);
        }
        List<String> missing = missingOperations(handlers, document);
        if (!missing.isEmpty()) {
            throw new AssertionError("The OpenAPI document lacks " + missing.size() + " operation(s):\n  "
                    + String.join("\n  ", missing));
        }
    }

    /** {@code "POST /api/x/{id} (Controller#method)"} for each handler the document lacks; empty when it covers all. */
    public static List<String> missingOperations(RequestMappingHandlerMapping handlers, JsonNode document) {
        Map<String, Set<String>> documented = operations(document);
        List<String> missing = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : handlers.getHandlerMethods().entrySet()) {
            HandlerMethod handler = entry.getValue();
            Class<?> type = handler.getBeanType();
            if (type.getName().startsWith("org.springdoc.") || ErrorController.class.isAssignableFrom(type)) {
                continue;
            }
            RequestMappingInfo info = entry.getKey();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                String path = withoutRegexes(pattern);
                Set<String> operations = documented.getOrDefault(path, Set.of());
                String where = " (" + type.getSimpleName() + "#" + handler.getMethod().getName() + ")";
                if (methods.isEmpty()) {
                    if (operations.isEmpty()) {
                        missing.add("ANY " + path + where);
                    }
                    continue;
                }
                for (RequestMethod method : methods) {
                    if (!operations.contains(method.name().toLowerCase(Locale.ROOT))) {
                        missing.add(method + " " + path + where);
                    }
                }
            }
        }
        missing.sort(String::compareTo);
        return missing;
    }

    private static Map<String, Set<String>> operations(JsonNode document) {
        Map<String, Set<String>> operations = new HashMap<>();
        JsonNode paths = document.path("paths");
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            Set<String> methods = new HashSet<>();
            path.getValue().fieldNames().forEachRemaining(name -> {
                if (HTTP_METHODS.contains(name)) {
                    methods.add(name);
                }
            });
            operations.put(path.getKey(), methods);
        }
        return operations;
    }

    /** {@code /workers/{id:[0-9a-f-]{36}}} as the document writes it: {@code /workers/{id}}. */
    static String withoutRegexes(String pattern) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        boolean skipping = false;
        for (char c : pattern.toCharArray()) {
            if (c == '{') {
                depth++;
                if (depth == 1) {
                    out.append(c);
                    continue;
                }
            } else if (c == '}') {
                depth--;
                if (depth == 0) {
                    skipping = false;
                    out.append(c);
                    continue;
                }
            } else if (c == ':' && depth == 1) {
                skipping = true;
                continue;
            }
            if (!skipping) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
