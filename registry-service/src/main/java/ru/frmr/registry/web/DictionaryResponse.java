package ru.frmr.registry.web;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import ru.frmr.registry.reference.DictionaryCatalog;

/** One code list: {@code {"name":"specialties","version":1,"items":[{"code":"31.08.49","name":"Терапия"}]}}. */
public record DictionaryResponse(String name, int version, List<Item> items) {

    static DictionaryResponse of(DictionaryCatalog.Dictionary dictionary) {
        return new DictionaryResponse(dictionary.name(), dictionary.version(), dictionary.items().stream()
                .map(i -> new Item(i.code(), i.name(), i.attributes().isEmpty() ? null : i.attributes())).toList());
    }

    /** @param attributes present only for lists whose entries say more than a code and a name */
    public record Item(String code, String name,
                       @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, String> attributes) {
    }
}
