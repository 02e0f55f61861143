package dev.atelier.domain.model;

import dev.atelier.domain.error.InvalidInputException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of a project's append-only parameter history. Versions count 0, 1, 2, … without gaps;
 * the current params are the last entry.
 */
public record ParamVersion(int version, Map<String, Object> params, String instruction, Instant createdAt) {
    public ParamVersion {
        if (version < 0) {
            throw new IllegalArgumentException("version must not be negative");
        }
        Objects.requireNonNull(createdAt, "createdAt");
        params = JsonObjects.object("params", params);
        instruction = Text.optional("instruction", instruction, Text.MAX_DESCRIPTION);
    }

    public static ParamVersion initial(Map<String, Object> params, String instruction, Instant now) {
        return new ParamVersion(0, params, instruction, now);
    }

    /**
     * The next version. With {@code patch} it starts from this version's params and the given
     * top-level fields replace theirs (no deep merge); without it, it holds only the given params.
     * An absent instruction is kept from this version when patching.
     */
    public ParamVersion next(Map<String, Object> given, String givenInstruction, boolean patch, Instant now) {
        if (given == null) {
            throw new InvalidInputException("params must be an object");
        }
        Map<String, Object> merged = new LinkedHashMap<>();
        if (patch) {
            merged.putAll(params);
        }
        merged.putAll(given);
        String newInstruction = givenInstruction != null ? givenInstruction : (patch ? instruction : null);
        return new ParamVersion(version + 1, merged, newInstruction, now);
    }
}
