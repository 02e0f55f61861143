package dev.atelier.http.resource;

import static dev.atelier.http.resource.ResourceInput.bytes;

import dev.atelier.application.collaboration.UploadDataset;
import dev.atelier.domain.error.InvalidInputException;
import dev.atelier.domain.model.Document;
import dev.atelier.domain.model.User;
import dev.atelier.http.limits.UploadGate;
import dev.atelier.http.ops.ApiDefinition;
import dev.atelier.http.resource.ResourceBodies.DocumentView;
import dev.atelier.http.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Provider;

/**
 * Uploading a dataset to a project in the resource dialect (multipart, through the upload gate).
 * The use case needs the text extractor and is looked up lazily, so the rest of the dialect works
 * even in a deployment without one.
 */
@Tag(name = ApiDefinition.RESOURCE)
@Controller("/api/projects")
final class ResourceProjectDatasetsController {
    private final Provider<UploadDataset> uploadDataset;
    private final UploadGate gate;

    ResourceProjectDatasetsController(Provider<UploadDataset> uploadDataset, UploadGate gate) {
        this.uploadDataset = uploadDataset;
        this.gate = gate;
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
}
