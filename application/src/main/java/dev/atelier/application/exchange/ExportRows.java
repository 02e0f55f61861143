package dev.atelier.application.exchange;

import dev.atelier.domain.error.InvalidInputException;
import dev.atelier.domain.model.Document;
import dev.atelier.domain.model.EventType;
import dev.atelier.domain.model.LabelingOptions;
import dev.atelier.domain.model.ParamVersion;
import dev.atelier.domain.model.ProjectId;
import dev.atelier.domain.model.ProjectStatus;
import dev.atelier.domain.model.Role;
import dev.atelier.domain.model.Scope;
import dev.atelier.domain.model.Text;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/**
 * The rows of a project export, read and checked one at a time: each parser checks a row's types,
 * sizes and formats and returns what the import needs of it. Shared by the validation pass
 * ({@link ImportValidator}) and the write pass ({@link ImportWriter}), which read the same rows.
 */
final class ExportRows {
    static final int MAX_ID = 200;
    private static final int MAX_SHORT = 200;

    private ExportRows() {}

    record ProjectRow(
            String id,
            String name,
            String description,
            Map<String, Object> metadata,
            String type,
            ProjectStatus status,
            Scope scope,
            String ownerId,
            String ownerEmail,
            LabelingOptions labeling,
            Instant createdAt) {}

    static ProjectRow projectRow(Row row) {
        String id = row.string("id", true, MAX_ID);
        String name = row.name("name");
        String description = row.text("description", Text.MAX_DESCRIPTION);
        Map<String, Object> metadata = row.object("metadata");
        String type = row.text("type", Text.MAX_TYPE);
        ProjectStatus status = enumValue(row, "status", () -> ProjectStatus.parse(row.string("status", false, 40)));
        Scope scope = enumValue(row, "scope", () -> Scope.parse(row.string("scope", false, 40)));
        String ownerId = row.string("owner_id", false, MAX_ID);
        String ownerEmail = row.string("owner_email", false, 320);
        Map<?, ?> l = row.nested("labeling");
        Row labeling = Row.of(l, row.column("labeling"));
        LabelingOptions options = enumValue(
                row,
                "labeling",
                () -> new LabelingOptions(
                        labeling.bool("rapid", false),
                        labeling.bool("studio", false),
                        labeling.string("pipeline", false, Text.MAX_TYPE),
                        labeling.integer("consensus_attempts", false, 0, 1000) == null
                                ? null
                                : labeling.integer("consensus_attempts", false, 0, 1000)
                                        .intValue(),
                        labeling.string("dataset_id", false, Text.MAX_NAME),
                        Boolean.TRUE.equals(labeling.bool("pinned", false))));
        row.integer("dataset_count", false, 0, Integer.MAX_VALUE);
        Instant createdAt = row.instant("created_at", false);
        row.instant("updated_at", false);
        return new ProjectRow(
                id, name, description, metadata, type, status, scope, ownerId, ownerEmail, options, createdAt);
    }

    record ParamRow(String projectId, ParamVersion version) {}

    static ParamRow paramRow(Row row) {
        String projectId = row.string("project_id", true, MAX_ID);
        int version = row.integer("version", true, 0, Integer.MAX_VALUE).intValue();
        Map<String, Object> values = row.object("params");
        String instruction = row.text("instruction", Text.MAX_DESCRIPTION);
        Instant createdAt = row.instant("created_at", true);
        return new ParamRow(projectId, new ParamVersion(version, values, instruction, createdAt));
    }

    record MemberRow(String projectId, String userId, String email, Role role, Instant createdAt) {}

    static MemberRow memberRow(Row row) {
        String projectId = row.string("project_id", true, MAX_ID);
        String userId = row.string("user_id", false, MAX_ID);
        String email = row.string("email", true, 320);
        if (!email.contains("@")) {
            throw row.invalid("email", "must be an email address");
        }
        row.text("name", Text.MAX_NAME);
        String roleText = row.string("role", true, 40);
        Role role = enumValue(row, "role", () -> Role.parse(roleText, Role.VIEWER));
        Instant createdAt = row.instant("created_at", true);
        return new MemberRow(projectId, userId, email, role, createdAt);
    }

    record DocumentRow(String projectId, Document document) {}

    static DocumentRow documentRow(Row row) {
        row.string("id", false, MAX_ID);
        String projectId = row.string("project_id", true, MAX_ID);
        String filename = row.string("filename", true, 1000);
        String mediaType = row.string("media_type", true, MAX_SHORT);
        long size = row.integer("size_bytes", true, 0, ExportFormat.MAX_DOCUMENT_BYTES);
        String sha256 = row.string("sha256", true, 64);
        if (!sha256.matches("[0-9a-fA-F]{64}")) {
            throw row.invalid("sha256", "must be 64 hexadecimal digits");
        }
        String text = row.string("text", false, ExportFormat.MAX_DOCUMENT_TEXT);
        Long pages = row.integer("pages", false, 0, Integer.MAX_VALUE);
        Long rows = row.integer("rows", false, 0, Integer.MAX_VALUE);
        Long columns = row.integer("columns", false, 0, Integer.MAX_VALUE);
        Long characters = row.integer("characters", false, 0, Integer.MAX_VALUE);
        Boolean truncated = row.bool("truncated", false);
        Boolean dataset = row.bool("dataset", false);
        String encoded = row.string("content_base64", true, (int) (4 * ((ExportFormat.MAX_DOCUMENT_BYTES + 2) / 3)));
        byte[] content;
        try {
            content = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw row.invalid("content_base64", "is not valid base64");
        }
        if (content.length != size) {
            throw row.invalid(
                    "size_bytes", "says " + size + " bytes but content_base64 holds " + content.length + " bytes");
        }
        if (!Document.sha256Of(content).equalsIgnoreCase(sha256)) {
            throw row.invalid("sha256", "does not match the bytes in content_base64");
        }
        Instant createdAt = row.instant("created_at", true);
        Document document = new Document(
                "pending",
                new ProjectId("pending"),
                filename,
                mediaType,
                size,
                sha256.toLowerCase(Locale.ROOT),
                text,
                pages == null ? null : pages.intValue(),
                rows == null ? null : rows.intValue(),
                columns == null ? null : columns.intValue(),
                characters == null ? (text == null ? 0 : text.length()) : characters.intValue(),
                Boolean.TRUE.equals(truncated),
                Boolean.TRUE.equals(dataset),
                content,
                createdAt);
        return new DocumentRow(projectId, document);
    }

    record EventRow(
            String projectId,
            EventType type,
            String name,
            String actorId,
            Instant timestamp,
            Map<String, Object> details) {}

    static EventRow eventRow(Row row) {
        row.string("id", false, MAX_ID);
        String projectId = row.string("project_id", true, MAX_ID);
        String typeText = row.string("type", true, 60);
        EventType type;
        try {
            type = EventType.fromWire(typeText.strip());
        } catch (IllegalArgumentException e) {
            throw row.invalid("type", "'" + Text.clip(typeText, 40) + "' is not an event type Atelier knows");
        }
        String name = row.text("name", Text.MAX_NAME);
        String actorId = row.string("actor_id", false, MAX_ID);
        Instant timestamp = row.instant("timestamp", true);
        Map<String, Object> details = row.object("details");
        return new EventRow(projectId, type, name, actorId, timestamp, details);
    }

    static <T> T enumValue(Row row, String column, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidInputException e) {
            String message = e.getMessage();
            if (message != null && message.startsWith(row.where())) {
                throw e;
            }
            throw new InvalidInputException(row.column(column) + ": " + message);
        }
    }
}
