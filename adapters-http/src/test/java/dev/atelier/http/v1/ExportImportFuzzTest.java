package dev.atelier.http.v1;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atelier.application.exchange.ExportFormat;
import dev.atelier.application.exchange.MapExportSource;
import dev.atelier.application.exchange.ProjectImporter;
import dev.atelier.application.project.ProjectStores;
import dev.atelier.domain.error.InvalidInputException;
import dev.atelier.domain.error.PayloadTooLargeException;
import dev.atelier.http.config.JsonConfiguration;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

/**
 * Fuzzes the import side of the export format with arbitrary request bodies: the streaming reader
 * of spooled workspace imports ({@link JsonFileExportSource}) and the in-memory path of project
 * imports ({@link MapExportSource}), each followed by the whole validation ({@link
 * ProjectImporter#validate}). The property: whatever the bytes, the only failures are the domain
 * errors that answer 400 or 413 — never another exception (a 500), a hang or an exhausted heap.
 *
 * <p>A normal build runs the inputs under {@code src/test/resources/dev/atelier/http/v1/
 * ExportImportFuzzTestInputs/} (seeds and every crash found so far) as regression tests;
 * {@code scripts/fuzz.sh} fuzzes for real.
 */
class ExportImportFuzzTest {
    private static final ObjectMapper SERVER_JSON =
            new JsonConfiguration(64, 5 * 1024 * 1024, 16L * 1024 * 1024).configure(new ObjectMapper());
    private static final SpooledImports SPOOL = new SpooledImports(SERVER_JSON, 16L * 1024 * 1024);
    /** Validation reads no repository: the importer is built without any. */
    private static final ProjectImporter IMPORTER =
            new ProjectImporter(new ProjectStores(null, null, null, null, null), null, null, null, null);

    private static final List<String> WORKSPACE_FORMATS =
            List.of(ExportFormat.WORKSPACE_FORMAT, ExportFormat.PROJECT_FORMAT);

    @FuzzTest(maxDuration = "30s")
    void a_spooled_workspace_import_fails_only_with_4xx_domain_errors(byte[] body) {
        JsonFileExportSource source;
        try {
            source = SPOOL.spool(new ByteArrayInputStream(body));
        } catch (InvalidInputException | PayloadTooLargeException expected) {
            return;
        }
        try {
            if (!source.exportPresent()) {
                return;
            }
            ProjectImporter.Plan plan = IMPORTER.validate(source, "export_data", WORKSPACE_FORMATS, false);
            assertThat(plan.projectCount()).isLessThanOrEqualTo(ExportFormat.MAX_PROJECTS);
        } catch (InvalidInputException | PayloadTooLargeException expected) {
            // a 400 or 413 naming the problem
        } finally {
            source.delete();
        }
    }

    @FuzzTest(maxDuration = "30s")
    void an_in_memory_project_import_fails_only_with_4xx_domain_errors(byte[] body) {
        Object parsed;
        try {
            parsed = SERVER_JSON.readValue(body, Object.class);
        } catch (JsonProcessingException malformed) {
            return; // Micronaut answers 400 (or 413 over the document limit)
        } catch (IOException e) {
            // e.g. a CharConversionException: Micronaut would not answer it as bad JSON (400)
            throw new AssertionError("reading from memory failed with an I/O error, not a JSON one", e);
        }
        try {
            MapExportSource source = new MapExportSource(parsed, "export_data");
            ProjectImporter.Plan plan =
                    IMPORTER.validate(source, "export_data", List.of(ExportFormat.PROJECT_FORMAT), true);
            assertThat(plan.projectCount()).isEqualTo(1);
        } catch (InvalidInputException | PayloadTooLargeException expected) {
            // a 400 or 413 naming the problem
        }
    }
}
