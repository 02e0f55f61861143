package dev.atelier.domain.model;

import java.util.List;

/**
 * One page of a longer list, with the total number of items across all pages. {@code totalExact}
 * false means {@code total} is a lower bound: the store stopped counting there (project searches
 * count at most {@link ProjectQuery#countLimit()} matches). Even then {@code offset + items < total}
 * holds exactly when more items follow, so paging "while offset &lt; total" visits everything.
 * {@code more} says whether items follow this page; a page read after a {@link ProjectPosition}
 * (whose offset says nothing about the place in the list) sets it from what the store found.
 */
public record Page<T>(List<T> items, long total, int limit, long offset, boolean totalExact, boolean more) {
    public Page {
        items = List.copyOf(items);
    }

    /** A page whose following items are known from its offset and total. */
    public Page(List<T> items, long total, int limit, long offset, boolean totalExact) {
        this(items, total, limit, offset, totalExact, offset + items.size() < total);
    }

    /** A page whose total is exact. */
    public Page(List<T> items, long total, int limit, long offset) {
        this(items, total, limit, offset, true);
    }
}
