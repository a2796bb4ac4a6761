package ru.frmr.portal.web.agencies;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;

import ru.frmr.portal.api.ApiProblem;

/** What the agency pages share: identifiers they accept in addresses, refusals shown next to fields, no caching. */
final class AgencyForms {

    /** Errors that belong to no field of the form. */
    static final String GENERAL = "form";
    static final Pattern AGENCY_ID = Pattern.compile("^ag-[a-z0-9]{12}$");
    static final Pattern CLIENT_ID = Pattern.compile("^cl-[A-Za-z0-9]{16}$");
    static final Pattern SUBSCRIPTION_ID = Pattern.compile("^ws-[A-Za-z0-9_-]{1,64}$");
    private static final Pattern CYRILLIC = Pattern.compile(".*\\p{IsCyrillic}.*", Pattern.DOTALL);

    private AgencyForms() {
    }

    static String require(Pattern pattern, String id) {
        if (id == null || !pattern.matcher(id).matches()) {
            throw new ApiProblem(404, "not-found", null, Map.of(), null);
        }
        return id;
    }

    static boolean refusedInput(ApiProblem refused) {
        return refused.status() == 400 || refused.status() == 409 || refused.status() == 422;
    }

    /**
     * The API's field errors as the form's: {@code fields} maps the API's field name to the form's element id and
     * the Russian words for a refusal whose message is not Russian; what names no field of the form goes to
     * {@link #GENERAL}.
     */
    static Map<String, String> toFields(ApiProblem refused, Map<String, String[]> fields, String general) {
        Map<String, String> errors = new LinkedHashMap<>();
        refused.fieldErrors().forEach((field, message) -> {
            String name = field.replaceAll("\\[\\d+]", "");
            name = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
            String[] target = fields.get(name);
            if (target == null) {
                errors.putIfAbsent(GENERAL, general);
            } else {
                errors.putIfAbsent(target[0], message != null && CYRILLIC.matcher(message).matches() ? message
                        : target[1]);
            }
        });
        if (errors.isEmpty()) {
            errors.put(GENERAL, refused.detail() != null && CYRILLIC.matcher(refused.detail()).matches()
                    ? refused.detail() : general);
        }
        return errors;
    }

    /**
     * A page with a secret shown once: no cache (the browser's, a proxy's) keeps it, and the back button does not
     * bring it back from a cache either.
     */
    static void noStore(HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader(HttpHeaders.PRAGMA, "no-cache");
        response.setHeader(HttpHeaders.EXPIRES, "0");
    }
}
