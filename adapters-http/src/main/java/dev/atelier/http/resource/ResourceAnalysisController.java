package dev.atelier.http.resource;

import dev.atelier.application.analysis.DraftProjectFromContext;
import dev.atelier.domain.model.User;
import dev.atelier.http.analysis.AnalysisViews;
import dev.atelier.http.analysis.ContextForm;
import dev.atelier.http.limits.UploadGate;
import dev.atelier.http.ops.ApiDefinition;
import dev.atelier.http.security.Caller;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.server.multipart.MultipartBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

/**
 * {@code POST /api/projects/analyze}: the analyzer's draft for a context and files, saved nowhere,
 * so that a client can show it for review and then create the project with what the user kept.
 * Every file is extracted as create-from-context would; an unreadable file is a 4xx.
 */
@Tag(name = ApiDefinition.RESOURCE)
@Controller("/api/projects")
final class ResourceAnalysisController {
    private final DraftProjectFromContext drafts;
    private final UploadGate gate;

    ResourceAnalysisController(DraftProjectFromContext drafts, UploadGate gate) {
        this.drafts = drafts;
        this.gate = gate;
    }

    /** The draft, how it was obtained, and what was read from each file. */
    @Introspected
    record Answer(
            AnalysisViews.DraftView draft,
            AnalysisViews.AnalysisView analysis,
            List<AnalysisViews.FileView> documents) {}

    /** The form as the OpenAPI document shows it; the body is read part by part by {@link ContextForm}. */
    @Schema(name = "AnalyzeForm")
    record FormSchema(
            @Schema(description = "what the project is about; optional when files are sent")
            String context,

            @Schema(description = "documents to read (PDF, CSV, DOCX, text …); repeat the part for several")
            List<byte[]> files) {}

    @Operation(
            summary = "Draft a project from a context and files without saving it",
            description = "Extracts every file and asks the analyzer for a draft (name, description, task kind, "
                    + "domain, tags, template and params). Nothing is stored: create the project with what the "
                    + "user keeps.",
            requestBody =
                    @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.MULTIPART_FORM_DATA,
                                            schema = @Schema(implementation = FormSchema.class))))
    @Post("/analyze")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    Answer analyze(@Caller User caller, @Body MultipartBody body) {
        DraftProjectFromContext.Drafted drafted;
        try (UploadGate.Place place = gate.enter()) {
            ContextForm form = ContextForm.read(body);
            drafted = drafts.execute(new DraftProjectFromContext.Command(caller, form.field("context"), form.files()));
        }
        return new Answer(
                AnalysisViews.DraftView.of(drafted.analysis().draft()),
                AnalysisViews.AnalysisView.of(drafted.analysis()),
                drafted.files().stream().map(AnalysisViews.FileView::of).toList());
    }
}
