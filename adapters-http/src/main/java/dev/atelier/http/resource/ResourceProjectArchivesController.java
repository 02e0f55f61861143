package dev.atelier.http.resource;

import static dev.atelier.http.resource.ResourceInput.bytes;

import dev.atelier.application.collaboration.ExportProjectArchive;
import dev.atelier.application.collaboration.ImportProjectArchive;
import dev.atelier.application.collaboration.ProjectArchive;
import dev.atelier.domain.error.InvalidInputException;
import dev.atelier.domain.model.Project;
import dev.atelier.domain.model.User;
import dev.atelier.http.limits.UploadGate;
import dev.atelier.http.ops.ApiDefinition;
import dev.atelier.http.resource.ResourceBodies.CreatedProject;
import dev.atelier.http.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Provider;

/**
 * A project as a ZIP archive in the resource dialect: export one, import one as a new project (the
 * raw ZIP or a multipart part, through the upload gate; {@link ZipProjectArchives} refuses hostile
 * archives first). The import needs the text extractor and is looked up lazily, so the rest of the
 * dialect works even in a deployment without one.
 */
@Tag(name = ApiDefinition.RESOURCE)
@Controller("/api/projects")
final class ResourceProjectArchivesController {
    static final MediaType ZIP = MediaType.of("application/zip");

    private final ExportProjectArchive exportArchive;
    private final Provider<ImportProjectArchive> importArchive;
    private final ZipProjectArchives zips;
    private final UploadGate gate;

    ResourceProjectArchivesController(
            ExportProjectArchive exportArchive,
            Provider<ImportProjectArchive> importArchive,
            ZipProjectArchives zips,
            UploadGate gate) {
        this.exportArchive = exportArchive;
        this.importArchive = importArchive;
        this.zips = zips;
        this.gate = gate;
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
}
