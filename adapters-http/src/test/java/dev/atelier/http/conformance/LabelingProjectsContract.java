package dev.atelier.http.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atelier.http.testing.AtelierServer.Reply;
import dev.atelier.http.testing.AtelierServer.TestUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Scale's API reference, "Projects" (Project Retrieval, List All Projects, Create Project, Update
 * Project Parameters): each section's Python example ({@code requests} with
 * {@code auth=(API_KEY, '')} or {@code HTTPBasicAuth}) and Python SDK example (through the
 * published SDK's calls, see {@link ScaleSdk}), reading the fields of the documented answers.
 */
abstract class LabelingProjectsContract extends ConformanceContract {
    private static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z";

    private ScaleSdk client(TestUser user) {
        return new ScaleSdk(base() + "/v1", user.token());
    }

    /** A labeling project of {@code user} with {@code {"instruction": instruction}} as params. */
    private void labelingProject(TestUser user, String name, String instruction) {
        Map<String, Object> body =
                Py.dict("type", "imageannotation", "name", name, "params", Map.of("instruction", instruction));
        Reply reply = server().post("/v1/projects", user.token(), body);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }

    /** The shape of the documented project answers: type, name, param_history entries, created_at. */
    private static void assertDocumentedProject(JsonNode project, String name) {
        assertThat(Py.str(project, "type")).isEqualTo("imageannotation");
        assertThat(Py.str(project, "name")).isEqualTo(name);
        assertThat(Py.str(project, "created_at")).matches(TIMESTAMP);
        JsonNode history = Py.item(project, "param_history");
        assertThat(history.isArray()).isTrue();
        for (JsonNode entry : history) {
            assertThat(Py.item(entry, "version").isInt()).isTrue();
            assertThat(Py.str(entry, "created_at")).matches(TIMESTAMP);
        }
    }

    // ---- Project Retrieval

    @Test
    void labelingProjects_projectRetrieval_pythonExample() {
        TestUser user = user("Labeler");
        labelingProject(user, "kitten_labeling", "Instructions");

        Answer response = Answer.exchange(PythonRequests.get(base() + "/v1/projects/kitten_labeling")
                .header("accept", "application/json")
                .auth(user.token(), "")
                .prepare());

        // print(response.text)
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode project = response.json();
        assertDocumentedProject(project, "kitten_labeling");
        assertThat(Py.str(project, "param_history", 0, "instruction")).isEqualTo("Instructions");
        assertThat(Py.item(project, "param_history", 0, "version").asInt()).isZero();
    }

    @Test
    void labelingProjects_projectRetrieval_pythonSdkExample() {
        TestUser user = user("Labeler");
        labelingProject(user, "kitten_labeling", "Instructions");

        // project = client.get_project(project_name=project_name); print(project.as_dict())
        ScaleSdk.Project project = client(user).getProject("kitten_labeling");

        assertThat(project.name()).isEqualTo("kitten_labeling");
        assertThat(project.type()).isEqualTo("imageannotation");
        assertThat(project.version()).isZero();
        assertThat(project.instruction()).isEqualTo("Instructions");
        assertDocumentedProject(project.json(), "kitten_labeling");
    }

    // ---- List All Projects

    @Test
    void labelingProjects_listAllProjects_pythonExample() {
        TestUser user = user("Labeler");
        labelingProject(user, "project_name", "Instructions");
        labelingProject(user, "kitten_labeling", "Label the kittens");

        // auth = HTTPBasicAuth('{{ApiKey}}', ''); requests.get(url, headers=headers, auth=auth)
        Answer response = Answer.exchange(PythonRequests.get(base() + "/v1/projects")
                .header("accept", "application/json")
                .auth(user.token(), "")
                .prepare());

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        for (JsonNode project : response.json()) {
            names.add(Py.str(project, "name"));
            assertDocumentedProject(project, Py.str(project, "name"));
        }
        assertThat(names).containsExactly("project_name", "kitten_labeling");
    }

    @Test
    void labelingProjects_listAllProjects_pythonSdkExample() {
        TestUser user = user("Labeler");
        labelingProject(user, "project_name", "Instructions");
        labelingProject(user, "kitten_labeling", "Label the kittens");

        // for project in client.get_projects(): print(project.as_dict())
        List<String> names = new ArrayList<>();
        for (ScaleSdk.Project project : client(user).getProjects()) {
            names.add(project.name());
            assertThat(project.version()).isZero();
        }
        assertThat(names).containsExactly("project_name", "kitten_labeling");
    }

    // ---- Create Project

    @Test
    void labelingProjects_createProject_pythonExample() {
        TestUser user = user("Labeler");
        Map<String, Object> payload = Py.dict(
                "type",
                "imageannotation",
                "name",
                "kitten_labeling",
                "rapid",
                false,
                "studio",
                false,
                "params",
                Map.of("instruction", "Please label the kittens"));

        Answer response = Answer.exchange(PythonRequests.post(base() + "/v1/projects")
                .json(payload)
                .header("accept", "application/json")
                .header("content-type", "application/json")
                .auth(user.token(), "")
                .prepare());

        // print(response.text): the documented answer's fields
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode project = response.json();
        assertDocumentedProject(project, "kitten_labeling");
        assertThat(Py.item(project, "archived").asBoolean(true)).isFalse();
        assertThat(Py.item(project, "pinned").asBoolean(true)).isFalse();
        assertThat(Py.str(project, "created_by")).isEqualTo(user.id());
        assertThat(Py.str(project, "param_history", -1, "instruction")).isEqualTo("Please label the kittens");
    }

    /**
     * The documented SDK call passes the payload's keys ({@code type}, {@code name}, {@code rapid},
     * {@code studio}, {@code params}, {@code pipeline}) as keyword arguments, which the published
     * SDK's {@code create_project(project_name, task_type, params=None, rapid=False, studio=False,
     * dataset_id=None)} does not accept; this is the same call in the form the SDK takes.
     */
    @Test
    void labelingProjects_createProject_pythonSdkExample() {
        TestUser user = user("Labeler");

        ScaleSdk.Project project = client(user)
                .createProject(
                        "project_name", "imageannotation", Map.of("instruction", "Instructions"), false, true, null);

        assertThat(project.name()).isEqualTo("project_name");
        assertThat(project.type()).isEqualTo("imageannotation");
        assertThat(project.instruction()).isEqualTo("Instructions");
        assertThat(Py.item(project.json(), "studio").asBoolean()).isTrue();
        assertThat(Py.item(project.json(), "rapid").asBoolean(true)).isFalse();
    }

    // ---- Update Project Parameters

    @Test
    void labelingProjects_updateProjectParameters_pythonExample() {
        TestUser user = user("Labeler");
        labelingProject(user, "kitten_labeling", "please label the kittens in the image");

        Answer response = Answer.exchange(PythonRequests.post(base() + "/v1/projects/kitten_labeling/setParams")
                .json(Map.of("patch", "false"))
                .header("accept", "application/json")
                .header("content-type", "application/json")
                .auth(user.token(), "")
                .prepare());

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode project = response.json();
        assertDocumentedProject(project, "kitten_labeling");
        assertThat(Py.item(project, "param_history")).hasSize(2);
        assertThat(Py.item(project, "param_history", -1, "version").asInt()).isEqualTo(1);
        assertThat(Py.item(project, "param_history", -1).has("patch"))
                .as("patch is how to make the version, not a param")
                .isFalse();
    }

    @Test
    void labelingProjects_updateProjectParameters_pythonSdkExample() {
        TestUser user = user("Labeler");
        labelingProject(user, "example_project", "Instructions");
        Map<String, Object> params = Py.dict(
                "instruction", "Please label the objects in the image.", "priority", 10, "additional_param", "value");

        // response = client.update_project(project_name, **params); print(response)
        ScaleSdk.Project response = client(user).updateProject("example_project", params);

        assertThat(response).hasToString("Project(name=example_project)");
        assertThat(response.version()).isEqualTo(1);
        assertThat(response.instruction()).isEqualTo("Please label the objects in the image.");
        assertThat(response.params().path("priority").asInt()).isEqualTo(10);
        assertThat(response.params().path("additional_param").asText()).isEqualTo("value");
    }
}
