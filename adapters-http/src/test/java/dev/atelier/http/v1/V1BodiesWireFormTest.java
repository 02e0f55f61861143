package dev.atelier.http.v1;

import static dev.atelier.http.testing.JsonShapes.shape;
import static dev.atelier.http.v1.V1Assertions.success;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atelier.http.testing.AtelierServer;
import dev.atelier.http.testing.AtelierServer.Reply;
import dev.atelier.http.testing.AtelierServer.TestUser;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The answers of the v1 dialect written from typed records keep the wire form clients read: per
 * answer, the fields in order, which are null and which absent, and which are numbers, strings,
 * booleans, objects or lists (the {@link #shape} of the answer). A project carries its params and
 * params version only where the endpoint knows them, a loaded project its caller's role last, a
 * project made from a template its template id last, one made from a context its params,
 * documents and analysis after its own fields.
 */
class V1BodiesWireFormTest {
    private final AtelierServer server = AtelierServer.shared();
    private final TestUser alice = server.createUser("Alice V1 Wire Form", "acme-" + UUID.randomUUID());

    /** A project as save, list and copy show it: no params. */
    static final String PROJECT = "id:s,name:s,description:null,metadata:{},scope:s,workspace_id:s,type:s,status:s,"
            + "owner_id:s,version:n,created_at:s,updated_at:s";

    /** A project with its current params (load, imports). */
    static final String PROJECT_WITH_PARAMS = "id:s,name:s,description:null,metadata:{},scope:s,workspace_id:s,"
            + "type:s,status:s,params:{},params_version:n,owner_id:s,version:n,created_at:s,updated_at:s";

    static final String WORKSPACE =
            "id:s,name:s,description:s,metadata:{},scope:s,owner_id:s,is_default:b," + "created_at:s,updated_at:s";

    private static String object(String fields) {
        return "{" + fields + "}";
    }

    private static void envelope(Reply reply) {
        assertThat(shape(reply.json())).startsWith("{status:s,message:s,data:");
    }

    private String saved(String name) {
        Reply saved = server.post(
                "/api/v1/projects/workspace_id/save", alice.token(), Map.of("project", Map.of("name", name)));
        envelope(saved);
        assertThat(shape(success(saved))).isEqualTo(object("project_id:s,created:b,project:" + object(PROJECT)));
        return success(saved).path("project_id").asText();
    }

    @Test
    void save_list_load_copy_and_cleanup_keep_their_fields_in_order() {
        String id = saved("Wire form " + UUID.randomUUID());

        Reply listed = server.get("/api/v1/projects/list", alice.token());
        envelope(listed);
        assertThat(shape(success(listed))).isEqualTo("[" + object(PROJECT) + "]");
        Reply posted = server.post("/api/v1/projects/list", alice.token(), Map.of("scopes", List.of("user")));
        assertThat(posted.body()).isEqualTo(listed.body());

        Reply loaded = server.get("/api/v1/projects/load?project_id=" + id, alice.token());
        envelope(loaded);
        assertThat(shape(success(loaded))).isEqualTo(object(PROJECT_WITH_PARAMS + ",role:s"));

        Reply copied = server.post(
                "/api/v1/projects/copy", alice.token(), Map.of("project_id", id, "new_project_name", "Copy"));
        envelope(copied);
        assertThat(shape(success(copied))).isEqualTo(object("new_project_id:s,project:" + object(PROJECT)));

        Reply cleaned = server.post(
                "/api/v1/projects/cleanup", alice.token(), Map.of("project", Map.of("id", id, "scope", "user")));
        assertThat(cleaned.body())
                .isEqualTo("{\"status\":\"success\",\"message\":\"1 project deleted\",\"data\":" + "{\"deleted\":1}}");
    }

    @Test
    void nulls_inside_metadata_and_params_are_written() {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put("gone", null);
        Reply saved = server.post(
                "/api/v1/projects/save",
                alice.token(),
                Map.of("project", Map.of("name", "Nulls inside", "metadata", metadata)));
        assertThat(shape(success(saved).path("project").path("metadata"))).isEqualTo("{gone:null}");

        String name = "nulls-" + UUID.randomUUID();
        Reply labeled = server.send(server.request("/v1/projects", null)
                .header("Content-Type", "application/json")
                .header("Authorization", AtelierServer.basicAuth(alice.token()))
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\": \"imageannotation\", \"name\": \"" + name
                        + "\", \"params\": {\"gone\": null, \"kept\": 1}}"))
                .build());
        assertThat(labeled.status()).as(labeled.toString()).isEqualTo(200);
        String id = null;
        for (JsonNode p : success(server.get("/api/v1/projects/list", alice.token()))) {
            if (p.path("name").asText().equals(name)) {
                id = p.path("id").asText();
            }
        }
        assertThat(id).as("the labeling project is listed in v1").isNotNull();
        JsonNode loaded = success(server.get("/api/v1/projects/load?project_id=" + id, alice.token()));
        assertThat(shape(loaded.path("params"))).isEqualTo("{gone:null,kept:n}");
    }

    @Test
    void imports_and_templates_keep_their_fields_in_order() {
        String id = saved("Exported " + UUID.randomUUID());
        JsonNode export =
                success(server.post("/api/v1/projects/export-project", alice.token(), Map.of("project_id", id)));

        Reply imported = server.post("/api/v1/projects/import-project", alice.token(), Map.of("export_data", export));
        envelope(imported);
        assertThat(fields(success(imported))).containsExactly("new_project_id", "project", "summary");
        assertThat(shape(success(imported).path("project"))).isEqualTo(object(PROJECT_WITH_PARAMS));

        Reply templates = server.get("/api/v1/projects/list-templates", alice.token());
        envelope(templates);
        assertThat(shape(success(templates))).isEqualTo("[{id:s,name:s,description:s,category:s}]");

        String template = success(templates).get(0).path("id").asText();
        Reply fromTemplate = server.post(
                "/api/v1/projects/import-template",
                alice.token(),
                Map.of("template_id", template, "new_project_name", "From template"));
        envelope(fromTemplate);
        assertThat(fields(success(fromTemplate)))
                .containsExactly(
                        "id",
                        "name",
                        "description",
                        "metadata",
                        "scope",
                        "workspace_id",
                        "type",
                        "status",
                        "params",
                        "params_version",
                        "owner_id",
                        "version",
                        "created_at",
                        "updated_at",
                        "template_id");

        JsonNode workspaceExport =
                success(server.post("/api/v1/projects/export-workspace", alice.token(), Map.of("scope", "user")));
        Reply workspaceImported =
                server.post("/api/v1/projects/import-workspace", alice.token(), Map.of("export_data", workspaceExport));
        envelope(workspaceImported);
        assertThat(fields(success(workspaceImported))).containsExactly("summary");
        assertThat(success(workspaceImported)
                        .path("summary")
                        .path("projects_imported")
                        .asInt())
                .isPositive();
    }

    @Test
    void a_project_created_from_a_context_shows_params_documents_and_analysis_after_its_own_fields() {
        String boundary = "----wireform" + UUID.randomUUID();
        String form = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"context\"\r\n\r\n"
                + "Forecast weekly sales per store\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"sales.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\nstore,week,units\na,1,3\n\r\n"
                + "--" + boundary + "--\r\n";
        Reply reply = server.send(server.request("/api/v1/projects/create-from-context", alice.token())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
                .build());
        envelope(reply);
        JsonNode data = success(reply);
        assertThat(fields(data))
                .containsExactly(
                        "id",
                        "name",
                        "description",
                        "metadata",
                        "scope",
                        "workspace_id",
                        "type",
                        "status",
                        "owner_id",
                        "version",
                        "created_at",
                        "updated_at",
                        "params",
                        "documents",
                        "analysis");
        assertThat(shape(data.path("documents")))
                .isEqualTo("[{id:s,filename:s,media_type:s,size_bytes:n,sha256:s,pages:null,rows:n,columns:n,"
                        + "characters:n,truncated:b}]");
    }

    @Test
    void workspaces_and_the_caller_keep_their_fields_in_order() {
        Reply saved = server.post(
                "/api/v1/workspaces/save",
                alice.token(),
                Map.of("name", "Wire form " + UUID.randomUUID(), "description", "its own"));
        envelope(saved);
        assertThat(shape(success(saved))).isEqualTo(object("workspace_id:s,workspace:" + object(WORKSPACE)));
        String id = success(saved).path("workspace_id").asText();

        Reply listed = server.get("/api/v1/workspaces/list", alice.token());
        envelope(listed);
        assertThat(shape(success(listed))).isEqualTo("[" + object(WORKSPACE) + "]");

        Reply loaded = server.get("/api/v1/workspaces/" + id + "/load", alice.token());
        envelope(loaded);
        assertThat(shape(success(loaded))).isEqualTo(object(WORKSPACE + ",project_count:n"));

        Reply tables = server.post(
                "/api/v1/workspaces/import-tables",
                alice.token(),
                Map.of(
                        "export_data",
                        success(server.post("/api/v1/workspaces/" + id + "/export-tables", alice.token(), Map.of()))));
        envelope(tables);
        assertThat(fields(success(tables))).containsExactly("summary");

        Reply me = server.get("/api/v1/me", alice.token());
        assertThat(shape(me.json()))
                .isEqualTo("{status:s,message:s,data:{user:{id:s,email:s,name:s,organization:s,admin:b,"
                        + "created_at:s}}}");
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
