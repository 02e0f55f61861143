package dev.atelier.domain.model;

import dev.atelier.domain.error.InvalidInputException;
import java.time.Instant;
import java.util.Objects;

/**
 * A place in a sorted project list: the sort key and id of the last project a client has seen.
 * The next page is the projects that come strictly after it in {@code (key, id)} order, so a page
 * costs a walk of its own length down the sort's index however deep it is, and projects added or
 * removed meanwhile move no item twice onto a page or off every page (unlike an offset).
 *
 * <p>{@code key} has the type of the sort: an {@link Instant} for {@link ProjectSort#CREATED_AT}
 * and {@link ProjectSort#UPDATED_AT}, a {@link String} for {@link ProjectSort#NAME}, an {@link
 * Integer} for {@link ProjectSort#DATASET_COUNT}, and null for the counts every project shares
 * (model and experiment counts are 0 everywhere, so the id alone orders them).
 */
public record ProjectPosition(ProjectSort sort, boolean ascending, Object key, ProjectId id) {

    public ProjectPosition {
        Objects.requireNonNull(sort, "sort");
        Objects.requireNonNull(id, "id");
        Class<?> expected = keyType(sort);
        if (expected == null ? key != null : !expected.isInstance(key)) {
            throw new InvalidInputException("the list position does not fit the sort by " + sort.wire());
        }
    }

    /** The position just after {@code project} in a list sorted by {@code sort}. */
    public static ProjectPosition after(Project project, ProjectSort sort, boolean ascending) {
        Object key = switch (sort) {
            case CREATED_AT -> project.createdAt();
            case UPDATED_AT -> project.updatedAt();
            case NAME -> project.name();
            case DATASET_COUNT -> project.datasetCount();
            case MODEL_COUNT, EXPERIMENT_COUNT -> null;
        };
        return new ProjectPosition(sort, ascending, key, project.id());
    }

    /** The type of the key a sort orders by, or null when only the id orders. */
    public static Class<?> keyType(ProjectSort sort) {
        return switch (sort) {
            case CREATED_AT, UPDATED_AT -> Instant.class;
            case NAME -> String.class;
            case DATASET_COUNT -> Integer.class;
            case MODEL_COUNT, EXPERIMENT_COUNT -> null;
        };
    }
}
