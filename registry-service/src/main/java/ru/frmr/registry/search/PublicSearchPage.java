package ru.frmr.registry.search;

import java.util.List;

/** One page of public register hits; {@code total} counts all matches, not just this page. */
public record PublicSearchPage(List<PublicWorkerDocument> items, long total, int page, int size) {

    public PublicSearchPage {
        items = List.copyOf(items);
    }
}
