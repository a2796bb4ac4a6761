package ru.frmr.registry.web;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Pattern;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import ru.frmr.kit.error.NotFoundException;
import ru.frmr.registry.reference.DictionaryCatalog;

/**
 * The code lists the cabinet's forms offer as select lists, to anyone without login: they hold no personal data.
 * An edition never changes once released, so answers may be cached for an hour and revalidated by their entity tag
 * ({@code If-None-Match} answers 304); a deployment with a new edition changes the tag.
 */
@RestController
@RequestMapping("/api/registry/dictionaries")
class DictionaryController {

    private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofHours(1)).cachePublic();

    private final DictionaryCatalog catalog;
    private final DictionaryIndexResponse index;
    private final String indexTag;

    DictionaryController(DictionaryCatalog catalog) {
        this.catalog = catalog;
        this.index = new DictionaryIndexResponse(catalog.all().stream()
                .map(d -> new DictionaryIndexResponse.Edition(d.name(), d.version())).toList());
        this.indexTag = "index-" + Integer.toHexString(catalog.all().stream().map(DictionaryCatalog.Dictionary::tag)
                .toList().hashCode());
    }

    @GetMapping
    ResponseEntity<DictionaryIndexResponse> index() {
        return ResponseEntity.ok().cacheControl(CACHE).eTag(indexTag).body(index);
    }

    @GetMapping("/{name}")
    ResponseEntity<DictionaryResponse> dictionary(
            @PathVariable @Pattern(regexp = "^[a-z][a-z-]{0,63}$", message = "must be a dictionary name") String name) {
        DictionaryCatalog.Dictionary dictionary = catalog.byName(name)
                .orElseThrow(() -> new NotFoundException("No dictionary of this name."));
        return ResponseEntity.ok().cacheControl(CACHE).eTag(dictionary.tag()).body(DictionaryResponse.of(dictionary));
    }

    /** What {@code GET /api/registry/dictionaries} answers. */
    record DictionaryIndexResponse(List<Edition> dictionaries) {

        record Edition(String name, int version) {
        }
    }
}
