package dev.atelier.http.v1;

import dev.atelier.application.analysis.CreateProjectFromContext;
import dev.atelier.application.analysis.DraftProjectFromContext;
import dev.atelier.domain.model.Document;
import dev.atelier.domain.model.Scope;
import dev.atelier.domain.model.User;
import dev.atelier.http.analysis.AnalysisViews;
import dev.atelier.http.analysis.ContextForm;
import dev.atelier.http.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.server.multipart.MultipartBody;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /api/v1/projects[/{workspace_id}]/create-from-context} (seed 001): multipart form
 * with {@code context}, {@code scope} and any number of {@code files}; answers the new project with
 * its {@code documents} and the {@code analysis} that named it.
 */
@Controller("/api/v1/projects")
final class CreateFromContextController {
    private final CreateProjectFromContext create;

    CreateFromContextController(CreateProjectFromContext create) {
        this.create = create;
    }

    @Post(
            uris = {"/create-from-context", "/{workspaceId}/create-from-context"},
            consumes = MediaType.MULTIPART_FORM_DATA)
    Envelope createFromContext(
            @Caller User caller, @Nullable @PathVariable String workspaceId, @Body MultipartBody body) {
        ContextForm form = ContextForm.read(body);
        Scope scope = Scope.parse(form.field("scope"));
        CreateProjectFromContext.Created created = create.execute(new CreateProjectFromContext.Command(
                caller,
                workspaceId,
                scope,
                new DraftProjectFromContext.Command(caller, form.field("context"), form.files())));

        Map<String, Object> data = Views.project(created.project(), null);
        data.put("params", created.analysis().draft().params());
        data.put(
                "documents",
                created.documents().stream()
                        .map(CreateFromContextController::document)
                        .toList());
        data.put("analysis", AnalysisViews.AnalysisView.of(created.analysis()));
        return Envelope.success("Project created from context", data);
    }

    private static Map<String, Object> document(Document d) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", d.id());
        view.put("filename", d.filename());
        view.put("media_type", d.mediaType());
        view.put("size_bytes", d.sizeBytes());
        view.put("sha256", d.sha256());
        view.put("pages", d.pages());
        view.put("rows", d.rows());
        view.put("columns", d.columns());
        view.put("characters", d.characters());
        view.put("truncated", d.truncated());
        return view;
    }
}
