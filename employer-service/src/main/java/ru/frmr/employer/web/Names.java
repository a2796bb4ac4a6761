package ru.frmr.employer.web;

import java.util.Map;

import org.springframework.stereotype.Component;

import ru.frmr.employer.query.OrganizationCard;
import ru.frmr.employer.query.OrganizationDirectory;
import ru.frmr.employer.reference.EmploymentDictionaries;

/** The names the lists show beside codes and ids. */
@Component
class Names {

    private final EmploymentDictionaries dictionaries;
    private final OrganizationDirectory organizations;

    Names(EmploymentDictionaries dictionaries, OrganizationDirectory organizations) {
        this.dictionaries = dictionaries;
        this.organizations = organizations;
    }

    String position(String code) {
        return dictionaries.positions().nameOf(code).orElse(null);
    }

    String contractKind(String code) {
        return dictionaries.contractKinds().nameOf(code).orElse(null);
    }

    String dismissalReason(String code) {
        return dictionaries.dismissalReasons().nameOf(code).orElse(null);
    }

    /** {id, name} of an organisation; the name is absent if the organisation is not (or no longer) known. */
    OrganizationName organization(String id, Map<String, OrganizationName> cache) {
        return cache.computeIfAbsent(id, key -> new OrganizationName(key,
                organizations.find(key).map(OrganizationCard::name).orElse(null)));
    }

    record OrganizationName(String id, String name) {
    }
}
