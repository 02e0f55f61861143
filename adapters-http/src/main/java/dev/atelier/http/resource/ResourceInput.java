package dev.atelier.http.resource;

import dev.atelier.domain.error.InvalidInputException;
import dev.atelier.domain.error.StaleVersionException;
import dev.atelier.domain.model.Project;
import dev.atelier.domain.model.ProjectSort;
import dev.atelier.domain.model.Text;
import io.micronaut.http.multipart.CompletedFileUpload;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How the resource dialect reads what a request gives (query numbers, sort order, body fields,
 * If-Match, uploaded files) and writes a project's ETag: shared by its controllers, so every
 * value is checked the same way and a bad one is a 400 in the dialect's words before a use case
 * runs.
 */
final class ResourceInput {
    static final Set<String> SORT_FIELDS =
            Set.of("created_at", "name", "dataset_count", "model_count", "experiment_count");

    private ResourceInput() {}

    static String etag(Project p) {
        return "\"" + p.version() + "\"";
    }

    /**
     * The version an If-Match header asks for: {@code "3"}, {@code W/"3"} or {@code 3}; {@code *}
     * or no header means no condition. Anything else can never match the current ETag: 412.
     */
    static Optional<Long> expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return Optional.empty();
        }
        String v = ifMatch.strip();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            v = v.substring(1, v.length() - 1);
        }
        try {
            return Optional.of(Long.parseLong(v));
        } catch (NumberFormatException e) {
            throw new StaleVersionException(
                    "If-Match " + Text.clip(ifMatch, 40) + " does not match the project's ETag");
        }
    }

    static long number(String field, String value, long fallback, long min, long max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        long parsed;
        try {
            parsed = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field + " must be an integer between " + min + " and " + max);
        }
        if (parsed < min || parsed > max) {
            throw new InvalidInputException(field + " must be between " + min + " and " + max);
        }
        return parsed;
    }

    static ProjectSort sortField(String value) {
        if (value == null || value.isBlank()) {
            return ProjectSort.CREATED_AT;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (!SORT_FIELDS.contains(v)) {
            throw new InvalidInputException("sort_field must be one of created_at, name, dataset_count, model_count, "
                    + "experiment_count; got '" + Text.clip(value, 40) + "'");
        }
        return ProjectSort.parse(v);
    }

    static boolean ascending(String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "asc" -> true;
            case "desc" -> false;
            default ->
                throw new InvalidInputException(
                        "sort_direction must be asc or desc; got '" + Text.clip(value, 20) + "'");
        };
    }

    /** The body as given; a missing one is a 400 that names the field it must hold. */
    static <T> T object(T body, String required) {
        if (body == null) {
            throw new InvalidInputException("request body must be a JSON object with " + required);
        }
        return body;
    }

    static String requiredName(Object given) {
        String name = string("name", given);
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("name is required and must not be empty");
        }
        return name;
    }

    static String string(String key, Object v) {
        if (v == null || v instanceof String) {
            return (String) v;
        }
        throw new InvalidInputException(key + " must be a string");
    }

    /** An optional JSON object field (metadata, params); anything but an object or null is a 400. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> jsonObject(String key, Object v) {
        if (v == null || v instanceof Map<?, ?>) {
            return (Map<String, Object>) v;
        }
        throw new InvalidInputException(key + " must be a JSON object");
    }

    static byte[] bytes(CompletedFileUpload file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new InvalidInputException("the uploaded file could not be read");
        }
    }
}
