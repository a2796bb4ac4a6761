package ru.frmr.portal.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

import ru.frmr.portal.api.Platform;
import ru.frmr.portal.config.PortalProperties;

/**
 * The registry's dictionaries (specialties, regions, education levels, …) for select lists and for showing a
 * code's name, kept for a while ({@code frmr.portal.dictionaries-kept-for}, ten minutes): they change with a new version of the reference data, not per request.
 */
@Component("dict")
public class Dictionaries {


    /** One entry of a dictionary. */
    public record Item(String code, String name) {
    }

    private record Loaded(List<Item> items, Map<String, String> names, Instant at) {
    }

    private final Platform platform;
    private final Clock clock;
    private final Map<String, Loaded> cache = new ConcurrentHashMap<>();

    private final Duration keep;

    public Dictionaries(Platform platform, Clock clock, PortalProperties properties) {
        this.platform = platform;
        this.clock = clock;
        this.keep = properties.dictionariesKeptFor();
    }

    /** The dictionary's items in its order; the registry's error comes through as it is. */
    public List<Item> items(String dictionary) {
        return load(dictionary).items();
    }

    /** The name of a code, or the code itself when the dictionary does not know it. */
    public String name(String dictionary, Object code) {
        if (code == null) {
            return "—";
        }
        return load(dictionary).names().getOrDefault(code.toString(), code.toString());
    }

    private Loaded load(String dictionary) {
        Loaded loaded = cache.get(dictionary);
        if (loaded != null && loaded.at().plus(keep).isAfter(clock.instant())) {
            return loaded;
        }
        JsonNode answer = platform.anonymous(HttpMethod.GET, "/api/registry/dictionaries/{name}", dictionary).json();
        List<Item> items = new ArrayList<>();
        Map<String, String> names = new LinkedHashMap<>();
        answer.path("items").forEach(item -> {
            Item entry = new Item(item.path("code").asText(), item.path("name").asText());
            items.add(entry);
            names.put(entry.code(), entry.name());
        });
        Loaded fresh = new Loaded(List.copyOf(items), Map.copyOf(names), clock.instant());
        cache.put(dictionary, fresh);
        return fresh;
    }
}
