package dev.atelier.http.labeling;

import dev.atelier.application.collaboration.CreateLabelingProject;
import dev.atelier.application.collaboration.GetLabelingProject;
import dev.atelier.application.collaboration.ListLabelingProjects;
import dev.atelier.application.collaboration.SetParams;
import dev.atelier.application.project.LoadProject;
import dev.atelier.domain.error.InvalidInputException;
import dev.atelier.domain.model.LabelingOptions;
import dev.atelier.domain.model.ParamVersion;
import dev.atelier.domain.model.Project;
import dev.atelier.domain.model.User;
import dev.atelier.http.ops.ApiDefinition;
import dev.atelier.http.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The labeling-platform projects API under {@code /v1/projects}: projects are
 * addressed by name in the caller's default workspace; success is always 200 with the bare JSON;
 * errors are {@code {"error": "..."}} (the error processor of the dialect).
 */
@Tag(name = ApiDefinition.LABELING)
@Controller("/v1/projects")
final class LabelingProjectsController {
    /** The dialect's listing has no paging: a longer one is refused (413) rather than sent whole. */
    static final int MAX_LISTED_PROJECTS = 10_000;

    private final CreateLabelingProject create;
    private final GetLabelingProject get;
    private final ListLabelingProjects list;
    private final SetParams setParams;

    LabelingProjectsController(
            CreateLabelingProject create, GetLabelingProject get, ListLabelingProjects list, SetParams setParams) {
        this.create = create;
        this.get = get;
        this.list = list;
        this.setParams = setParams;
    }

    @Post
    Map<String, Object> create(@Caller User caller, @Nullable @Body Map<String, Object> body) {
        Map<String, Object> b = requireObject(body);
        Object params = b.get("params");
        if (params != null && !(params instanceof Map)) {
            throw new InvalidInputException("params must be an object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> paramsMap = (Map<String, Object>) params;
        LoadProject.Loaded created = create.execute(new CreateLabelingProject.Command(
                caller,
                string(b, "type"),
                string(b, "name"),
                paramsMap,
                b.get("rapid") == null ? null : SetParams.flag("rapid", b.get("rapid")),
                b.get("studio") == null ? null : SetParams.flag("studio", b.get("studio")),
                string(b, "pipeline"),
                integer(b, "consensus_attempts"),
                datasetId(b)));
        return view(created);
    }

    @Get
    List<Map<String, Object>> list(@Caller User caller, @Nullable @QueryValue("archived") String archived) {
        Boolean filter = null;
        if (archived != null && !archived.isBlank()) {
            filter = switch (archived.strip().toLowerCase(Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new InvalidInputException("archived must be true or false");
            };
        }
        return list.execute(new ListLabelingProjects.Command(caller, filter, MAX_LISTED_PROJECTS)).stream()
                .map(LabelingProjectsController::view)
                .toList();
    }

    @Get("/{name}")
    Map<String, Object> get(@Caller User caller, @PathVariable("name") String name) {
        return view(get.execute(new GetLabelingProject.Command(caller, name)));
    }

    @Post("/{name}/setParams")
    Map<String, Object> setParams(
            @Caller User caller, @PathVariable("name") String name, @Nullable @Body Map<String, Object> body) {
        Map<String, Object> b = body == null ? Map.of() : body;
        Project project = get.find(new GetLabelingProject.Command(caller, name));
        return view(setParams.execute(
                SetParams.Command.fromBody(caller, project.id().value(), b)));
    }

    /** The project as the labeling API shows it. */
    static Map<String, Object> view(LoadProject.Loaded loaded) {
        Project p = loaded.project();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", p.type());
        m.put("name", p.name());
        m.put(
                "param_history",
                loaded.paramHistory().stream()
                        .map(LabelingProjectsController::entry)
                        .toList());
        m.put("created_at", p.createdAt());
        m.put("created_by", p.ownerId().value());
        m.put("archived", p.isArchived());
        LabelingOptions l = p.labeling();
        m.put("pinned", l.pinned());
        putIfPresent(m, "rapid", l.rapid());
        putIfPresent(m, "studio", l.studio());
        putIfPresent(m, "pipeline", l.pipeline());
        putIfPresent(m, "consensus_attempts", l.consensusAttempts());
        putIfPresent(m, "dataset_id", l.datasetId());
        return m;
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

    private static void putIfPresent(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    private static Map<String, Object> requireObject(Map<String, Object> body) {
        if (body == null) {
            throw new InvalidInputException("request body must be a JSON object with type and name");
        }
        return body;
    }

    private static String string(Map<String, Object> b, String key) {
        Object v = b.get(key);
        if (v == null || v instanceof String) {
            return (String) v;
        }
        throw new InvalidInputException(key + " must be a string");
    }

    /** The linked dataset: {@code dataset_id}, or {@code datasetId} as the vendor's Python SDK sends it. */
    private static String datasetId(Map<String, Object> b) {
        String datasetId = string(b, "dataset_id");
        return datasetId != null ? datasetId : string(b, "datasetId");
    }

    private static Integer integer(Map<String, Object> b, String key) {
        Object v = b.get(key);
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
