package ru.frmr.employer.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import ru.frmr.contracts.reference.CodeList;
import ru.frmr.employer.reference.EmploymentDictionaries;

/** The dismissal reasons HR picks from (the grounds of ТК РФ), for any signed-in caller. */
@RestController
class DismissalReasonsController {

    private final EmploymentDictionaries dictionaries;

    DismissalReasonsController(EmploymentDictionaries dictionaries) {
        this.dictionaries = dictionaries;
    }

    record Entry(String code, String name) {
    }

    record DictionaryResponse(String dictionary, int version, List<Entry> entries) {
    }

    @GetMapping("/api/employer/dictionaries/dismissal-reasons")
    DictionaryResponse dismissalReasons() {
        CodeList list = dictionaries.dismissalReasons();
        return new DictionaryResponse(list.name(), list.version(),
                list.names().entrySet().stream().map(e -> new Entry(e.getKey(), e.getValue())).toList());
    }
}
