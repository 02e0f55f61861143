package dev.atelier.http.resource;

import dev.atelier.application.collaboration.AddMember;
import dev.atelier.application.collaboration.DeleteProject;
import dev.atelier.application.collaboration.ExportProjectArchive;
import dev.atelier.application.collaboration.GetTimeline;
import dev.atelier.application.collaboration.ImportProjectArchive;
import dev.atelier.application.collaboration.ListMembers;
import dev.atelier.application.collaboration.ProjectArchive;
import dev.atelier.application.collaboration.RemoveMember;
import dev.atelier.application.collaboration.SetParams;
import dev.atelier.application.collaboration.UpdateProject;
import dev.atelier.application.collaboration.UploadDataset;
import dev.atelier.application.project.ListProjects;
import dev.atelier.application.project.LoadProject;
import dev.atelier.application.project.SaveProject;
import dev.atelier.domain.error.InvalidInputException;
import dev.atelier.domain.error.StaleVersionException;
import dev.atelier.domain.model.Document;
import dev.atelier.domain.model.MemberProfile;
import dev.atelier.domain.model.Page;
import dev.atelier.domain.model.Project;
import dev.atelier.domain.model.ProjectPosition;
import dev.atelier.domain.model.ProjectQuery;
import dev.atelier.domain.model.ProjectSort;
import dev.atelier.domain.model.Text;
import dev.atelier.domain.model.User;
import dev.atelier.domain.model.Visibility;
import dev.atelier.http.limits.UploadGate;
import dev.atelier.http.ops.ApiDefinition;
import dev.atelier.http.resource.ResourceBodies.CreatedProject;
import dev.atelier.http.resource.ResourceBodies.DocumentView;
import dev.atelier.http.resource.ResourceBodies.EventView;
import dev.atelier.http.resource.ResourceBodies.MemberAnswer;
import dev.atelier.http.resource.ResourceBodies.MemberPage;
import dev.atelier.http.resource.ResourceBodies.MemberView;
import dev.atelier.http.resource.ResourceBodies.NewMember;
import dev.atelier.http.resource.ResourceBodies.NewProject;
import dev.atelier.http.resource.ResourceBodies.Ok;
import dev.atelier.http.resource.ResourceBodies.ProjectAnswer;
import dev.atelier.http.resource.ResourceBodies.ProjectChange;
import dev.atelier.http.resource.ResourceBodies.ProjectView;
import dev.atelier.http.resource.ResourceBodies.Timeline;
import dev.atelier.http.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Provider;
import java.io.IOException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The resource-style projects API under {@code /api/projects}: plain JSON,
 * errors as RFC 9457 problem details (the error processor of the dialect). Every query parameter
 * is parsed and checked here against a fixed list before it reaches a use case. The two use cases
 * that need the text extractor are looked up lazily, so the rest of the dialect works even in a
 * deployment without one.
 */
@Tag(name = ApiDefinition.RESOURCE)
@Controller("/api/projects")
final class ResourceProjectsController {
    static final int DEFAULT_LIMIT = 50;
    static final Set<String> SORT_FIELDS =
            Set.of("created_at", "name", "dataset_count", "model_count", "experiment_count");
    static final MediaType ZIP = MediaType.of("application/zip");

    private final ListProjects listProjects;
    private final SaveProject saveProject;
    private final LoadProject loadProject;
    private final UpdateProject updateProject;
    private final DeleteProject deleteProject;
    private final ListMembers listMembers;
    private final AddMember addMember;
    private final RemoveMember removeMember;
    private final GetTimeline getTimeline;
    private final Provider<UploadDataset> uploadDataset;
    private final ExportProjectArchive exportArchive;
    private final Provider<ImportProjectArchive> importArchive;
    private final ZipProjectArchives zips;

    private final UploadGate gate;

    ResourceProjectsController(
            ListProjects listProjects,
            SaveProject saveProject,
            LoadProject loadProject,
            UpdateProject updateProject,
            DeleteProject deleteProject,
            ListMembers listMembers,
            AddMember addMember,
            RemoveMember removeMember,
            GetTimeline getTimeline,
            Provider<UploadDataset> uploadDataset,
            ExportProjectArchive exportArchive,
            Provider<ImportProjectArchive> importArchive,
            ZipProjectArchives zips,
            UploadGate gate) {
        this.gate = gate;
        this.listProjects = listProjects;
        this.saveProject = saveProject;
        this.loadProject = loadProject;
        this.updateProject = updateProject;
        this.deleteProject = deleteProject;
        this.listMembers = listMembers;
        this.addMember = addMember;
        this.removeMember = removeMember;
        this.getTimeline = getTimeline;
        this.uploadDataset = uploadDataset;
        this.exportArchive = exportArchive;
        this.importArchive = importArchive;
        this.zips = zips;
    }

    // ---- projects ---------------------------------------------------------------------------

    @Operation(
            summary = "The caller's own projects and those shared with the caller, sorted and paged",
            description = "Answers {items, total, limit, offset, next_cursor}. Page either by offset or by cursor: "
                    + "next_cursor (null on the last page) continues the list after this page's last item in the "
                    + "same sort_field and sort_direction, with ties broken by id, and costs the same at any "
                    + "depth. A cursor is opaque; a changed or foreign one, a cursor of another sort order, or a "
                    + "cursor together with offset is 400.")
    @Get
    Map<String, Object> list(
            @Caller User caller,
            @Nullable @QueryValue("limit") String limit,
            @Parameter(description = "items to skip (not with cursor)") @Nullable @QueryValue("offset") String offset,
            @Nullable @QueryValue("search") String search,
            @Nullable @QueryValue("sort_field") String sortField,
            @Nullable @QueryValue("sort_direction") String sortDirection,
            @Parameter(description = "next_cursor of the previous page, unchanged (not with offset)")
                    @Nullable
                    @QueryValue("cursor")
                    String cursor) {
        int l = (int) number("limit", limit, DEFAULT_LIMIT, 1, ProjectQuery.MAX_LIMIT);
        long o = number("offset", offset, 0, 0, 100_000_000L);
        ProjectSort sort = sortField(sortField);
        boolean ascending = ascending(sortDirection);
        boolean byCursor = cursor != null && !cursor.isBlank();
        if (byCursor && offset != null && !offset.isBlank()) {
            throw new InvalidInputException(
                    "give either cursor or offset, not both: a cursor already says where the page starts");
        }
        ProjectPosition after = byCursor ? ProjectCursor.decode(cursor, sort, ascending) : null;
        Page<Project> page = listProjects.execute(ListProjects.Command.builder(caller)
                .allWorkspaces()
                .visibilities(EnumSet.of(Visibility.USER, Visibility.SHARED))
                .search(search)
                .sort(sort, ascending)
                .page(l, o)
                .after(after)
                .build());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "items",
                page.items().stream().map(ResourceProjectsController::view).toList());
        body.put("total", page.total());
        body.put("limit", page.limit());
        body.put("offset", page.offset());
        // offered on every page that has a successor, whichever way this page was asked for
        body.put(
                "next_cursor",
                page.more() && !page.items().isEmpty()
                        ? ProjectCursor.encode(
                                ProjectPosition.after(page.items().getLast(), sort, ascending))
                        : null);
        return body;
    }

    @Post
    HttpResponse<CreatedProject> create(@Caller User caller, @Nullable @Body NewProject body) {
        NewProject b = object(body, "name");
        Map<String, Object> params = jsonObject("params", b.params());
        // the same rules as every other way to set params (reserved keys, an optional instruction)
        SetParams.Split split = params == null ? null : SetParams.split(params, null);
        SaveProject.Saved saved = saveProject.execute(new SaveProject.Command(
                caller,
                null,
                null,
                requiredName(b.name()),
                string("description", b.description()),
                jsonObject("metadata", b.metadata()),
                null,
                string("type", b.type()),
                split == null ? null : split.params(),
                split == null ? null : split.instruction(),
                null,
                Optional.empty()));
        return HttpResponse.status(HttpStatus.CREATED)
                .body(CreatedProject.of(saved.project()))
                .header(HttpHeaders.ETAG, etag(saved.project()));
    }

    @Get("/{id}")
    HttpResponse<ProjectAnswer> get(@Caller User caller, @PathVariable("id") String id) {
        Project project = loadProject.execute(caller, id).project();
        return HttpResponse.ok(ProjectAnswer.of(project)).header(HttpHeaders.ETAG, etag(project));
    }

    @Put("/{id}")
    HttpResponse<ProjectAnswer> update(
            @Caller User caller,
            @PathVariable("id") String id,
            @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch,
            @Nullable @Body ProjectChange body) {
        ProjectChange b = object(body, "name");
        Project updated = updateProject.execute(new UpdateProject.Command(
                caller, id, requiredName(b.name()), string("description", b.description()), expectedVersion(ifMatch)));
        return HttpResponse.ok(ProjectAnswer.of(updated)).header(HttpHeaders.ETAG, etag(updated));
    }

    @Delete("/{id}")
    Ok delete(@Caller User caller, @PathVariable("id") String id) {
        deleteProject.execute(new DeleteProject.Command(caller, id));
        return Ok.YES;
    }

    // ---- members ----------------------------------------------------------------------------

    @Get("/{id}/members")
    MemberPage members(
            @Caller User caller,
            @PathVariable("id") String id,
            @Nullable @QueryValue("limit") String limit,
            @Nullable @QueryValue("offset") String offset) {
        int l = (int) number("limit", limit, ListMembers.DEFAULT_LIMIT, 1, ListMembers.MAX_LIMIT);
        long o = number("offset", offset, 0, 0, 100_000_000L);
        Page<MemberProfile> page = listMembers.execute(new ListMembers.Command(caller, id, l, o));
        return new MemberPage(
                page.items().stream().map(m -> MemberView.of(m, true)).toList(),
                page.total(),
                page.limit(),
                page.offset());
    }

    @Post("/{id}/members")
    HttpResponse<MemberAnswer> addMember(
            @Caller User caller, @PathVariable("id") String id, @Nullable @Body NewMember body) {
        NewMember b = object(body, "email");
        String email = string("email", b.email());
        if (email == null || email.isBlank()) {
            throw new InvalidInputException("email is required");
        }
        MemberProfile added = addMember.execute(AddMember.Command.of(caller, id, email, string("role", b.role())));
        return HttpResponse.status(HttpStatus.CREATED).body(new MemberAnswer(MemberView.of(added, false)));
    }

    @Delete("/{id}/members/{userId}")
    Ok removeMember(@Caller User caller, @PathVariable("id") String id, @PathVariable("userId") String userId) {
        removeMember.execute(new RemoveMember.Command(caller, id, userId));
        return Ok.YES;
    }

    // ---- timeline, datasets, archives -------------------------------------------------------

    @Get("/{id}/timeline")
    Timeline timeline(@Caller User caller, @PathVariable("id") String id) {
        GetTimeline.Result result = getTimeline.execute(new GetTimeline.Command(caller, id));
        return new Timeline(
                result.project().id().value(),
                result.events().stream().map(EventView::of).toList());
    }

    @Post("/{id}/datasets")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    HttpResponse<DocumentView> uploadDataset(
            @Caller User caller, @PathVariable("id") String id, @Nullable @Part("file") CompletedFileUpload file) {
        if (file == null) {
            throw new InvalidInputException("a multipart part named 'file' is required");
        }
        Document document;
        try (UploadGate.Place place = gate.enter()) {
            document =
                    uploadDataset.get().execute(new UploadDataset.Command(caller, id, file.getFilename(), bytes(file)));
        }
        return HttpResponse.status(HttpStatus.CREATED).body(DocumentView.of(document.info()));
    }

    @Get("/{id}/export")
    HttpResponse<byte[]> export(@Caller User caller, @PathVariable("id") String id) {
        ExportProjectArchive.Exported exported = exportArchive.execute(new ExportProjectArchive.Command(caller, id));
        return HttpResponse.ok(zips.write(exported.archive()))
                .contentType(ZIP)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"project-"
                                + exported.project().id().value() + ".zip\"");
    }

    @Post("/import")
    @Consumes({"application/zip", "application/x-zip-compressed", MediaType.APPLICATION_OCTET_STREAM})
    HttpResponse<CreatedProject> importZip(@Caller User caller, @Nullable @Body byte[] body) {
        return imported(caller, body);
    }

    @Post("/import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    HttpResponse<CreatedProject> importMultipart(
            @Caller User caller, @Nullable @Part("file") CompletedFileUpload file) {
        if (file == null) {
            throw new InvalidInputException("a multipart part named 'file' holding the ZIP archive is required");
        }
        return imported(caller, bytes(file));
    }

    private HttpResponse<CreatedProject> imported(User caller, byte[] zip) {
        Project project;
        try (UploadGate.Place place = gate.enter()) {
            ProjectArchive archive = zips.read(zip); // hostile archives are refused before anything else runs
            project = importArchive.get().execute(new ImportProjectArchive.Command(caller, null, archive));
        }
        return HttpResponse.status(HttpStatus.CREATED).body(CreatedProject.of(project));
    }

    // ---- views ------------------------------------------------------------------------------

    static ProjectView view(Project p) {
        return ProjectView.of(p);
    }

    // ---- parsing ----------------------------------------------------------------------------

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

    private static <T> T object(T body, String required) {
        if (body == null) {
            throw new InvalidInputException("request body must be a JSON object with " + required);
        }
        return body;
    }

    private static String requiredName(Object given) {
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

    private static byte[] bytes(CompletedFileUpload file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new InvalidInputException("the uploaded file could not be read");
        }
    }
}
