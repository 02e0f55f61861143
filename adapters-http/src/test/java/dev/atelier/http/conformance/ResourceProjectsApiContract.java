package dev.atelier.http.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atelier.http.testing.AtelierServer.TestUser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * The resource-style "Projects API" reference (List Projects, Create Project, Get Project, Update
 * Project, Delete Project, List Members, Add Member, Activity Timeline, Export Project): each
 * section's curl example and Python example, with {@code $BASE_URL} the server and
 * {@code YOUR_API_KEY} a user's key, reading what each example reads. The documents' fixed ids
 * ({@code d4e5f6a7-...}) and e-mail addresses stand for a real project and a registered user.
 */
abstract class ResourceProjectsApiContract extends ConformanceContract {
    private static final String BEARER = "Authorization: Bearer ";

    /** A project made through the resource API; its id. */
    private String resourceProject(TestUser user, String name, String description) {
        Map<String, Object> body = Py.dict("name", name, "description", description);
        return server().post("/api/projects", user.token(), body)
                .json()
                .path("project_id")
                .asText();
    }

    private JsonNode get(TestUser user, String id) {
        return server().get("/api/projects/" + id, user.token()).json().path("project");
    }

    // ---- List Projects

    private void fraudProjects(TestUser user) {
        resourceProject(user, "Fraud Detection v2", "Credit card fraud classification");
        resourceProject(user, "Churn Prediction", "Telco customer churn");
        resourceProject(user, "Chargebacks", "Signals of FRAUD in disputes");
    }

    @Test
    void resourceProjectsApi_listProjects_curlExample() {
        TestUser user = user("Analyst");
        fraudProjects(user);

        Answer answer = Answer.exchange(Curl.command("GET", base() + "/api/projects?limit=10&search=fraud")
                .header(BEARER + user.token())
                .prepare());

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode page = answer.json();
        assertThat(Py.item(page, "total").asInt()).isEqualTo(2);
        assertThat(Py.item(page, "limit").asInt()).isEqualTo(10);
        assertThat(Py.item(page, "offset").asInt()).isZero();
        for (JsonNode item : Py.item(page, "items")) {
            for (String field : List.of("id", "name", "status", "created_at")) {
                Py.str(item, field);
            }
            for (String count : List.of("dataset_count", "experiment_count", "model_count")) {
                assertThat(Py.item(item, count).isInt()).isTrue();
            }
        }
    }

    @Test
    void resourceProjectsApi_listProjects_pythonExample() {
        TestUser user = user("Analyst");
        fraudProjects(user);

        JsonNode data = Answer.exchange(PythonRequests.get(base() + "/api/projects")
                        .header("Authorization", "Bearer " + user.token())
                        .param("limit", 10)
                        .param("search", "fraud")
                        .prepare())
                .json();

        // for p in data["items"]: print(p["id"], p["name"])
        List<String> names = new ArrayList<>();
        for (JsonNode p : Py.item(data, "items")) {
            Py.str(p, "id");
            names.add(Py.str(p, "name"));
        }
        assertThat(names).containsExactlyInAnyOrder("Fraud Detection v2", "Chargebacks");
    }

    // ---- Create Project

    @Test
    void resourceProjectsApi_createProject_curlExample() {
        TestUser user = user("Analyst");

        Answer answer = Answer.exchange(Curl.command("POST", base() + "/api/projects")
                .header(BEARER + user.token())
                .header("Content-Type: application/json")
                .data("{\"name\": \"Churn Prediction\", \"description\": \"Telco customer churn\"}")
                .prepare());

        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        JsonNode body = answer.json();
        String id = Py.str(body, "project_id");
        assertThat(Py.str(body, "project", "id")).isEqualTo(id);
        assertThat(Py.str(body, "project", "name")).isEqualTo("Churn Prediction");
        assertThat(Py.str(body, "project", "description")).isEqualTo("Telco customer churn");
        Py.str(body, "project", "created_at");
    }

    @Test
    void resourceProjectsApi_createProject_pythonExample() {
        TestUser user = user("Analyst");
        Map<String, Object> json = Py.dict("name", "Churn Prediction", "description", "Telco customer churn");

        Answer resp = Answer.exchange(PythonRequests.post(base() + "/api/projects")
                .header("Authorization", "Bearer " + user.token())
                .json(json)
                .prepare());

        // project = resp.json(); print("Project ID:", project["project_id"])
        String projectId = Py.str(resp.json(), "project_id");
        assertThat(resp.status()).isEqualTo(201);
        assertThat(get(user, projectId).path("name").asText()).isEqualTo("Churn Prediction");
    }

    // ---- Get Project

    @Test
    void resourceProjectsApi_getProject_curlExample() {
        TestUser user = user("Analyst");
        String id = resourceProject(user, "Churn Prediction", "Telco customer churn");

        Answer answer = Answer.exchange(Curl.command("GET", base() + "/api/projects/" + id)
                .header(BEARER + user.token())
                .prepare());

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(Py.str(answer.json(), "project", "id")).isEqualTo(id);
        assertThat(Py.str(answer.json(), "project", "description")).isEqualTo("Telco customer churn");
        Py.str(answer.json(), "project", "created_at");
    }

    @Test
    void resourceProjectsApi_getProject_pythonExample() {
        TestUser user = user("Analyst");
        String id = resourceProject(user, "Churn Prediction", "Telco customer churn");

        Answer resp = Answer.exchange(PythonRequests.get(base() + "/api/projects/" + id)
                .header("Authorization", "Bearer " + user.token())
                .prepare());

        // print(resp.json()["project"]["name"])
        assertThat(Py.str(resp.json(), "project", "name")).isEqualTo("Churn Prediction");
    }

    // ---- Update Project

    @Test
    void resourceProjectsApi_updateProject_curlExample() {
        TestUser user = user("Analyst");
        String id = resourceProject(user, "Churn Prediction", "Telco customer churn");

        Answer answer = Answer.exchange(Curl.command("PUT", base() + "/api/projects/" + id)
                .header(BEARER + user.token())
                .header("Content-Type: application/json")
                .data("{\"name\": \"Churn Prediction v2\", \"description\": \"Updated scope\"}")
                .prepare());

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(Py.str(answer.json(), "project", "id")).isEqualTo(id);
        assertThat(Py.str(answer.json(), "project", "name")).isEqualTo("Churn Prediction v2");
        assertThat(Py.str(answer.json(), "project", "description")).isEqualTo("Updated scope");
    }

    @Test
    void resourceProjectsApi_updateProject_pythonExample() {
        TestUser user = user("Analyst");
        String id = resourceProject(user, "Churn Prediction", "Telco customer churn");
        Map<String, Object> json = Py.dict("name", "Churn Prediction v2", "description", "Updated scope");

        Answer resp = Answer.exchange(PythonRequests.put(base() + "/api/projects/" + id)
                .header("Authorization", "Bearer " + user.token())
                .json(json)
                .prepare());

        assertThat(resp.status()).as(resp.toString()).isEqualTo(200);
        assertThat(get(user, id).path("name").asText()).isEqualTo("Churn Prediction v2");
        assertThat(get(user, id).path("description").asText()).isEqualTo("Updated scope");
    }

    // ---- Delete Project

    @Test
    void resourceProjectsApi_deleteProject_curlExample() {
        TestUser user = user("Analyst");
        String id = resourceProject(user, "Churn Prediction", "Telco customer churn");

        Answer answer = Answer.exchange(Curl.command("DELETE", base() + "/api/projects/" + id)
                .header(BEARER + user.token())
                .prepare());

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json()).hasToString("{\"ok\":true}");
        assertThat(server().get("/api/projects/" + id, user.token()).status()).isEqualTo(404);
    }

    // ---- List Members

    @Test
    void resourceProjectsApi_listMembers_curlExample() {
        TestUser alice = user("Alice Chen");
        TestUser bob = user("Bob Smith");
        String id = resourceProject(alice, "Churn Prediction", null);
        share(alice, id, bob, "editor");

        Answer answer = Answer.exchange(Curl.command("GET", base() + "/api/projects/" + id + "/members")
                .header(BEARER + alice.token())
                .prepare());

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode page = answer.json();
        assertThat(Py.item(page, "total").asInt()).isEqualTo(2);
        assertThat(Py.item(page, "limit").asInt()).isEqualTo(50);
        assertThat(Py.item(page, "offset").asInt()).isZero();
        for (JsonNode member : Py.item(page, "items")) {
            for (String field : List.of("user_id", "email", "name", "role", "created_at")) {
                Py.str(member, field);
            }
        }
    }

    @Test
    void resourceProjectsApi_listMembers_pythonExample() {
        TestUser alice = user("Alice Chen");
        TestUser bob = user("Bob Smith");
        String id = resourceProject(alice, "Churn Prediction", null);
        share(alice, id, bob, "editor");

        Answer resp = Answer.exchange(PythonRequests.get(base() + "/api/projects/" + id + "/members")
                .header("Authorization", "Bearer " + alice.token())
                .prepare());

        // for member in resp.json()["items"]: print(member["email"], member["role"])
        Map<String, String> roles = new LinkedHashMap<>();
        for (JsonNode member : Py.item(resp.json(), "items")) {
            roles.put(Py.str(member, "email"), Py.str(member, "role"));
        }
        assertThat(roles).containsEntry(alice.email(), "owner").containsEntry(bob.email(), "editor");
    }

    // ---- Add Member

    @Test
    void resourceProjectsApi_addMember_curlExample() {
        TestUser alice = user("Alice Chen");
        TestUser bob = user("Bob Smith");
        String id = resourceProject(alice, "Churn Prediction", null);

        Answer answer = Answer.exchange(Curl.command("POST", base() + "/api/projects/" + id + "/members")
                .header(BEARER + alice.token())
                .header("Content-Type: application/json")
                .data("{\"email\": \"" + bob.email() + "\", \"role\": \"editor\"}")
                .prepare());

        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        JsonNode member = Py.item(answer.json(), "member");
        assertThat(Py.str(member, "user_id")).isEqualTo(bob.id());
        assertThat(Py.str(member, "email")).isEqualTo(bob.email());
        assertThat(Py.str(member, "name")).isEqualTo("Bob Smith");
        assertThat(Py.str(member, "role")).isEqualTo("editor");
    }

    @Test
    void resourceProjectsApi_addMember_pythonExample() {
        TestUser alice = user("Alice Chen");
        TestUser bob = user("Bob Smith");
        String id = resourceProject(alice, "Churn Prediction", null);
        Map<String, Object> json = Py.dict("email", bob.email(), "role", "editor");

        Answer resp = Answer.exchange(PythonRequests.post(base() + "/api/projects/" + id + "/members")
                .header("Authorization", "Bearer " + alice.token())
                .json(json)
                .prepare());

        assertThat(resp.status()).as(resp.toString()).isEqualTo(201);
        assertThat(server().get("/api/projects/" + id, bob.token()).status())
                .as("bob now reaches the project")
                .isEqualTo(200);
    }

    // ---- Activity Timeline

    @Test
    void resourceProjectsApi_activityTimeline_curlExample() {
        TestUser user = user("Analyst");
        String id = resourceProject(user, "Fraud Detection v2", null);
        Answer uploaded = Answer.exchange(Curl.command("POST", base() + "/api/projects/" + id + "/datasets")
                .header(BEARER + user.token())
                .formFile("file", "transactions.csv", SampleFiles.customerData())
                .prepare());
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);

        Answer answer = Answer.exchange(Curl.command("GET", base() + "/api/projects/" + id + "/timeline")
                .header(BEARER + user.token())
                .prepare());

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(Py.str(answer.json(), "project_id")).isEqualTo(id);
        JsonNode dataset = null;
        for (JsonNode event : Py.item(answer.json(), "events")) {
            for (String field : List.of("id", "type", "name", "timestamp")) {
                Py.str(event, field);
            }
            if (event.path("type").asText().equals("dataset")) {
                dataset = event;
            }
        }
        assertThat(dataset).as("the documented dataset event").isNotNull();
        assertThat(Py.str(dataset, "name")).isEqualTo("transactions.csv");
        assertThat(Py.item(dataset, "rows").asInt()).isEqualTo(4);
        assertThat(Py.item(dataset, "columns").asInt()).isEqualTo(5);
    }

    // ---- Export Project

    @Test
    void resourceProjectsApi_exportProject_curlExample() {
        TestUser user = user("Analyst");
        String id = resourceProject(user, "Fraud Detection v2", "Credit card fraud classification");

        // curl -o project_export.zip "$BASE_URL/api/projects/{id}/export" -H "Authorization: ..."
        Answer answer = Answer.exchange(Curl.command("GET", base() + "/api/projects/" + id + "/export")
                .header(BEARER + user.token())
                .prepare());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).isEqualTo("application/zip");
        assertThat(zipEntries(answer.content())).contains("manifest.json");
    }

    @Test
    void resourceProjectsApi_exportProject_pythonExample() {
        TestUser user = user("Analyst");
        String id = resourceProject(user, "Fraud Detection v2", null);
        Answer upload = Answer.exchange(Curl.command("POST", base() + "/api/projects/" + id + "/datasets")
                .header(BEARER + user.token())
                .formFile("file", "transactions.csv", SampleFiles.customerData())
                .prepare());
        assertThat(upload.status()).isEqualTo(201);

        Answer resp = Answer.exchange(PythonRequests.get(base() + "/api/projects/" + id + "/export")
                .header("Authorization", "Bearer " + user.token())
                .prepare());

        // with open("project_export.zip", "wb") as f: f.write(resp.content)
        assertThat(resp.header("Content-Type")).isEqualTo("application/zip");
        List<String> entries = zipEntries(resp.content());
        assertThat(entries).contains("manifest.json");
        assertThat(entries).anyMatch(name -> name.endsWith("transactions.csv"));
    }

    private static List<String> zipEntries(byte[] zip) {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(names).as("a ZIP archive").isNotEmpty();
        return names;
    }
}
