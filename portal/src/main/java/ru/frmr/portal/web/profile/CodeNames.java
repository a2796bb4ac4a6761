package ru.frmr.portal.web.profile;

import java.util.HashSet;
import java.util.Set;

import ru.frmr.portal.api.PlatformUnavailableException;
import ru.frmr.portal.api.ApiProblem;
import ru.frmr.portal.web.Dictionaries;

/**
 * Names of codes for one page: the registry's dictionaries, and the code itself where a dictionary cannot be had
 * right now, so a page of the person's own record still shows rather than failing over a code list. A dictionary
 * that failed is not asked again while this page is built.
 */
final class CodeNames {

    private final Dictionaries dictionaries;
    private final Set<String> unavailable = new HashSet<>();

    CodeNames(Dictionaries dictionaries) {
        this.dictionaries = dictionaries;
    }

    /** The code's name, the code where none is known, null where there is no code. */
    String name(String dictionary, String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        if (unavailable.contains(dictionary)) {
            return code;
        }
        try {
            return dictionaries.name(dictionary, code);
        } catch (ApiProblem | PlatformUnavailableException unavailableNow) {
            unavailable.add(dictionary);
            return code;
        }
    }
}
