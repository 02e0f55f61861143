package dev.atelier.domain.model;

import java.util.List;

/** One page of a longer list, with the total number of items across all pages. */
public record Page<T>(List<T> items, long total, int limit, long offset) {
    public Page {
        items = List.copyOf(items);
    }
}
