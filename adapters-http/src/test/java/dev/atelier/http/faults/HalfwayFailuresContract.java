package dev.atelier.http.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atelier.http.testing.AtelierServer;
import dev.atelier.http.testing.AtelierServer.Reply;
import dev.atelier.http.testing.AtelierServer.TestUser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An import or a copy that fails half-way leaves nothing behind, on the real database
 * ({@link HalfwayFailuresH2Test}, {@link HalfwayFailuresPostgresTest}). The failure is injected in
 * the database itself: a CHECK constraint added by the test refuses the {@code imported}/{@code copied}
 * timeline event, which is the very last row every import and copy writes, after the projects,
 * params, members, documents and copied events. The answer is a 500 in the dialect's shape (nothing
 * about SQL or the constraint), the row count of every table is what it was before, and the same
 * request succeeds once the fault is removed.
 */
abstract class HalfwayFailuresContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient BYTES = HttpClient.newHttpClient();
    /** Failures injected by all runs of this contract in this JVM (for docs/security.md). */
    static int injected;

    private TestUser user;
    private String projectId;

    abstract AtelierServer server();

    @AfterAll
    static void report() {
        System.out.println("[faults] half-way failures injected so far: " + injected);
    }

    @BeforeEach
    void aProjectWithHistoryMembersAndADocument() {
        user = server().createUser("Mover");
        TestUser colleague = server().createUser("Colleague");
        Reply saved = server().post(
                        "/api/v1/projects/workspace_id/save",
                        user.token(),
                        Map.of("project", Map.of("name", "source " + System.nanoTime(), "description", "to be moved")));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        projectId = saved.data().path("project_id").asText();
        Reply member = server().post(
                        "/api/projects/" + projectId + "/members",
                        user.token(),
                        Map.of("email", colleague.email(), "role", "editor"));
        assertThat(member.status()).as(member.toString()).isBetween(200, 201);
        Reply dataset = multipart(
                "/api/projects/" + projectId + "/datasets",
                "customers.csv",
                "customer_id,segment\n1,gold\n2,silver\n".getBytes(StandardCharsets.UTF_8));
        assertThat(dataset.status()).as(dataset.toString()).isBetween(200, 201);
    }

    private void injectFault() {
        String check =
                "ALTER TABLE project_events ADD CONSTRAINT fault_injected CHECK (type <> 'IMPORTED' AND type <> 'COPIED')";
        // existing imported/copied events (from earlier successful requests) stay: only new rows are checked
        FaultDatabases.execute(server(), check + (FaultDatabases.isPostgres(server()) ? " NOT VALID" : " NOCHECK"));
    }

    private void removeFault() {
        FaultDatabases.execute(server(), "ALTER TABLE project_events DROP CONSTRAINT fault_injected");
    }

    /**
     * Runs {@code request} with the fault in place (it must fail and change nothing), then without
     * (it must succeed with {@code success}), and returns the successful answer.
     */
    private Reply failsWithoutTraceThenSucceeds(Supplier<Reply> request, int success) {
        Map<String, Long> before = FaultDatabases.rowCounts(server());
        injectFault();
        Reply failed;
        try {
            failed = request.get();
            injected++;
        } finally {
            removeFault();
        }
        assertThat(failed.status()).as(failed.toString()).isEqualTo(500);
        assertThat(failed.body())
                .contains("internal server error")
                .doesNotContainIgnoringCase("fault_injected")
                .doesNotContainIgnoringCase("constraint")
                .doesNotContainIgnoringCase("insert into");
        assertThat(FaultDatabases.rowCounts(server()))
                .as("row counts after the failed request")
                .isEqualTo(before);

        Reply ok = request.get();
        assertThat(ok.status()).as(ok.toString()).isEqualTo(success);
        assertThat(FaultDatabases.rowCounts(server()).get("projects")).isGreaterThan(before.get("projects"));
        return ok;
    }

    @Test
    void a_v1_project_import_that_fails_at_its_last_write_leaves_nothing_behind() {
        JsonNode export = server().post(
                        "/api/v1/projects/export-project", user.token(), Map.of("project_id", projectId))
                .data();
        Reply ok = failsWithoutTraceThenSucceeds(
                () -> server().post(
                                "/api/v1/projects/workspace_id/import-project",
                                user.token(),
                                Map.of("export_data", export, "scope", "user")),
                200);
        assertThat(ok.data().path("new_project_id").asText()).isNotBlank();
    }

    @Test
    void a_v1_workspace_import_that_fails_half_way_leaves_nothing_behind() {
        for (int i = 0; i < 5; i++) {
            server().post(
                            "/api/v1/projects/workspace_id/save",
                            user.token(),
                            Map.of("project", Map.of("name", "more " + i)));
        }
        Reply target = server().post("/api/v1/workspaces/save", user.token(), Map.of("name", "target"));
        String targetId = target.data().path("workspace_id").asText();
        JsonNode export = server().post(
                        "/api/v1/projects/workspace_id/export-workspace", user.token(), Map.of("scope", "user"))
                .data();
        Reply ok = failsWithoutTraceThenSucceeds(
                () -> server().post(
                                "/api/v1/projects/" + targetId + "/import-workspace",
                                user.token(),
                                Map.of("export_data", export, "scope", "user")),
                200);
        assertThat(ok.data().path("summary").path("projects_imported").asInt()).isEqualTo(6);
    }

    @Test
    void a_v1_tables_import_that_fails_half_way_leaves_nothing_behind() {
        Reply target = server().post("/api/v1/workspaces/save", user.token(), Map.of("name", "tables target"));
        String targetId = target.data().path("workspace_id").asText();
        Map<String, Object> generated = generatedTables(20);
        Reply ok = failsWithoutTraceThenSucceeds(
                () -> server().post(
                                "/api/v1/workspaces/import-tables",
                                user.token(),
                                Map.of("export_data", generated, "workspace_id", targetId)),
                200);
        assertThat(ok.data().path("summary").path("projects_imported").asInt()).isEqualTo(20);
    }

    @Test
    void a_tables_import_with_a_bad_row_at_the_end_is_refused_and_leaves_nothing_behind() {
        Reply target = server().post("/api/v1/workspaces/save", user.token(), Map.of("name", "bad row target"));
        String targetId = target.data().path("workspace_id").asText();
        ObjectNode generated = JSON.valueToTree(generatedTables(20));
        ArrayNode params = (ArrayNode) generated.path("tables").path("project_params");
        params.add(params.get(params.size() - 1).deepCopy()); // the last project's version 0, twice
        Map<String, Long> before = FaultDatabases.rowCounts(server());
        injected++;

        Reply refused = server().post(
                        "/api/v1/workspaces/import-tables",
                        user.token(),
                        Map.of("export_data", generated, "workspace_id", targetId));

        assertThat(refused.status()).as(refused.toString()).isBetween(400, 499);
        assertThat(refused.json().path("status").asText()).isEqualTo("error");
        assertThat(FaultDatabases.rowCounts(server())).isEqualTo(before);
    }

    @Test
    void a_resource_zip_import_that_fails_at_its_last_write_leaves_nothing_behind() {
        byte[] zip = getBytes("/api/projects/" + projectId + "/export");
        Reply ok = failsWithoutTraceThenSucceeds(() -> postZip(zip), 201);
        assertThat(ok.json().path("project").path("dataset_count").asInt()).isEqualTo(1);
    }

    @Test
    void a_copy_that_fails_at_its_last_write_leaves_nothing_behind() {
        Reply ok = failsWithoutTraceThenSucceeds(
                () -> server().post(
                                "/api/v1/projects/workspace_id/copy",
                                user.token(),
                                Map.of("project_id", projectId, "new_project_name", "copy " + System.nanoTime())),
                200);
        assertThat(ok.data().path("new_project_id").asText()).isNotEqualTo(projectId);
    }

    private static Map<String, Object> generatedTables(int count) {
        List<Map<String, Object>> projects = new ArrayList<>();
        List<Map<String, Object>> params = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            projects.add(Map.of("id", "p" + i, "name", "generated " + i));
            for (int v = 0; v < 3; v++) {
                params.add(Map.of(
                        "project_id",
                        "p" + i,
                        "version",
                        v,
                        "params",
                        Map.of("v", v),
                        "created_at",
                        "2026-01-01T00:00:00Z"));
            }
        }
        Map<String, Object> tables = new LinkedHashMap<>();
        tables.put("projects", projects);
        tables.put("project_params", params);
        tables.put("project_members", List.of());
        tables.put("project_documents", List.of());
        tables.put("project_events", List.of());
        return Map.of("format", "atelier.workspace", "format_version", 1, "tables", tables);
    }

    private Reply multipart(String path, String filename, byte[] bytes) {
        String boundary = "----atelier-fault-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                        + "\"\r\nContent-Type: text/csv\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return server().send(server().request(path, user.token())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build());
    }

    private Reply postZip(byte[] zip) {
        return server().send(server().request("/api/projects/import", user.token())
                .header("Content-Type", "application/zip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(zip))
                .build());
    }

    private byte[] getBytes(String path) {
        try {
            HttpResponse<byte[]> r = BYTES.send(
                    server().request(path, user.token()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).isEqualTo(200);
            return r.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
