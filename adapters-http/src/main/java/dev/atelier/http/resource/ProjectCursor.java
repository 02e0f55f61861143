package dev.atelier.http.resource;

import dev.atelier.domain.error.InvalidInputException;
import dev.atelier.domain.model.Ids;
import dev.atelier.domain.model.ProjectId;
import dev.atelier.domain.model.ProjectPosition;
import dev.atelier.domain.model.ProjectSort;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The wire form of a list position: the {@code cursor} a client sends and the {@code next_cursor}
 * the list answers. It is opaque to clients: base64url of {@code p1|<sort>|<a|d>|<id>|<key>} and
 * a check of that text, so a cursor that was cut, edited or made up by hand is refused (400)
 * rather than silently starting somewhere else. The check is not a secret: a client that forges a
 * valid cursor only moves its own place in the list of projects it may see anyway.
 */
final class ProjectCursor {
    private static final String VERSION = "p1";
    private static final int CHECK_BYTES = 8;
    /** Far above any real cursor (a 200-character name, an id, a timestamp). */
    private static final int MAX_LENGTH = 2_000;

    private ProjectCursor() {}

    static String encode(ProjectPosition position) {
        String key = switch (position.key()) {
            case null -> "";
            case Instant instant -> instant.toString();
            case Integer number -> number.toString();
            case String text -> text;
            default -> throw new IllegalStateException("unexpected position key " + position.key());
        };
        String payload = VERSION
                + '|'
                + position.sort().wire()
                + '|'
                + (position.ascending() ? 'a' : 'd')
                + '|'
                + position.id().value()
                + '|'
                + key;
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((payload + '|' + check(payload)).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The position a cursor names, for a list sorted by {@code sort} in that direction.
     *
     * @throws InvalidInputException for anything this server did not issue, or a cursor of
     *     another sort order
     */
    static ProjectPosition decode(String cursor, ProjectSort sort, boolean ascending) {
        String text = decodeText(cursor);
        int checkAt = text.lastIndexOf('|');
        if (checkAt < 0 || !check(text.substring(0, checkAt)).equals(text.substring(checkAt + 1))) {
            throw malformed();
        }
        String[] parts = text.substring(0, checkAt).split("\\|", 5);
        if (parts.length != 5 || !parts[0].equals(VERSION) || !Ids.isValid(parts[3])) {
            throw malformed();
        }
        ProjectSort issuedFor;
        try {
            issuedFor = ProjectSort.parse(parts[1]);
        } catch (InvalidInputException e) {
            throw malformed();
        }
        boolean issuedAscending = parts[2].equals("a");
        if (!issuedAscending && !parts[2].equals("d")) {
            throw malformed();
        }
        if (issuedFor != sort || issuedAscending != ascending) {
            throw new InvalidInputException("cursor belongs to the list sorted by sort_field=" + issuedFor.wire()
                    + " sort_direction=" + (issuedAscending ? "asc" : "desc")
                    + "; ask with that order, or start again without a cursor");
        }
        Object key;
        try {
            key = switch (sort) {
                case CREATED_AT, UPDATED_AT -> Instant.parse(parts[4]);
                case NAME -> parts[4];
                case DATASET_COUNT -> Integer.valueOf(parts[4]);
                case MODEL_COUNT, EXPERIMENT_COUNT -> {
                    if (!parts[4].isEmpty()) {
                        throw malformed();
                    }
                    yield null;
                }
            };
        } catch (DateTimeException | NumberFormatException e) {
            throw malformed();
        }
        return new ProjectPosition(sort, ascending, key, new ProjectId(parts[3]));
    }

    private static String decodeText(String cursor) {
        if (cursor.length() > MAX_LENGTH) {
            throw malformed();
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(cursor.strip());
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (IllegalArgumentException | java.nio.charset.CharacterCodingException e) {
            throw malformed();
        }
    }

    private static String check(String payload) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(payload.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, CHECK_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static InvalidInputException malformed() {
        return new InvalidInputException(
                "cursor is not one this server gave out: pass next_cursor of the previous page unchanged");
    }
}
