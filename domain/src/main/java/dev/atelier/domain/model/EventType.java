package dev.atelier.domain.model;

import java.util.Locale;

/** What happened to a project; the wire form is the lower-case name. */
public enum EventType {
    CREATED,
    CREATED_FROM_CONTEXT,
    UPDATED,
    PARAMS_CHANGED,
    MEMBER_ADDED,
    MEMBER_REMOVED,
    DOCUMENT,
    DATASET,
    EXPORTED,
    IMPORTED,
    COPIED,
    ARCHIVED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EventType fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
