package ru.frmr.portal.web;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import ru.frmr.portal.api.ApiProblem;
import ru.frmr.portal.api.Platform;

/**
 * The start page: signing in, and the public register (no login needed) with its filters and pages. The search
 * form is an ordinary GET form; htmx only swaps the results in place.
 */
@Controller
class HomeController {

    static final int PAGE_SIZE = 20;

    private final Platform platform;
    private final Dictionaries dictionaries;

    HomeController(Platform platform, Dictionaries dictionaries) {
        this.platform = platform;
        this.dictionaries = dictionaries;
    }

    /** What a search asks; every field optional. */
    record Search(String q, String specialty, String region, String status, int page) {

        boolean empty() {
            return blank(q) && blank(specialty) && blank(region) && blank(status);
        }

        String pageLink(int target) {
            UriComponentsBuilder link = UriComponentsBuilder.fromPath("/search");
            if (!blank(q)) link.queryParam("q", q);
            if (!blank(specialty)) link.queryParam("specialty", specialty);
            if (!blank(region)) link.queryParam("region", region);
            if (!blank(status)) link.queryParam("status", status);
            return link.queryParam("page", target).encode().build().toUriString();
        }

        private static boolean blank(String value) {
            return value == null || value.isBlank();
        }
    }

    @GetMapping("/")
    String start(Model model) {
        model.addAttribute("search", new Search(null, null, null, null, 0));
        filters(model);
        return "index";
    }

    @GetMapping("/search")
    String search(@RequestParam(required = false) String q, @RequestParam(required = false) String specialty,
                  @RequestParam(required = false) String region, @RequestParam(required = false) String status,
                  @RequestParam(defaultValue = "0") String page, Model model) {
        int pageNumber = page.matches("\\d{1,4}") ? Integer.parseInt(page) : 0;
        Search search = new Search(trim(q), trim(specialty), trim(region), trim(status), pageNumber);
        model.addAttribute("search", search);
        filters(model);
        try {
            StringBuilder uri = new StringBuilder("/api/registry/public/workers?page={page}&size={size}");
            List<Object> values = new ArrayList<>(List.of(pageNumber, PAGE_SIZE));
            for (String[] filter : new String[][] {{"q", search.q()}, {"specialty", search.specialty()},
                    {"region", search.region()}, {"status", search.status()}}) {
                if (filter[1] != null) {
                    uri.append('&').append(filter[0]).append("={").append(filter[0]).append('}');
                    values.add(filter[1]);
                }
            }
            JsonNode results = platform.anonymous(HttpMethod.GET, uri.toString(), values.toArray()).json();
            model.addAttribute("results", results);
            long total = results.path("total").asLong();
            model.addAttribute("pages", (total + PAGE_SIZE - 1) / PAGE_SIZE);
        } catch (ApiProblem refused) {
            if (refused.status() != 400) {
                throw refused;
            }
            model.addAttribute("searchError", refused.fieldErrors().isEmpty()
                    ? "Проверьте условия поиска." : "Проверьте условия поиска: " + String.join(", ",
                    refused.fieldErrors().keySet().stream().map(HomeController::fieldName).toList()) + ".");
        }
        return "index";
    }

    private void filters(Model model) {
        model.addAttribute("specialties", optional("specialties"));
        model.addAttribute("regions", optional("regions"));
    }

    /** A filter whose dictionary cannot be loaded is left out; the search by name still works. */
    private List<Dictionaries.Item> optional(String dictionary) {
        try {
            return dictionaries.items(dictionary);
        } catch (RuntimeException unavailable) {
            return List.of();
        }
    }

    private static String fieldName(String field) {
        return switch (field) {
            case "q" -> "ФИО";
            case "specialty" -> "специальность";
            case "region" -> "регион";
            case "status" -> "статус";
            default -> "страница";
        };
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
