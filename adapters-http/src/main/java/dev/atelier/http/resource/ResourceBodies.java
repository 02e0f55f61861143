package dev.atelier.http.resource;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.atelier.domain.model.DocumentInfo;
import dev.atelier.domain.model.Event;
import dev.atelier.domain.model.MemberProfile;
import dev.atelier.domain.model.ParamVersion;
import dev.atelier.domain.model.Project;
import io.micronaut.core.annotation.Introspected;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bodies of the resource dialect, as records the OpenAPI document describes (as {@code
 * ResourceBodies.ProjectView} and so on). The wire names are
 * spelled out ({@link JsonProperty}) rather than left to the naming strategy, so that renaming a
 * component can never rename a field clients read.
 *
 * <p>The request bodies keep the fields whose type the controller checks itself as {@code Object}
 * (described by {@link Schema} for the document): the controller's messages name the field in this
 * dialect's words ({@code name must be a string}), which a failed binding could not.
 */
final class ResourceBodies {
    private ResourceBodies() {}

    // ---- requests -------------------------------------------------------------------------------

    /** {@code POST /api/projects}. */
    @Introspected
    record NewProject(
            @Schema(type = "string", requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("name")
            Object name,

            @Schema(type = "string", nullable = true) @JsonProperty("description")
            Object description,

            @Schema(type = "object", nullable = true) @JsonProperty("metadata")
            Object metadata,

            @Schema(type = "string", nullable = true) @JsonProperty("type")
            Object type,

            @Schema(type = "object", nullable = true, description = "may hold an 'instruction' string")
            @JsonProperty("params")
            Object params) {}

    /** {@code PUT /api/projects/{id}}. */
    @Introspected
    record ProjectChange(
            @Schema(type = "string", requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("name")
            Object name,

            @Schema(type = "string", nullable = true) @JsonProperty("description")
            Object description) {}

    /** {@code POST /api/projects/{id}/members}. */
    @Introspected
    record NewMember(
            @Schema(type = "string", requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("email")
            Object email,

            @Schema(
                    type = "string",
                    nullable = true,
                    description = "viewer, editor, admin or owner; editor when absent")
            @JsonProperty("role")
            Object role) {}

    /** {@code PUT /api/projects/{id}/params}. */
    @Introspected
    record ParamsChange(
            @Schema(type = "object", requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("params")
            Object params,

            @Schema(type = "string", nullable = true) @JsonProperty("instruction")
            Object instruction,

            @Schema(type = "boolean", nullable = true, description = "true, false, \"true\" or \"false\"")
            @JsonProperty("patch")
            Object patch) {}

    // ---- answers --------------------------------------------------------------------------------

    /** A project as this dialect shows it (the listing, every answer about one project). */
    @Introspected
    record ProjectView(
            @JsonProperty("id") String id,
            @JsonProperty("name") String name,
            @JsonProperty("description") String description,

            @Schema(allowableValues = {"active", "archived"}) @JsonProperty("status")
            String status,

            @JsonProperty("dataset_count") int datasetCount,
            @JsonProperty("experiment_count") int experimentCount,
            @JsonProperty("model_count") int modelCount,
            @JsonProperty("created_at") Instant createdAt,
            @JsonProperty("updated_at") Instant updatedAt) {
        static ProjectView of(Project p) {
            return new ProjectView(
                    p.id().value(),
                    p.name(),
                    p.description(),
                    p.status().wire(),
                    p.datasetCount(),
                    0,
                    0,
                    p.createdAt(),
                    p.updatedAt());
        }
    }

    /** {@code {"project": ...}}: a read, a change, an archive. */
    @Introspected
    record ProjectAnswer(@JsonProperty("project") ProjectView project) {
        static ProjectAnswer of(Project p) {
            return new ProjectAnswer(ProjectView.of(p));
        }
    }

    /** A project just made (created or imported): its id, then the project. */
    @Introspected
    record CreatedProject(
            @JsonProperty("project_id") String projectId,
            @JsonProperty("project") ProjectView project) {
        static CreatedProject of(Project p) {
            return new CreatedProject(p.id().value(), ProjectView.of(p));
        }
    }

    /** {@code {"ok": true}}: a delete done. */
    @Introspected
    record Ok(@JsonProperty("ok") boolean ok) {
        static final Ok YES = new Ok(true);
    }

    /** A member of a project; its joining time only in the listing. */
    @Introspected
    record MemberView(
            @JsonProperty("user_id") String userId,
            @JsonProperty("email") String email,
            @JsonProperty("name") String name,

            @Schema(allowableValues = {"viewer", "editor", "admin", "owner"}) @JsonProperty("role")
            String role,

            @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("created_at")
            Instant createdAt) {
        static MemberView of(MemberProfile m, boolean withCreatedAt) {
            return new MemberView(
                    m.member().userId().value(),
                    m.email(),
                    m.name(),
                    m.member().role().wire(),
                    withCreatedAt ? m.member().createdAt() : null);
        }
    }

    /** One page of a project's members. */
    @Introspected
    record MemberPage(
            @JsonProperty("items") List<MemberView> items,
            @JsonProperty("total") long total,
            @JsonProperty("limit") int limit,
            @JsonProperty("offset") long offset) {}

    /** {@code {"member": ...}}: a member just added. */
    @Introspected
    record MemberAnswer(@JsonProperty("member") MemberView member) {}

    /** A project's timeline, oldest first. */
    @Introspected
    record Timeline(
            @JsonProperty("project_id") String projectId,
            @JsonProperty("events") List<EventView> events) {}

    /**
     * One event: four fixed fields, then the event's own details as further fields (a detail named
     * like a fixed field is left out, so a field is never written twice).
     */
    @Introspected
    record EventView(
            @JsonProperty("id") String id,
            @JsonProperty("type") String type,
            @JsonProperty("name") String name,
            @JsonProperty("timestamp") Instant timestamp,
            @JsonIgnore Map<String, Object> details) {
        private static final List<String> FIXED = List.of("id", "type", "name", "timestamp");

        static EventView of(Event e) {
            Map<String, Object> details = new LinkedHashMap<>(e.details());
            FIXED.forEach(details::remove);
            return new EventView(e.id(), e.type().wire(), e.name(), e.timestamp(), details);
        }

        @JsonAnyGetter
        Map<String, Object> extra() {
            return details;
        }
    }

    /** A document or dataset with what was extracted from it, without its text or bytes. */
    @Introspected
    record DocumentView(
            @JsonProperty("id") String id,
            @JsonProperty("project_id") String projectId,
            @JsonProperty("filename") String filename,
            @JsonProperty("media_type") String mediaType,
            @JsonProperty("size_bytes") long sizeBytes,
            @JsonProperty("sha256") String sha256,
            @JsonProperty("rows") Integer rows,
            @JsonProperty("columns") Integer columns,
            @JsonProperty("pages") Integer pages,
            @JsonProperty("characters") int characters,
            @JsonProperty("truncated") boolean truncated,
            @JsonProperty("dataset") boolean dataset,
            @JsonProperty("created_at") Instant createdAt) {
        static DocumentView of(DocumentInfo d) {
            return new DocumentView(
                    d.id(),
                    d.projectId().value(),
                    d.filename(),
                    d.mediaType(),
                    d.sizeBytes(),
                    d.sha256(),
                    d.rows(),
                    d.columns(),
                    d.pages(),
                    d.characters(),
                    d.truncated(),
                    d.dataset(),
                    d.createdAt());
        }
    }

    /** A project's documents, oldest first. */
    @Introspected
    record DocumentList(
            @JsonProperty("project_id") String projectId,
            @JsonProperty("items") List<DocumentView> items,
            @JsonProperty("total") int total) {}

    /** A project's params: the current version (null when it has none) and every version, oldest first. */
    @Introspected
    record ParamsAnswer(
            @JsonProperty("project_id") String projectId,
            @JsonProperty("current") ParamVersionView current,
            @JsonProperty("history") List<ParamVersionView> history) {}

    /** One version of a project's params. */
    @Introspected
    record ParamVersionView(
            @JsonProperty("version") int version,
            @JsonProperty("params") Map<String, Object> params,
            @JsonProperty("instruction") String instruction,
            @JsonProperty("created_at") Instant createdAt) {
        static ParamVersionView of(ParamVersion v) {
            return new ParamVersionView(v.version(), v.params(), v.instruction(), v.createdAt());
        }
    }
}
