package dev.atelier.http.v1;

import dev.atelier.application.analysis.CreateProjectFromContext;
import dev.atelier.application.analysis.DraftProjectFromContext;
import dev.atelier.domain.error.InvalidInputException;
import dev.atelier.domain.model.Scope;
import dev.atelier.domain.model.User;
import dev.atelier.http.analysis.AnalysisViews;
import dev.atelier.http.analysis.ContextForm;
import dev.atelier.http.limits.UploadGate;
import dev.atelier.http.ops.ApiDefinition;
import dev.atelier.http.security.Caller;
import dev.atelier.http.v1.V1Bodies.ContextProject;
import dev.atelier.http.v1.V1Bodies.DocumentView;
import dev.atelier.http.v1.V1Bodies.ProjectView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.RouteCondition;
import io.micronaut.http.server.multipart.MultipartBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/v1/projects[/{workspace_id}]/create-from-context}: a multipart form
 * with {@code context}, {@code scope} and any number of {@code files}, or a url-encoded form with
 * {@code context} and {@code scope} (what Python's {@code requests} sends for {@code data=} without
 * files); answers the new project with its {@code documents} and the {@code analysis} that named it.
 * Both encodings share everything after parsing.
 */
@Tag(name = ApiDefinition.V1)
@Controller("/api/v1/projects")
final class CreateFromContextController {
    private final CreateProjectFromContext create;
    private final UploadGate gate;

    CreateFromContextController(CreateProjectFromContext create, UploadGate gate) {
        this.create = create;
        this.gate = gate;
    }

    @Post(
            uris = {"/create-from-context", "/{workspaceId}/create-from-context"},
            consumes = MediaType.MULTIPART_FORM_DATA)
    Envelope<ContextProject> createFromContext(
            @Caller User caller, @Nullable @PathVariable String workspaceId, @Body MultipartBody body) {
        try (UploadGate.Place place = gate.enter()) {
            ContextForm form = ContextForm.read(body);
            return created(caller, workspaceId, form.field("context"), form.field("scope"), form.files());
        }
    }

    /**
     * The url-encoded form: text fields only, so no files. Only for requests that declare it: one
     * without any content type goes to the multipart route, which answers what is missing.
     */
    @Post(
            uris = {"/create-from-context", "/{workspaceId}/create-from-context"},
            consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @RouteCondition("#{request.getContentType().isPresent()}")
    // the form stays a map: a field given twice arrives as a list, which text() refuses in this
    // dialect's words, and a 'files' field is answered rather than ignored
    Envelope<ContextProject> createFromUrlEncodedForm(
            @Caller User caller, @Nullable @PathVariable String workspaceId, @Nullable @Body Map<String, Object> body) {
        Map<String, Object> form = body == null ? Map.of() : body;
        if (form.containsKey("files")) {
            throw new InvalidInputException(
                    "files can only be uploaded in a multipart/form-data request; a url-encoded form carries "
                            + "'context' and 'scope' only");
        }
        try (UploadGate.Place place = gate.enter()) {
            return created(caller, workspaceId, text(form, "context"), text(form, "scope"), List.of());
        }
    }

    private Envelope<ContextProject> created(
            User caller,
            String workspaceId,
            String context,
            String scopeName,
            List<DraftProjectFromContext.Upload> files) {
        Scope scope = Scope.parse(scopeName);
        CreateProjectFromContext.Created created = create.execute(new CreateProjectFromContext.Command(
                caller, workspaceId, scope, new DraftProjectFromContext.Command(caller, context, files)));

        return Envelope.success(
                "Project created from context",
                new ContextProject(
                        ProjectView.of(created.project()),
                        created.analysis().draft().params(),
                        created.documents().stream().map(DocumentView::of).toList(),
                        AnalysisViews.AnalysisView.of(created.analysis())));
    }

    /** A url-encoded field given once (a repeated field is a list, which no field here may be). */
    private static String text(Map<String, Object> form, String name) {
        Object value = form.get(name);
        if (value instanceof List<?> values) {
            if (values.size() != 1) {
                throw new InvalidInputException("'" + name + "' must be given once");
            }
            value = values.getFirst();
        }
        return value == null ? null : value.toString();
    }
}
