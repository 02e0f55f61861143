package dev.atelier.http.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atelier.http.testing.AtelierServer.TestUser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The gaps the conformance suite found between the reference documents and the server, each with
 * the test that would have caught it: a form without files (what Python's {@code requests} sends
 * for {@code data=} alone) for create-from-context; an empty create-from-context request in either
 * encoding; deletes of an id the caller cannot see, in every dialect; list and load as the Python
 * SDK generation with the workspace in the path POSTs them. Bad input answers 4xx in the dialect's
 * shape and changes nothing.
 */
abstract class FoundGapsContract extends ConformanceContract {
    private String createFromContext(String workspace) {
        return base() + "/api/v1/projects/" + workspace + "/create-from-context";
    }

    private int projectCount(TestUser user) {
        return server().get("/api/v1/projects/list?scopes=user,organization", user.token())
                .data()
                .size();
    }

    // ---- create-from-context: url-encoded forms and empty requests

    @Test
    void createFromContext_aUrlEncodedForm_createsTheProject_withItsScope_inBothPathForms() {
        TestUser user = user("Analyst");
        for (String path :
                List.of(createFromContext("workspace_id"), base() + "/api/v1/projects/create-from-context")) {
            Answer answer = Answer.exchange(PythonRequests.post(path)
                    .header("Authorization", "Bearer " + user.token())
                    .data("context", "Detect fraudulent card transactions in real time for a retail bank")
                    .data("scope", "organization")
                    .prepare());

            JsonNode project = v1Success(answer);
            assertThat(Py.str(project, "scope")).isEqualTo("organization");
            assertThat(Py.item(project, "documents")).isEmpty();
            assertThat(load(user, Py.str(project, "id"))).isNotNull();
        }
    }

    @Test
    void createFromContext_anEmptyUrlEncodedForm_is400SayingWhatIsMissing_andCreatesNothing() {
        TestUser user = user("Analyst");
        List<WireRequest> empties = List.of(
                // create_project_from_context(..., context="") : the fields are there, empty
                PythonRequests.post(createFromContext("workspace_id"))
                        .header("Authorization", "Bearer " + user.token())
                        .data("context", "")
                        .data("scope", "user")
                        .prepare(),
                // the content type with no body at all
                Curl.command("POST", createFromContext("workspace_id"))
                        .header("Authorization: Bearer " + user.token())
                        .header("Content-Type: application/x-www-form-urlencoded")
                        .data("")
                        .prepare(),
                // requests with data={} and files=[]: neither a body nor a content type
                PythonRequests.post(createFromContext("workspace_id"))
                        .header("Authorization", "Bearer " + user.token())
                        .prepare());
        for (WireRequest empty : empties) {
            String message = v1Error(Answer.exchange(empty), 400);
            assertThat(message)
                    .as(empty.header("Content-Type"))
                    .contains("context")
                    .contains("file");
        }
        assertThat(projectCount(user)).isZero();
    }

    @Test
    void createFromContext_anEmptyMultipartForm_is400SayingWhatIsMissing_andCreatesNothing() {
        TestUser user = user("Analyst");
        List<WireRequest> empties = List.of(
                Curl.command("POST", createFromContext("workspace_id"))
                        .header("Authorization: Bearer " + user.token())
                        .form("scope", "user")
                        .prepare(),
                Curl.command("POST", createFromContext("workspace_id"))
                        .header("Authorization: Bearer " + user.token())
                        .form("context", "   ")
                        .form("scope", "user")
                        .prepare());
        for (WireRequest empty : empties) {
            String message = v1Error(Answer.exchange(empty), 400);
            assertThat(message).contains("context").contains("file");
        }
        assertThat(projectCount(user)).isZero();
    }

    @Test
    void createFromContext_aUrlEncodedFormNamingFiles_aBadScope_orATwiceGivenField_is400_andCreatesNothing() {
        TestUser user = user("Analyst");
        String message = v1Error(
                Answer.exchange(PythonRequests.post(createFromContext("workspace_id"))
                        .header("Authorization", "Bearer " + user.token())
                        .data("context", "Churn analysis")
                        .data("files", "customer_data.csv")
                        .prepare()),
                400);
        assertThat(message).contains("multipart/form-data");
        v1Error(
                Answer.exchange(PythonRequests.post(createFromContext("workspace_id"))
                        .header("Authorization", "Bearer " + user.token())
                        .data("context", "Churn analysis")
                        .data("scope", "everyone")
                        .prepare()),
                400);
        // requests.post(url, data={"context": ["Churn", "Fraud"]}): a field sent twice
        assertThat(v1Error(
                        Answer.exchange(PythonRequests.post(createFromContext("workspace_id"))
                                .header("Authorization", "Bearer " + user.token())
                                .data("context", List.of("Churn analysis", "Fraud analysis"))
                                .prepare()),
                        400))
                .contains("context");
        assertThat(projectCount(user)).isZero();
    }

    // ---- deletes of what the caller cannot see

    @Test
    void resourceApi_deleteProject_ofAnUnknownId_is404_exactlyAsGet() {
        TestUser user = user("Owner");
        for (String id : List.of("d4e5f6a7-b8c9-0123-def4-567890123456", "no-such-project", "bad%20id")) {
            Answer get = Answer.exchange(Curl.command("GET", base() + "/api/projects/" + id)
                    .header("Authorization: Bearer " + user.token())
                    .prepare());
            Answer delete = Answer.exchange(Curl.command("DELETE", base() + "/api/projects/" + id)
                    .header("Authorization: Bearer " + user.token())
                    .prepare());

            problem(delete, 404);
            assertThat(delete.status()).isEqualTo(get.status());
            assertThat(delete.header("Content-Type")).isEqualTo(get.header("Content-Type"));
            assertThat(delete.json()).isEqualTo(get.json());
        }
    }

    @Test
    void resourceApi_deleteProject_ofAnotherTenantsProject_is404_exactlyAsGet_andTheProjectStays() {
        TestUser owner = user("Owner");
        TestUser stranger = user("Stranger");
        String id = project(owner, "Not yours");

        Answer get = Answer.exchange(Curl.command("GET", base() + "/api/projects/" + id)
                .header("Authorization: Bearer " + stranger.token())
                .prepare());
        Answer delete = Answer.exchange(Curl.command("DELETE", base() + "/api/projects/" + id)
                .header("Authorization: Bearer " + stranger.token())
                .prepare());

        problem(delete, 404);
        assertThat(delete.json()).isEqualTo(get.json());
        assertThat(load(owner, id)).isNotNull();
    }

    @Test
    void resourceApi_deleteProject_byTheOwner_isOkTrue_aSecondDeleteIs404_andAnAdminMemberIs403() {
        TestUser owner = user("Owner");
        TestUser admin = user("Admin");
        String id = project(owner, "Doomed");
        share(owner, id, admin, "admin");
        WireRequest byAdmin = Curl.command("DELETE", base() + "/api/projects/" + id)
                .header("Authorization: Bearer " + admin.token())
                .prepare();
        WireRequest byOwner = Curl.command("DELETE", base() + "/api/projects/" + id)
                .header("Authorization: Bearer " + owner.token())
                .prepare();

        problem(Answer.exchange(byAdmin), 403);
        assertThat(load(owner, id)).isNotNull();
        Answer deleted = Answer.exchange(byOwner);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json()).hasToString("{\"ok\":true}");
        problem(Answer.exchange(byOwner), 404);
    }

    @Test
    void projectsApiV1_cleanup_ofAnUnknownOrAnotherTenantsId_is404_andDeletesNothing() {
        TestUser owner = user("Owner");
        TestUser stranger = user("Stranger");
        String id = project(owner, "Not yours");
        String strangersOwn = project(stranger, "Stranger's own");

        for (String target : List.of(id, "no-such-project", "not a valid id")) {
            Answer answer = Answer.exchange(PythonRequests.post(base() + "/api/v1/projects/workspace_id/cleanup")
                    .header("Authorization", "Bearer " + stranger.token())
                    .header("Content-Type", "application/json")
                    .json(Map.of("project", Map.of("id", target, "scope", "user")))
                    .prepare());
            assertThat(v1Error(answer, 404)).contains("not found");
        }
        assertThat(load(owner, id)).isNotNull();
        assertThat(load(stranger, strangersOwn)).isNotNull();
        // both SDK generations raise instead of printing a success
        assertThatThrownBy(() -> new PrometheuxSdk.Current(base(), stranger.token()).cleanupProjects(id, "user"))
                .hasMessageContaining("Not Found");
        assertThatThrownBy(() -> new PrometheuxSdk.WorkspacePath(base(), stranger.token())
                        .cleanupProjects("workspace_id", id, "user"))
                .hasMessageContaining("Not Found");
    }

    @Test
    void projectsApiV1_cleanup_ofTheSameIdTwice_is404_theSecondTime() {
        TestUser owner = user("Owner");
        String id = project(owner, "Once");
        WireRequest cleanup = PythonRequests.post(base() + "/api/v1/projects/cleanup")
                .header("Authorization", "Bearer " + owner.token())
                .header("Content-Type", "application/json")
                .json(Map.of("project", Map.of("id", id, "scope", "user")))
                .prepare();

        assertThat(Py.item(v1Success(Answer.exchange(cleanup)), "deleted").asInt())
                .isEqualTo(1);
        v1Error(Answer.exchange(cleanup), 404);
    }

    @Test
    void projectsApiV1_cleanup_namingAnotherWorkspaceThanTheProjects_is404_asLoadIs_andDeletesNothing() {
        TestUser owner = user("Owner");
        String elsewhere = workspace(owner, "Elsewhere");
        String id = project(owner, "In the default workspace");

        Answer load = Answer.exchange(PythonRequests.get(base() + "/api/v1/projects/" + elsewhere + "/load")
                .header("Authorization", "Bearer " + owner.token())
                .param("project_id", id)
                .prepare());
        Answer cleanup = Answer.exchange(PythonRequests.post(base() + "/api/v1/projects/" + elsewhere + "/cleanup")
                .header("Authorization", "Bearer " + owner.token())
                .json(Map.of("project", Map.of("id", id)))
                .prepare());

        v1Error(load, 404);
        v1Error(cleanup, 404);
        assertThat(load(owner, id)).isNotNull();
    }

    @Test
    void projectsApiV1_cleanup_withoutAnId_isASweep_thatMayFindNothing_andStillSucceeds() {
        TestUser user = user("Owner");
        Answer answer = Answer.exchange(PythonRequests.post(base() + "/api/v1/projects/workspace_id/cleanup")
                .header("Authorization", "Bearer " + user.token())
                .json(Map.of("project", Map.of("scope", "user")))
                .prepare());

        assertThat(Py.item(v1Success(answer), "deleted").asInt()).isZero();
        assertThat(Py.str(answer.json(), "message")).isEqualTo("0 projects deleted");
    }

    @Test
    void labelingApi_hasNoDelete_aDeleteIs405InTheErrorShape_andTheProjectStays() {
        TestUser user = user("Labeler");
        Map<String, Object> create = Map.of("type", "imageannotation", "name", "kitten_labeling");
        server().post("/v1/projects", user.token(), create);

        Answer answer = Answer.exchange(PythonRequests.request("DELETE", base() + "/v1/projects/kitten_labeling")
                .auth(user.token(), "")
                .prepare());

        labelingError(answer, 405);
        assertThat(new ScaleSdk(base() + "/v1", user.token())
                        .getProject("kitten_labeling")
                        .name())
                .isEqualTo("kitten_labeling");
    }

    // ---- imports of what the export call returned, whole

    @Test
    void projectsApiV1_importProject_ofTheWholeExportAnswer_importsAsItsData_andAnEmptyOneIs400() {
        TestUser user = user("Analyst");
        String id = project(user, "Exported whole");
        JsonNode answer = Answer.exchange(PythonRequests.post(base() + "/api/v1/projects/export-project")
                        .header("Authorization", "Bearer " + user.token())
                        .json(Map.of("project_id", id))
                        .prepare())
                .json();

        JsonNode imported = v1Success(Answer.exchange(PythonRequests.post(base() + "/api/v1/projects/import-project")
                .header("Authorization", "Bearer " + user.token())
                .json(Map.of("export_data", answer))
                .prepare()));
        assertThat(load(user, Py.str(imported, "new_project_id")).path("name").asText())
                .startsWith("Exported whole");

        for (String path : List.of("/api/v1/projects/import-project", "/api/v1/workspaces/import-tables")) {
            Answer empty = Answer.exchange(PythonRequests.post(base() + path)
                    .header("Authorization", "Bearer " + user.token())
                    .json(Map.of("export_data", Map.of("status", "success", "message", "", "data", Map.of())))
                    .prepare());
            assertThat(v1Error(empty, 400)).as(path).contains("format");
        }
        assertThat(server().get("/api/v1/projects/list", user.token()).data()).hasSize(2);
    }

    // ---- list and load as JSON POSTs (the SDK generation with the workspace in the path)

    @Test
    void projectsApiV1_listAndLoadByPost_withABadBody_are400_orNotFound_inTheEnvelope() {
        TestUser user = user("Analyst");
        String list = base() + "/api/v1/projects/workspace_id/list";
        String load = base() + "/api/v1/projects/workspace_id/load";
        for (Object scopes : List.of(5, List.of("user", 7), "everyone", List.of("user", "nobody"))) {
            v1Error(
                    Answer.exchange(PythonRequests.post(list)
                            .header("Authorization", "Bearer " + user.token())
                            .json(Map.of("scopes", scopes))
                            .prepare()),
                    400);
        }
        v1Error(
                Answer.exchange(PythonRequests.post(load)
                        .header("Authorization", "Bearer " + user.token())
                        .json(Map.of("scope", "user"))
                        .prepare()),
                400);
        v1Error(
                Answer.exchange(PythonRequests.post(load)
                        .header("Authorization", "Bearer " + user.token())
                        .json(Map.of("project", Map.of("scope", "user")))
                        .prepare()),
                400);
        v1Error(
                Answer.exchange(PythonRequests.post(load)
                        .header("Authorization", "Bearer " + user.token())
                        .json(Map.of("project", Map.of("id", "no-such-project")))
                        .prepare()),
                404);
        v1Error(
                Answer.exchange(PythonRequests.post(load)
                        .header("Authorization", "Bearer " + user.token())
                        .header("Content-Type", "application/json")
                        .rawData("{\"project\": ")
                        .prepare()),
                400);
    }

    @Test
    void projectsApiV1_listByPost_withoutScopes_isTheCallersOwnProjects_asWithoutTheQueryParameter() {
        TestUser user = user("Analyst");
        String id = project(user, "Mine");
        for (WireRequest request : List.of(
                PythonRequests.post(base() + "/api/v1/projects/list")
                        .header("Authorization", "Bearer " + user.token())
                        .json(Map.of())
                        .prepare(),
                PythonRequests.post(base() + "/api/v1/projects/list")
                        .header("Authorization", "Bearer " + user.token())
                        .header("Content-Type", "application/json")
                        .prepare())) {
            JsonNode projects = v1Success(Answer.exchange(request));
            assertThat(projects).hasSize(1);
            assertThat(Py.str(projects, 0, "id")).isEqualTo(id);
        }
    }
}
