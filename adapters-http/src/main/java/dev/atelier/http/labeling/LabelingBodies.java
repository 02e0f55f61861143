package dev.atelier.http.labeling;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.atelier.application.collaboration.SetParams;
import dev.atelier.application.project.LoadProject;
import dev.atelier.domain.error.InvalidInputException;
import dev.atelier.domain.model.LabelingOptions;
import dev.atelier.domain.model.ParamVersion;
import dev.atelier.domain.model.Project;
import io.micronaut.core.annotation.Introspected;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bodies of the labeling dialect, as records the OpenAPI document describes (as {@code
 * LabelingBodies.ProjectView} and so on), with the wire names spelled out ({@link JsonProperty}) so
 * that renaming a component never renames a field clients read.
 */
final class LabelingBodies {
    private LabelingBodies() {}

    /** The body of {@code POST /v1/projects}: a new project. */
    // Read from the body bound as a map (read), not bound itself: a map reads every field,
    // unknown ones too, as JSON values, so that a number beyond a double's range is refused wherever
    // it stands (a record would skip an unknown field unread). The checks name the dialect's fields
    // ("params must be an object"), in the order clients have always met them.
    @Introspected
    record NewProject(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("type")
            String type,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("name")
            String name,

            @Schema(description = "the first params; an 'instruction' string among them is the instruction")
            @JsonProperty("params")
            Map<String, Object> params,

            @Schema(type = "boolean", description = "true, false, \"true\" or \"false\"") @JsonProperty("rapid")
            Boolean rapid,

            @Schema(type = "boolean", description = "true, false, \"true\" or \"false\"") @JsonProperty("studio")
            Boolean studio,

            @JsonProperty("pipeline") String pipeline,
            @JsonProperty("consensus_attempts") Integer consensusAttempts,

            @Schema(description = "the linked dataset; also read as 'datasetId'") @JsonProperty("dataset_id")
            String datasetId) {

        static NewProject read(Map<String, Object> body) {
            if (body == null) {
                throw new InvalidInputException("request body must be a JSON object with type and name");
            }
            Object params = body.get("params");
            if (params != null && !(params instanceof Map)) {
                throw new InvalidInputException("params must be an object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> paramsMap = (Map<String, Object>) params;
            String type = string(body, "type");
            String name = string(body, "name");
            Boolean rapid = body.get("rapid") == null ? null : SetParams.flag("rapid", body.get("rapid"));
            Boolean studio = body.get("studio") == null ? null : SetParams.flag("studio", body.get("studio"));
            String pipeline = string(body, "pipeline");
            Integer consensusAttempts = integer(body, "consensus_attempts");
            return new NewProject(type, name, paramsMap, rapid, studio, pipeline, consensusAttempts, datasetId(body));
        }

        private static String string(Map<String, Object> body, String key) {
            Object v = body.get(key);
            if (v == null || v instanceof String) {
                return (String) v;
            }
            throw new InvalidInputException(key + " must be a string");
        }

        /** The linked dataset: {@code dataset_id}, or {@code datasetId} as the vendor's Python SDK sends it. */
        private static String datasetId(Map<String, Object> body) {
            String datasetId = string(body, "dataset_id");
            return datasetId != null ? datasetId : string(body, "datasetId");
        }

        private static Integer integer(Map<String, Object> body, String key) {
            Object v = body.get(key);
            if (v == null) {
                return null;
            }
            if ((v instanceof Integer || v instanceof Long || v instanceof Short)
                    && Math.abs(((Number) v).longValue()) <= Integer.MAX_VALUE) {
                return ((Number) v).intValue();
            }
            throw new InvalidInputException(key + " must be an integer");
        }
    }

    /** A project as the labeling API shows it: the options it was not given are absent, not null. */
    // Each param_history entry stays a map: it is the version's params spread out (keys of the
    // client's choosing) followed by instruction (only when there is one), version and created_at;
    // a record writes extra keys after its own, and a param named like one of those keeps its place.
    @Introspected
    record ProjectView(
            @JsonProperty("type") String type,
            @JsonProperty("name") String name,

            @Schema(
                    description = "every version of the params, oldest first: the params spread out, then "
                            + "instruction (when there is one), version and created_at")
            @JsonProperty("param_history")
            List<Map<String, Object>> paramHistory,

            @JsonProperty("created_at") Instant createdAt,
            @JsonProperty("created_by") String createdBy,
            @JsonProperty("archived") boolean archived,
            @JsonProperty("pinned") boolean pinned,

            @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("rapid")
            Boolean rapid,

            @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("studio")
            Boolean studio,

            @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("pipeline")
            String pipeline,

            @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("consensus_attempts")
            Integer consensusAttempts,

            @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("dataset_id")
            String datasetId) {

        static ProjectView of(LoadProject.Loaded loaded) {
            Project p = loaded.project();
            LabelingOptions l = p.labeling();
            return new ProjectView(
                    p.type(),
                    p.name(),
                    loaded.paramHistory().stream().map(ProjectView::entry).toList(),
                    p.createdAt(),
                    p.ownerId().value(),
                    p.isArchived(),
                    l.pinned(),
                    l.rapid(),
                    l.studio(),
                    l.pipeline(),
                    l.consensusAttempts(),
                    l.datasetId());
        }

        /** One param_history entry: the params spread out, then instruction, version and created_at. */
        static Map<String, Object> entry(ParamVersion v) {
            Map<String, Object> m = new LinkedHashMap<>(v.params());
            if (v.instruction() != null) {
                m.put("instruction", v.instruction());
            }
            m.put("version", v.version());
            m.put("created_at", v.createdAt());
            return m;
        }
    }
}
