package dev.atelier.http.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atelier.http.testing.AtelierServer.TestUser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The vendor SDKs' project calls beyond the documented examples, each sent exactly as the SDK
 * sends it (see {@link PrometheuxSdk} and {@link ScaleSdk} for where each request comes from) and
 * read back the way the SDK reads it: both generations of the Prometheux Python SDK, and Scale's
 * Python SDK.
 */
abstract class SdkWireCallsContract extends ConformanceContract {
    // ---- Prometheux SDK, the generation with the workspace in the path

    @Test
    void prometheuxSdkWithWorkspacePath_saveListLoadCleanup_inANamedWorkspace() {
        TestUser user = user("Analyst");
        String ws = workspace(user, "Named");
        PrometheuxSdk.WorkspacePath px = new PrometheuxSdk.WorkspacePath(base(), user.token());

        String id = px.saveProject(ws, null, "In a named workspace", "organization");
        assertThat(names(px.listProjects(ws, List.of("user", "organization")))).containsExactly("In a named workspace");
        assertThat(px.listProjects("workspace_id", List.of("user")))
                .as("not in the default workspace")
                .isEmpty();
        JsonNode loaded = px.loadProject(id, ws, "organization");
        assertThat(Py.str(loaded, "workspace_id")).isEqualTo(ws);
        assertThat(Py.str(loaded, "scope")).isEqualTo("organization");
        assertThat(px.cleanupProjects(ws, id, "organization")).isEqualTo("1 project deleted");
        assertThat(load(user, id)).isNull();
    }

    @Test
    void prometheuxSdkWithWorkspacePath_copyProject() {
        TestUser user = user("Analyst");
        PrometheuxSdk.WorkspacePath px = new PrometheuxSdk.WorkspacePath(base(), user.token());
        String id = px.saveProject("workspace_id", null, "Original", "user");

        // copy_project(project_id, workspace_id="workspace_id", target_scope="user", new_project_name=None)
        JsonNode copy = px.copyProject(id, "workspace_id", "user", null);

        String copyId = Py.str(copy, "new_project_id");
        assertThat(copyId).isNotEqualTo(id);
        assertThat(names(px.listProjects("workspace_id", List.of("user")))).hasSize(2);
    }

    @Test
    void prometheuxSdkWithWorkspacePath_exportAndImportWorkspace() {
        TestUser user = user("Analyst");
        PrometheuxSdk.WorkspacePath px = new PrometheuxSdk.WorkspacePath(base(), user.token());
        px.saveProject("workspace_id", null, "Carried over", "user");
        String target = workspace(user, "Target");

        // export_workspace() then import_workspace(export_data, workspace_id=target)
        JsonNode exportData = px.exportWorkspace("workspace_id", "user");
        JsonNode response = px.importWorkspace(exportData, target, "user");

        assertThat(Py.str(response, "status")).isEqualTo("success");
        assertThat(names(px.listProjects(target, List.of("user")))).containsExactly("Carried over");
    }

    // ---- Prometheux SDK, the current generation (no workspace in the path)

    @Test
    void prometheuxSdkCurrent_saveListLoadCleanup() {
        TestUser user = user("Analyst");
        TestUser colleague = user("Colleague");
        PrometheuxSdk.Current px = new PrometheuxSdk.Current(base(), user.token());
        share(colleague, project(colleague, "Shared with me"), user, "viewer");

        String id = px.saveProject(null, "Current SDK", "user", "Made by the current SDK");
        assertThat(px.saveProject(id, "Current SDK, renamed", "user", null)).isEqualTo(id);
        assertThat(names(px.listProjects(null))).containsExactly("Current SDK, renamed");
        assertThat(names(px.listProjects(List.of("user", "shared"))))
                .containsExactlyInAnyOrder("Current SDK, renamed", "Shared with me");
        JsonNode loaded = px.loadProject(id, "user");
        assertThat(Py.str(loaded, "description")).isEqualTo("Made by the current SDK");
        px.cleanupProjects(id, "user");
        assertThat(px.listProjects(null)).isEmpty();
        assertThatThrownBy(() -> px.loadProject(id, "user")).hasMessageContaining("Not Found");
    }

    @Test
    void prometheuxSdkCurrent_copyExportImportProject() {
        TestUser user = user("Analyst");
        PrometheuxSdk.Current px = new PrometheuxSdk.Current(base(), user.token());
        String id = px.saveProject(null, "Original", "user", null);

        JsonNode copy = px.copyProject(id, "user", "The copy");
        assertThat(Py.str(copy, "project", "name")).isEqualTo("The copy");

        JsonNode export = px.exportProject(id, "user");
        assertThat(Py.item(export, "summary", "total_tables").asInt()).isPositive();
        JsonNode imported = px.importProject(export, "user");
        assertThat(Py.str(imported, "new_project_id")).isNotIn(id, Py.str(copy, "new_project_id"));
        assertThat(px.listProjects(null)).hasSize(3);
    }

    @Test
    void prometheuxSdkCurrent_exportAndImportWorkspace() {
        TestUser user = user("Analyst");
        TestUser other = user("Other");
        PrometheuxSdk.Current px = new PrometheuxSdk.Current(base(), user.token());
        px.saveProject(null, "One", "user", null);
        px.saveProject(null, "Two", "user", null);

        JsonNode export = px.exportWorkspace("user");
        JsonNode imported = new PrometheuxSdk.Current(base(), other.token()).importWorkspace(export, "user");

        assertThat(Py.item(imported, "summary", "projects_imported").asInt()).isEqualTo(2);
        assertThat(names(new PrometheuxSdk.Current(base(), other.token()).listProjects(null)))
                .containsExactlyInAnyOrder("One", "Two");
    }

    // ---- Scale SDK

    @Test
    void scaleSdk_createGetListAndUpdateProject_aNameThatNeedsQuoting() {
        TestUser user = user("Labeler");
        ScaleSdk client = new ScaleSdk(base() + "/v1", user.token());
        String name = "kittens / cats & more?";

        ScaleSdk.Project created = client.createProject(
                name, "imageannotation", Map.of("instruction", "Label the kittens"), true, false, null);
        assertThat(created.version()).isZero();
        assertThat(client.getProject(name).instruction()).isEqualTo("Label the kittens");
        assertThat(client.getProjects()).extracting(ScaleSdk.Project::name).containsExactly(name);

        Map<String, Object> patch = Py.dict("patch", true, "objects_to_annotate", List.of("cat"));
        ScaleSdk.Project updated = client.updateProject(name, patch);
        assertThat(updated.version()).isEqualTo(1);
        assertThat(updated.instruction()).as("patch keeps the instruction").isEqualTo("Label the kittens");
        assertThat(updated.params().path("objects_to_annotate").get(0).asText()).isEqualTo("cat");
    }

    @Test
    void scaleSdk_createProject_withADatasetId_keepsIt() {
        TestUser user = user("Labeler");
        ScaleSdk client = new ScaleSdk(base() + "/v1", user.token());

        // the SDK sends dataset_id as "datasetId"
        ScaleSdk.Project created = client.createProject("linked", "imageannotation", null, false, false, "ds_123");

        assertThat(Py.str(created.json(), "dataset_id")).isEqualTo("ds_123");
        assertThat(Py.str(client.getProject("linked").json(), "dataset_id")).isEqualTo("ds_123");
    }

    @Test
    void scaleSdk_errorsRaiseWithTheAnswersMessage() {
        TestUser user = user("Labeler");
        ScaleSdk client = new ScaleSdk(base() + "/v1", user.token());
        client.createProject("taken", "imageannotation", null, false, false, null);

        assertThatThrownBy(() -> client.getProject("missing"))
                .isInstanceOfSatisfying(
                        ScaleSdk.ScaleException.class, e -> assertThat(e.status).isEqualTo(404))
                .hasMessageContaining("missing");
        assertThatThrownBy(() -> client.createProject("taken", "imageannotation", null, false, false, null))
                .isInstanceOfSatisfying(
                        ScaleSdk.ScaleException.class, e -> assertThat(e.status).isEqualTo(409));
        assertThatThrownBy(() -> new ScaleSdk(base() + "/v1", "not-a-key").getProjects())
                .isInstanceOfSatisfying(
                        ScaleSdk.ScaleException.class, e -> assertThat(e.status).isEqualTo(401));
    }

    @Test
    void scaleSdk_updateProject_withoutKeywordArguments_sendsNoBody_andMakesAnEmptyVersion() {
        TestUser user = user("Labeler");
        ScaleSdk client = new ScaleSdk(base() + "/v1", user.token());
        client.createProject("bare", "imageannotation", Map.of("instruction", "Do it"), false, false, null);

        ScaleSdk.Project updated = client.updateProject("bare", Map.of());

        assertThat(updated.version()).isEqualTo(1);
        assertThat(updated.instruction()).isNull();
    }
}
