package ru.frmr.registry.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ru.frmr.kit.error.InvalidParameterException;
import ru.frmr.registry.search.PublicRegisterIndex;
import ru.frmr.registry.search.PublicSearchQuery;
import ru.frmr.registry.search.PublicSearchResponse;

/**
 * The public register: anyone may search it, without login, and see approved public fields only
 * (names, specialties, certificate and accreditation status and end dates, employer).
 */
@RestController
@RequestMapping("/api/registry/public/workers")
class PublicRegisterController {

    private final PublicRegisterIndex index;

    PublicRegisterController(PublicRegisterIndex index) {
        this.index = index;
    }

    @GetMapping
    PublicSearchResponse search(@RequestParam(required = false) String q,
                                @RequestParam(required = false) String specialty,
                                @RequestParam(required = false) String region,
                                @RequestParam(required = false) String organization,
                                @RequestParam(required = false) String status,
                                @RequestParam(defaultValue = "0") int page,
                                @RequestParam(defaultValue = "20") int size) {
        PublicSearchQuery query;
        try {
            query = new PublicSearchQuery(q, specialty, region, organization, status, page, size);
        } catch (IllegalArgumentException e) {
            // The query's own bounds name the parameter first: "size must be between 1 and 100".
            String message = e.getMessage() == null ? "is invalid" : e.getMessage();
            int space = message.indexOf(' ');
            String parameter = space > 0 ? message.substring(0, space) : "query";
            throw new InvalidParameterException(parameter, space > 0 ? message.substring(space + 1) : message);
        }
        return PublicSearchResponse.from(index.search(query));
    }
}
