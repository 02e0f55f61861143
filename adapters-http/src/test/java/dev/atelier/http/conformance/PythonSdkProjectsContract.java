package dev.atelier.http.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atelier.http.testing.AtelierServer.TestUser;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Prometheux Python SDK reference, "Projects" page ({@code prometheux_chain} functions
 * {@code save_project}, {@code list_projects}, {@code load_project}, {@code cleanup_projects} and
 * the complete workflow): every example call, through the SDK generation that page documents (a
 * {@code workspace_id} argument, default {@code "workspace_id"}; see {@link PrometheuxSdk.WorkspacePath}),
 * with the defaults of its signatures, reading what the SDK function returns.
 */
abstract class PythonSdkProjectsContract extends ConformanceContract {
    /** {@code px} after {@code PMTX_TOKEN} and {@code JARVISPY_URL} are set for {@code user}. */
    private PrometheuxSdk.WorkspacePath px(TestUser user) {
        return new PrometheuxSdk.WorkspacePath(base(), user.token());
    }

    // ---- save_project

    @Test
    void pythonSdkProjects_saveProject_createExample() {
        TestUser user = user("Analyst");

        // project_id = px.save_project(project_name="my_project")
        String projectId = px(user).saveProject("workspace_id", null, "my_project", "user");

        assertThat(projectId).isNotBlank();
        assertThat(load(user, projectId).path("name").asText()).isEqualTo("my_project");
    }

    @Test
    void pythonSdkProjects_saveProject_updateExample() {
        TestUser user = user("Analyst");
        String existingId = px(user).saveProject("workspace_id", null, "my_project", "user");

        // updated_project_id = px.save_project(project_id="existing_id", project_name="updated_name")
        String updatedProjectId = px(user).saveProject("workspace_id", existingId, "updated_name", "user");

        assertThat(updatedProjectId).isEqualTo(existingId);
        assertThat(load(user, existingId).path("name").asText()).isEqualTo("updated_name");
    }

    // ---- list_projects

    @Test
    void pythonSdkProjects_listProjects_allUserProjectsExample() {
        TestUser user = user("Analyst");
        TestUser colleague = user("Colleague");
        project(user, "Mine");
        share(colleague, project(colleague, "Theirs, shared with me"), user, "viewer");

        // projects = px.list_projects()
        JsonNode projects = px(user).listProjects("workspace_id", List.of("user"));

        assertThat(names(projects)).containsExactly("Mine");
    }

    @Test
    void pythonSdkProjects_listProjects_withScopesExample() {
        TestUser user = user("Analyst");
        TestUser colleague = user("Colleague");
        project(user, "Mine");
        share(colleague, project(colleague, "Theirs, shared with me"), user, "viewer");
        project(colleague, "Theirs, private");

        // projects = px.list_projects(project_scopes=["user", "shared"])
        JsonNode projects = px(user).listProjects("workspace_id", List.of("user", "shared"));

        assertThat(names(projects)).containsExactlyInAnyOrder("Mine", "Theirs, shared with me");
    }

    // ---- load_project

    @Test
    void pythonSdkProjects_loadProject_example() {
        TestUser user = user("Analyst");
        String myProjectId = project(user, "my_project");

        // project_data = px.load_project(project_id="my_project_id")
        JsonNode projectData = px(user).loadProject(myProjectId, "workspace_id", "user");

        assertThat(Py.str(projectData, "id")).isEqualTo(myProjectId);
        assertThat(Py.str(projectData, "name")).isEqualTo("my_project");
    }

    // ---- cleanup_projects

    @Test
    void pythonSdkProjects_cleanupProjects_allUserProjectsExample() {
        TestUser user = user("Analyst");
        String one = project(user, "One");
        String two = project(user, "Two");

        // px.cleanup_projects()
        String printed = px(user).cleanupProjects("workspace_id", null, "user");

        assertThat(printed).isEqualTo("2 projects deleted");
        assertThat(load(user, one)).isNull();
        assertThat(load(user, two)).isNull();
    }

    @Test
    void pythonSdkProjects_cleanupProjects_specificProjectExample() {
        TestUser user = user("Analyst");
        String myProjectId = project(user, "Doomed");
        String kept = project(user, "Kept");

        // px.cleanup_projects(project_id="my_project_id")
        String printed = px(user).cleanupProjects("workspace_id", myProjectId, "user");

        assertThat(printed).isEqualTo("1 project deleted");
        assertThat(load(user, myProjectId)).isNull();
        assertThat(load(user, kept)).isNotNull();
    }

    // ---- Complete Workflow Example

    @Test
    void pythonSdkProjects_completeWorkflowExample() {
        TestUser user = user("Analyst");
        PrometheuxSdk.WorkspacePath px = px(user);

        // project_id = px.save_project(project_name="test_project")
        String projectId = px.saveProject("workspace_id", null, "test_project", "user");
        // projects = px.list_projects()
        JsonNode projects = px.listProjects("workspace_id", List.of("user"));
        assertThat(names(projects)).containsExactly("test_project");
        // project_data = px.load_project(project_id)
        JsonNode projectData = px.loadProject(projectId, "workspace_id", "user");
        assertThat(Py.str(projectData, "id")).isEqualTo(projectId);
        // px.cleanup_projects(project_id=project_id)
        px.cleanupProjects("workspace_id", projectId, "user");

        assertThat(px.listProjects("workspace_id", List.of("user"))).isEmpty();
    }
}
