package dev.atelier.domain.model;

import dev.atelier.domain.error.InvalidInputException;
import java.util.Locale;

/** The fields a project list can be ordered by. Ties are always broken by id, so pages are stable. */
public enum ProjectSort {
    CREATED_AT,
    NAME,
    UPDATED_AT,
    DATASET_COUNT,
    MODEL_COUNT,
    EXPERIMENT_COUNT;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ProjectSort parse(String value) {
        if (value == null || value.isBlank()) {
            return CREATED_AT;
        }
        for (ProjectSort s : values()) {
            if (s.wire().equals(value.trim().toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new InvalidInputException("sort_field must be one of created_at, name, updated_at, dataset_count, "
                + "model_count, experiment_count; got '" + Text.clip(value, 40) + "'");
    }
}
