package dev.atelier.http.v1;

import dev.atelier.application.exchange.ExportWorkspace;
import dev.atelier.application.exchange.ImportWorkspace;
import dev.atelier.domain.model.Scope;
import dev.atelier.domain.model.User;
import dev.atelier.http.ops.ApiDefinition;
import dev.atelier.http.security.Caller;
import dev.atelier.http.v1.V1Bodies.ExportTablesRequest;
import dev.atelier.http.v1.V1Bodies.ImportSummary;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.server.types.files.StreamedFile;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.InputStream;
import java.util.Map;

/** The v1 workspace tables: export (streamed) and import. */
@Tag(name = ApiDefinition.V1)
@Controller("/api/v1/workspaces")
final class WorkspaceTablesController {
    private final ExportWorkspace exportWorkspace;
    private final ImportWorkspace importWorkspace;
    private final StreamedExports streamed;
    private final SpooledImports spooled;

    WorkspaceTablesController(
            ExportWorkspace exportWorkspace,
            ImportWorkspace importWorkspace,
            StreamedExports streamed,
            SpooledImports spooled) {
        this.exportWorkspace = exportWorkspace;
        this.importWorkspace = importWorkspace;
        this.streamed = streamed;
        this.spooled = spooled;
    }

    @Post("/{workspaceId}/export-tables")
    StreamedFile exportTables(
            @Caller User caller,
            @PathVariable("workspaceId") String workspaceId,
            @Nullable @Body ExportTablesRequest body) {
        String scope = body == null ? null : body.scope();
        ExportWorkspace.Prepared prepared =
                exportWorkspace.prepare(new ExportWorkspace.Command(caller, workspaceId, Scope.parse(scope)));
        return streamed.stream(prepared, "Workspace tables exported successfully");
    }

    /** Reads the body from a spooled file, row by row (see {@link SpooledImports}). */
    @Post("/import-tables")
    Envelope<ImportSummary> importTables(@Caller User caller, @Body InputStream body) {
        Map<String, Object> summary = spooled.withSpooled(
                body, source -> ExchangeController.importSpooled(importWorkspace, caller, null, source));
        return Envelope.success("Workspace tables imported successfully", new ImportSummary(summary));
    }
}
